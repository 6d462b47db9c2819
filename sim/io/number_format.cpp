// Round-trip number formatting.
#include "io/number_format.hpp"

#include <charconv>

namespace gapsim {

std::string format_number(double value) {
  if (value == 0.0) {
    value = 0.0;  // no "-0" in outputs
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_plain(double value) {
  if (value == 0.0) {
    value = 0.0;
  }
  char buffer[400];  // the longest fixed form of a double has 327 characters
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

std::string format_optional(const std::optional<double>& value) {
  return value ? format_number(*value) : std::string();
}

}  // namespace gapsim
