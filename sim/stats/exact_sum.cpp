// Exact summation in a wide fixed-point accumulator (docs/MODEL.md, section 14).
#include "stats/exact_sum.hpp"

#include <bit>
#include <charconv>
#include <cmath>

namespace gapsim {
namespace {

constexpr std::uint32_t k_normalize_every = 1u << 30;  // well inside int64 headroom
constexpr int k_unit_exponent = -1074;                 // limb 0 counts units of 2^-1074
constexpr std::int64_t k_limb_base = std::int64_t{1} << 32;

}  // namespace

void ExactSum::add(double x) {
  const auto bits = std::bit_cast<std::uint64_t>(x);
  const int exponent_field = static_cast<int>((bits >> 52) & 0x7ff);
  std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
  if (exponent_field != 0) {
    mantissa |= std::uint64_t{1} << 52;
  }
  if (mantissa == 0) {
    return;
  }
  // x = +-mantissa * 2^(position - 1074)
  const int position = exponent_field == 0 ? 0 : exponent_field - 1;
  const int limb = position / 32;
  // mantissa << shift spans up to 85 bits: three 32-bit chunks.
  const int shift = position % 32;
  const auto chunk0 = static_cast<std::int64_t>(static_cast<std::uint32_t>(mantissa << shift));
  const auto chunk1 = static_cast<std::int64_t>(static_cast<std::uint32_t>(mantissa >> (32 - shift)));
  const auto chunk2 = shift == 0 ? 0 : static_cast<std::int64_t>(mantissa >> (64 - shift));
  // Negative values subtract: (c ^ mask) - mask is c for mask 0 and -c for mask -1, without a
  // branch the sign of a Monte Carlo deviation would mispredict half the time.
  const std::int64_t mask = -static_cast<std::int64_t>(bits >> 63);
  m_limbs[limb] += (chunk0 ^ mask) - mask;
  m_limbs[limb + 1] += (chunk1 ^ mask) - mask;
  m_limbs[limb + 2] += (chunk2 ^ mask) - mask;
  if (++m_pending == k_normalize_every) {
    normalize();
  }
}

void ExactSum::normalize() {
  for (int j = 0; j + 1 < k_limbs; ++j) {
    const std::int64_t carry = m_limbs[j] >> 32;  // arithmetic shift: floor division
    m_limbs[j] -= carry * (std::int64_t{1} << 32);
    m_limbs[j + 1] += carry;
  }
  m_pending = 0;
}

void ExactSum::merge(const ExactSum& other) {
  ExactSum copy = other;
  copy.normalize();
  normalize();
  for (int j = 0; j < k_limbs; ++j) {
    m_limbs[j] += copy.m_limbs[j];
  }
  normalize();
}

double ExactSum::value() const {
  ExactSum magnitude = *this;
  magnitude.normalize();
  const bool negative = magnitude.m_limbs[k_limbs - 1] < 0;
  if (negative) {
    for (std::int64_t& limb : magnitude.m_limbs) {
      limb = -limb;
    }
    magnitude.normalize();
  }
  // Most significant limb first, so each addition rounds at most once relative to the total.
  double sum = 0.0;
  for (int j = k_limbs - 1; j >= 0; --j) {
    if (magnitude.m_limbs[j] != 0) {
      sum += std::ldexp(static_cast<double>(magnitude.m_limbs[j]), 32 * j + k_unit_exponent);
    }
  }
  return negative ? -sum : sum;
}

std::string ExactSum::serialize() const {
  ExactSum canonical = *this;
  canonical.normalize();
  std::string out;
  for (int j = 0; j < k_limbs; ++j) {
    if (canonical.m_limbs[j] != 0) {
      out += out.empty() ? "" : " ";
      out += std::to_string(j);
      out += ':';
      out += std::to_string(canonical.m_limbs[j]);
    }
  }
  return out.empty() ? "0" : out;
}

std::expected<ExactSum, std::string> ExactSum::parse(std::string_view text) {
  ExactSum sum;
  if (text == "0") {
    return sum;
  }
  int previous = -1;
  while (true) {
    const std::size_t space = text.find(' ');
    const std::string_view pair = text.substr(0, space);
    const char* const end = pair.data() + pair.size();
    int index = -1;
    std::int64_t limb = 0;
    const auto [colon, index_error] = std::from_chars(pair.data(), end, index);
    const bool well_formed = index_error == std::errc{} && colon != end && *colon == ':';
    const auto [rest, limb_error] =
        well_formed ? std::from_chars(colon + 1, end, limb) : std::from_chars_result{end, std::errc::invalid_argument};
    if (!well_formed || limb_error != std::errc{} || rest != end) {
      return std::unexpected("malformed limb '" + std::string(pair) + "'");
    }
    if (index <= previous || index >= k_limbs) {
      return std::unexpected("limb index out of order or range in '" + std::string(pair) + "'");
    }
    // Canonical: the low limbs in [0, 2^32), the top one (the sign) no wider than a limb.
    const std::int64_t low = index == k_limbs - 1 ? -k_limb_base : 1;
    if (limb == 0 || limb < low || limb >= k_limb_base) {
      return std::unexpected("limb value out of range in '" + std::string(pair) + "'");
    }
    sum.m_limbs[index] = limb;
    previous = index;
    if (space == std::string_view::npos) {
      return sum;
    }
    text.remove_prefix(space + 1);
  }
}

bool ExactSum::operator==(const ExactSum& other) const {
  ExactSum a = *this;
  ExactSum b = other;
  a.normalize();
  b.normalize();
  return a.m_limbs == b.m_limbs;
}

}  // namespace gapsim
