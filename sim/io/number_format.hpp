// Numbers as text that reads back to the same double, whatever the locale.
#pragma once

#include <optional>
#include <string>

namespace gapsim {

// Shortest round-trip representation (std::to_chars without precision); "-0" becomes "0".
std::string format_number(double value);

// Empty text for nullopt.
std::string format_optional(const std::optional<double>& value);

}  // namespace gapsim
