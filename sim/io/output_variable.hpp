// Time-series column names as users type them (targets files, --series, metrics).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/results.hpp"

namespace gapsim {

// The output column called `name` (not "time"); else nullopt with `closest` set to the
// nearest valid name, for "did you mean".
std::optional<Column> output_variable(std::string_view name, std::string& closest);

}  // namespace gapsim
