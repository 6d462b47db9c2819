// Boost.Program_options glue shared by the subcommands.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace gapsim {

// Parses `args` against `options` with the positional arguments collected under
// `positional_name`. Prints help and returns nullopt for --help; throws
// boost::program_options::error for bad arguments.
std::optional<boost::program_options::variables_map> parse_command_line(
    const std::vector<std::string>& args, const std::string& usage,
    const boost::program_options::options_description& options, const char* positional_name);

}  // namespace gapsim
