// Round-trip number formatting.
#include "io/number_format.hpp"

#include <cassert>
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

double round_to_12_digits(double value) {
  // The shortest text of 12 significant digits and back: what "%.12g" and strtod gave, but
  // independent of the locale. 32 characters hold any double at 12 digits ("-1.23456789012e-308").
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 12);
  assert(written.ec == std::errc());
  double rounded = 0.0;
  std::from_chars(buffer, written.ptr, rounded);
  return rounded;
}

}  // namespace gapsim
