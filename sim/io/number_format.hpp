// Numbers as text that reads back to the same double, whatever the locale.
#pragma once

#include <optional>
#include <string>

namespace gapsim {

// Shortest round-trip representation (std::to_chars without precision); "-0" becomes "0".
std::string format_number(double value);

// As format_number, but never with an exponent ("100000", not "1e+05"): for numbers a
// reader types, such as thresholds.
std::string format_plain(double value);

// `value` rounded to 12 significant digits, so that grid values made by adding steps are the
// numbers a reader types: 0.2 + 0.01 gives 0.21, not 0.21000000000000002.
double round_to_12_digits(double value);

// Empty text for nullopt.
std::string format_optional(const std::optional<double>& value);

}  // namespace gapsim
