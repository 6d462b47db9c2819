// Names that become one file or directory inside an output directory (scenario names,
// the files a command writes), and why a name cannot be one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gapsim {

// Longest name accepted; the staging directory adds ".NAME.staging.PID" and the file
// system's limit is 255 bytes, and a calibrated scenario adds "_calibrated.ini".
inline constexpr std::size_t k_max_output_name = 100;

// Why `name` cannot be a single entry inside an output directory, or nullopt if it can.
// Refused: empty; longer than k_max_output_name; starting with '.' (".", ".." and hidden
// names, where the staging directories live) or '-' (read as an option); containing '/',
// '\\' or a control character. The reason quotes the name with control characters escaped.
std::optional<std::string> output_name_problem(std::string_view name);

}  // namespace gapsim
