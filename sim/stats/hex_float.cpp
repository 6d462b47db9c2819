// Hexadecimal float text through std::to_chars / std::from_chars.
#include "stats/hex_float.hpp"

#include <cctype>
#include <charconv>
#include <system_error>

namespace gapsim {

void append_hex_float(std::string& out, double value) {
  char buffer[32];  // "-0x1.fffffffffffffp+1023" is 24 characters
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::hex);
  const std::string_view text(buffer, static_cast<std::size_t>(written.ptr - buffer));
  // to_chars leaves out printf's "0x" prefix; put it back after the sign of a number.
  const std::size_t sign = text.starts_with('-') ? 1 : 0;
  out += text.substr(0, sign);
  if (text[sign] >= '0' && text[sign] <= '9') {
    out += "0x";
  }
  out += text.substr(sign);
}

std::optional<double> parse_hex_float(std::string_view text) {
  const bool negative = text.starts_with('-');
  if (negative) {
    text.remove_prefix(1);
  }
  if (text.starts_with("0x")) {
    text.remove_prefix(2);
    if (text.empty() || !std::isxdigit(static_cast<unsigned char>(text.front()))) {
      return std::nullopt;
    }
  } else if (text != "inf" && text != "nan") {
    return std::nullopt;  // "1.5" would read as hexadecimal 1.3125: a number needs its "0x"
  }
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::hex);
  if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

}  // namespace gapsim
