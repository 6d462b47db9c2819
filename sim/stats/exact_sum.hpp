// A sum of doubles that is exact, so it does not depend on the order of the terms: Monte
// Carlo bands come out byte-identical whatever the thread count or the sharding.
#pragma once

#include <array>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace gapsim {

// Every finite double is an integer multiple of 2^-1074, so the sum is kept as one wide
// fixed-point integer in 32-bit limbs held in int64 (room for 2^31 additions before a carry
// pass). Adding a double touches three limbs.
class ExactSum {
 public:
  static constexpr int k_limbs = 68;  // 68 * 32 bits > 2098 bits of double range + headroom

  // REQUIRES: std::isfinite(x).
  void add(double x);
  void merge(const ExactSum& other);

  // The exact sum rounded to a double (the same exact sum always gives the same double).
  double value() const;

  // The limbs in canonical form as "index:value" pairs separated by spaces ("0" for zero),
  // for shard files; parse() reads back only that form: indices increasing and in range, each
  // value non-zero and in its canonical range. The error quotes the offending pair.
  std::string serialize() const;
  static std::expected<ExactSum, std::string> parse(std::string_view text);

  bool operator==(const ExactSum& other) const;

 private:
  void normalize();  // carries so limbs 0..k-2 are in [0, 2^32) and the top one holds the sign

  std::array<std::int64_t, k_limbs> m_limbs{};
  std::uint32_t m_pending = 0;  // additions since the last normalize
};

}  // namespace gapsim
