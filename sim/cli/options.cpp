// Command-line parsing for subcommands.
#include "cli/options.hpp"

#include <iostream>

namespace gapsim {

namespace po = boost::program_options;

std::optional<po::variables_map> parse_command_line(const std::vector<std::string>& args,
                                                    const std::string& usage,
                                                    const po::options_description& options,
                                                    const char* positional_name) {
  po::options_description all;
  all.add(options).add_options()("help,h", "show this help");
  po::options_description hidden;
  if (positional_name != nullptr) {
    hidden.add_options()(positional_name, po::value<std::vector<std::string>>());
  }
  po::options_description parse_set;
  parse_set.add(all).add(hidden);
  po::positional_options_description positional;
  if (positional_name != nullptr) {
    positional.add(positional_name, -1);
  }
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(parse_set).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << usage << "\n" << all;
    return std::nullopt;
  }
  po::notify(vm);
  return vm;
}

}  // namespace gapsim
