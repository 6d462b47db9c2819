// Quantiles of millions of values in bounded memory, mergeable exactly: counts in bins of
// relative width 2^-10, so a reported quantile is within 2^-11 (0.05%) of the exact one.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace gapsim {

// Values are binned by the top 10 bits of their binary mantissa (with sign and exponent):
// a bin spans [lo, lo * (1 + 2^-10)) or less, whatever the scale. Exact zeros have their own
// count. Counts are integers, so merging is exact and order-free, and a study split over
// threads or machines gives the same sketch as one run.
class QuantileSketch {
 public:
  static constexpr int k_mantissa_bits = 10;

  // REQUIRES: std::isfinite(x).
  void add(double x);
  void merge(const QuantileSketch& other);

  std::uint64_t count() const { return m_count; }
  std::uint64_t zeros() const { return m_zeros; }
  double min() const { return m_min; }
  double max() const { return m_max; }

  // Nearest-rank q-quantile: the value of rank ceil(q * count) (1-based, at least 1) in
  // sorted order, as the midpoint of its bin clamped to [min, max]. It is within
  // 2^-11 * |exact| of the exact order statistic, and exact for the first and last rank
  // (min and max are kept exactly) and for zeros. REQUIRES count() > 0, 0 <= q <= 1.
  double quantile(double q) const;

  // One line of text holding the whole state, and its inverse. Only non-empty bins are
  // written, so equal contents give equal text. parse() accepts only what serialize() can
  // write: finite min <= max, bin keys strictly increasing and each the key of a value of
  // its sign between min and max, counts positive and adding up (with the zeros) to the
  // count. So the bins it allocates span at most the keys between min and max, whatever the
  // numbers in the text. The error says what is wrong, quoting at most one token.
  std::string serialize() const;
  static std::expected<QuantileSketch, std::string> parse(std::string_view text);

 private:
  // Bin counts over consecutive keys from `first`; keys are monotone in magnitude.
  struct Store {
    std::int64_t first = 0;
    std::vector<std::uint64_t> counts;
    void add(std::int64_t key, std::uint64_t n) {
      const std::uint64_t offset = static_cast<std::uint64_t>(key - first);
      if (offset < counts.size()) {  // the common case, inline; growth is out of line
        counts[offset] += n;
      } else {
        grow_and_add(key, n);
      }
    }
    void grow_and_add(std::int64_t key, std::uint64_t n);
  };

  Store m_positive;  // keyed by magnitude
  Store m_negative;  // keyed by magnitude
  std::uint64_t m_zeros = 0;
  std::uint64_t m_count = 0;
  double m_min = 0.0;
  double m_max = 0.0;
};

}  // namespace gapsim
