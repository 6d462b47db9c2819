// Time-series column names as users type them (targets files, --series, metrics).
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "model/results.hpp"

namespace gapsim {

// The output column called `name` (not "time"). The error is the nearest valid name, for
// the caller's "did you mean" (the caller knows where `name` came from).
std::expected<Column, std::string> output_variable(std::string_view name);

}  // namespace gapsim
