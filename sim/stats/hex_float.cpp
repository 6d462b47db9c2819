// Exact hexadecimal text of doubles.
#include "stats/hex_float.hpp"

#include <charconv>
#include <cmath>

namespace gapsim {

void append_hex_float(std::string& out, double x) {
  char buffer[32];  // "-0x1.fffffffffffffp+1023" is 24 characters
  const double magnitude = std::fabs(x);
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::hex);
  out += std::signbit(x) ? "-0x" : "0x";
  out.append(buffer, result.ptr);
}

std::optional<double> parse_hex_float(std::string_view text) {
  const bool negative = text.starts_with('-');
  if (negative) {
    text.remove_prefix(1);
  }
  if (!text.starts_with("0x") || text.size() == 2 || text[2] == '-' || text[2] == '+') {
    return std::nullopt;
  }
  text.remove_prefix(2);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::hex);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

}  // namespace gapsim
