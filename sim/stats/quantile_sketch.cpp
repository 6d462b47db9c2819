// Binned quantile sketch (docs/MODEL.md, section 14).
#include "stats/quantile_sketch.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <sstream>

#include "stats/hex_float.hpp"

namespace gapsim {
namespace {

constexpr int k_shift = 52 - QuantileSketch::k_mantissa_bits;

// Key of a magnitude: its IEEE bits without the low mantissa bits; monotone in the value.
std::int64_t key_of(double magnitude) {
  return static_cast<std::int64_t>(std::bit_cast<std::uint64_t>(magnitude) >> k_shift);
}

double bin_low(std::int64_t key) { return std::bit_cast<double>(static_cast<std::uint64_t>(key) << k_shift); }

double bin_midpoint(std::int64_t key) {
  const double lo = bin_low(key);
  return lo + (bin_low(key + 1) - lo) / 2;
}

}  // namespace

void QuantileSketch::Store::grow_and_add(std::int64_t key, std::uint64_t n) {
  if (counts.empty()) {
    first = key;
    counts.assign(1, 0);
  } else if (key < first) {
    // Grow with slack so values creeping outward do not reallocate every time.
    const std::int64_t grow = std::max<std::int64_t>(first - key, static_cast<std::int64_t>(counts.size() / 2));
    counts.insert(counts.begin(), static_cast<std::size_t>(grow), 0);
    first -= grow;
  } else if (key >= first + static_cast<std::int64_t>(counts.size())) {
    const std::int64_t needed = key - first + 1;
    counts.resize(
        static_cast<std::size_t>(std::max<std::int64_t>(needed, static_cast<std::int64_t>(counts.size() * 3 / 2))), 0);
  }
  counts[static_cast<std::size_t>(key - first)] += n;
}

void QuantileSketch::add(double x) {
  if (m_count == 0) {
    m_min = m_max = x;
  } else {
    m_min = std::min(m_min, x);
    m_max = std::max(m_max, x);
  }
  ++m_count;
  if (x > 0.0) {
    m_positive.add(key_of(x), 1);
  } else if (x < 0.0) {
    m_negative.add(key_of(-x), 1);
  } else {
    ++m_zeros;
  }
}

void QuantileSketch::merge(const QuantileSketch& other) {
  if (other.m_count == 0) {
    return;
  }
  m_min = m_count == 0 ? other.m_min : std::min(m_min, other.m_min);
  m_max = m_count == 0 ? other.m_max : std::max(m_max, other.m_max);
  m_count += other.m_count;
  m_zeros += other.m_zeros;
  for (const auto& [mine, theirs] :
       {std::pair{&m_positive, &other.m_positive}, std::pair{&m_negative, &other.m_negative}}) {
    for (std::size_t i = 0; i < theirs->counts.size(); ++i) {
      if (theirs->counts[i] != 0) {
        mine->add(theirs->first + static_cast<std::int64_t>(i), theirs->counts[i]);
      }
    }
  }
}

double QuantileSketch::quantile(double q) const {
  const auto rank =
      std::clamp<std::uint64_t>(static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(m_count))), 1, m_count);
  if (rank == 1) {
    return m_min;
  }
  if (rank == m_count) {
    return m_max;
  }
  std::uint64_t seen = 0;
  double value = m_max;
  bool found = false;
  // Most negative first: the negative store from its largest magnitude down.
  for (std::size_t i = m_negative.counts.size(); i-- > 0 && !found;) {
    seen += m_negative.counts[i];
    if (seen >= rank) {
      value = -bin_midpoint(m_negative.first + static_cast<std::int64_t>(i));
      found = true;
    }
  }
  if (!found) {
    seen += m_zeros;
    if (seen >= rank) {
      value = 0.0;
      found = true;
    }
  }
  for (std::size_t i = 0; i < m_positive.counts.size() && !found; ++i) {
    seen += m_positive.counts[i];
    if (seen >= rank) {
      value = bin_midpoint(m_positive.first + static_cast<std::int64_t>(i));
      found = true;
    }
  }
  return std::clamp(value, m_min, m_max);
}

std::string QuantileSketch::serialize() const {
  std::string out;
  out += std::to_string(m_count) + " " + std::to_string(m_zeros) + " ";
  append_hex_float(out, m_min);  // hexadecimal: exact
  out += ' ';
  append_hex_float(out, m_max);
  for (const Store* store : {&m_positive, &m_negative}) {
    std::size_t nonzero = 0;
    for (std::uint64_t n : store->counts) {
      nonzero += n != 0;
    }
    out += ' ';
    out += std::to_string(nonzero);
    for (std::size_t i = 0; i < store->counts.size(); ++i) {
      if (store->counts[i] != 0) {
        out += ' ';
        out += std::to_string(store->first + static_cast<std::int64_t>(i));
        out += ':';
        out += std::to_string(store->counts[i]);
      }
    }
  }
  return out;
}

bool QuantileSketch::parse(const std::string& text) {
  *this = QuantileSketch{};
  std::istringstream in(text);
  std::string min_text;
  std::string max_text;
  if (!(in >> m_count >> m_zeros >> min_text >> max_text)) {
    return false;
  }
  const auto min = parse_hex_float(min_text);
  const auto max = parse_hex_float(max_text);
  if (!min || !max) {
    return false;
  }
  m_min = *min;
  m_max = *max;
  QuantileSketch bins;  // rebuilt through add so the layout matches a merge
  for (Store* store : {&bins.m_positive, &bins.m_negative}) {
    std::size_t nonzero = 0;
    if (!(in >> nonzero)) {
      return false;
    }
    for (std::size_t k = 0; k < nonzero; ++k) {
      long long key = 0;
      unsigned long long n = 0;
      char colon = 0;
      if (!(in >> key >> colon >> n) || colon != ':' || n == 0) {
        return false;
      }
      store->add(key, n);
    }
  }
  m_positive = std::move(bins.m_positive);
  m_negative = std::move(bins.m_negative);
  return true;
}

}  // namespace gapsim
