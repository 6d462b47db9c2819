// Boost.Program_options glue shared by the subcommands.
#pragma once

#include <boost/program_options.hpp>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "io/setting_override.hpp"

namespace gapsim {

// Parses `args` against `options` with the positional arguments collected under
// `positional_name`. Prints help and returns nullopt for --help; throws
// boost::program_options::error for bad arguments.
std::optional<boost::program_options::variables_map> parse_command_line(
    const std::vector<std::string>& args, const std::string& usage,
    const boost::program_options::options_description& options, const char* positional_name);

// The values of a repeatable option or of the positional arguments collected under `name`;
// throws UsageError with `usage` as its message when there are fewer than `min` or more than `max`.
std::vector<std::string> option_values(const boost::program_options::variables_map& vm, const char* name,
                                       const std::string& usage, std::size_t min,
                                       std::size_t max = std::numeric_limits<std::size_t>::max());

// "a,b,,c" as {"a", "b", "", "c"}: the items of a comma-separated option value, empty ones kept
// for the caller to refuse by name.
std::vector<std::string> comma_items(const std::string& text);

// The value of option `name`; throws UsageError with `usage` when it was not given.
std::string required_option(const boost::program_options::variables_map& vm, const char* name,
                            const std::string& usage);

// The settings of the repeatable option --set KEY=VALUE, in order; throws UsageError for one
// that is not KEY=VALUE.
std::vector<SettingOverride> setting_overrides(const boost::program_options::variables_map& vm);

}  // namespace gapsim
