// Binned quantile sketch (docs/MODEL.md, section 14).
#include "stats/quantile_sketch.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>

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

// The space-separated tokens of one line, in order.
class Tokens {
 public:
  explicit Tokens(std::string_view text) : m_rest(text) {}
  // The next token; empty at the end (or for a doubled space).
  std::string_view next() {
    const std::size_t end = m_rest.find(' ');
    const std::string_view token = m_rest.substr(0, end);
    m_rest = end == std::string_view::npos ? std::string_view{} : m_rest.substr(end + 1);
    return token;
  }
  bool done() const { return m_rest.empty(); }

 private:
  std::string_view m_rest;
};

// The whole of `text` as a decimal integer (no sign for an unsigned one).
template <class Integer>
bool parse_whole(std::string_view text, Integer& value) {
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  return !text.empty() && error == std::errc() && stop == end;
}

// 'token', or (missing) when the line ran out (built by appending: GCC 12 warns falsely on
// "'" + std::string(...)).
std::string quoted_token(std::string_view token) {
  if (token.empty()) {
    return "(missing)";
  }
  std::string out = "'";
  out += token;
  out += '\'';
  return out;
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

std::expected<QuantileSketch, std::string> QuantileSketch::parse(std::string_view text) {
  Tokens tokens(text);
  QuantileSketch sketch;
  const std::string_view count_text = tokens.next();
  const std::string_view zeros_text = tokens.next();
  if (!parse_whole(count_text, sketch.m_count)) {
    return std::unexpected("malformed count " + quoted_token(count_text));
  }
  if (!parse_whole(zeros_text, sketch.m_zeros)) {
    return std::unexpected("malformed zero count " + quoted_token(zeros_text));
  }
  for (double* bound : {&sketch.m_min, &sketch.m_max}) {
    const std::string_view bound_text = tokens.next();
    const auto value = parse_hex_float(bound_text);
    if (!value || !std::isfinite(*value)) {
      return std::unexpected("malformed min or max " + quoted_token(bound_text));
    }
    *bound = *value;
  }
  if (sketch.m_min > sketch.m_max) {
    return std::unexpected("min is above max");
  }
  if (sketch.m_zeros > 0 && (sketch.m_min > 0.0 || sketch.m_max < 0.0)) {
    return std::unexpected("zeros counted, but min..max does not hold 0");
  }
  // Keys each sign's values between min and max can have: the bins allocated below span at
  // most these, so no number in the text sets the size of the store.
  struct Sign {
    Store* store;
    std::int64_t lowest;
    std::int64_t highest;  // below lowest when the sign has no values in min..max
    const char* name;
  };
  const double min = sketch.m_min;
  const double max = sketch.m_max;
  const Sign signs[] = {{&sketch.m_positive, min > 0.0 ? key_of(min) : 0, max > 0.0 ? key_of(max) : -1, "positive"},
                        {&sketch.m_negative, max < 0.0 ? key_of(-max) : 0, min < 0.0 ? key_of(-min) : -1, "negative"}};
  std::uint64_t total = sketch.m_zeros;
  for (const Sign& sign : signs) {
    const std::string_view bins_text = tokens.next();
    std::uint64_t bins = 0;
    if (!parse_whole(bins_text, bins)) {
      return std::unexpected(std::string("malformed number of ") + sign.name + " bins " + quoted_token(bins_text));
    }
    std::int64_t previous = sign.lowest - 1;
    for (std::uint64_t k = 0; k < bins; ++k) {
      const std::string_view bin = tokens.next();
      const std::size_t colon = bin.find(':');
      std::int64_t key = 0;
      std::uint64_t n = 0;
      if (colon == std::string_view::npos || !parse_whole(bin.substr(0, colon), key) ||
          !parse_whole(bin.substr(colon + 1), n)) {
        return std::unexpected(std::string("malformed ") + sign.name + " bin " + quoted_token(bin));
      }
      if (key < sign.lowest || key > sign.highest) {
        return std::unexpected(std::string(sign.name) + " bin " + quoted_token(bin) +
                               " lies outside the bins of min..max");
      }
      if (key <= previous) {
        return std::unexpected(std::string(sign.name) + " bin " + quoted_token(bin) +
                               " does not follow the previous key");
      }
      if (n == 0) {
        return std::unexpected(std::string(sign.name) + " bin " + quoted_token(bin) + " has no count");
      }
      if (n > sketch.m_count - std::min(total, sketch.m_count)) {
        return std::unexpected("the bins and zeros add up to more than the count " + std::to_string(sketch.m_count));
      }
      total += n;
      previous = key;
      sign.store->add(key, n);
    }
  }
  if (!tokens.done()) {
    return std::unexpected("unexpected " + quoted_token(tokens.next()) + " after the bins");
  }
  if (total != sketch.m_count) {
    return std::unexpected("the bins and zeros add up to " + std::to_string(total) + ", not the count " +
                           std::to_string(sketch.m_count));
  }
  return sketch;
}

}  // namespace gapsim
