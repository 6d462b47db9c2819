// Command-line parsing for subcommands.
#include "cli/options.hpp"

#include <algorithm>
#include <iostream>

#include "cli/usage_error.hpp"

namespace gapsim {

namespace po = boost::program_options;

std::optional<po::variables_map> parse_command_line(const std::vector<std::string>& args, const std::string& usage,
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

std::vector<std::string> option_values(const po::variables_map& vm, const char* name, const std::string& usage,
                                       std::size_t min, std::size_t max) {
  const std::vector<std::string> values =
      vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (values.size() < min || values.size() > max) {
    throw UsageError(usage);
  }
  return values;
}

std::vector<std::string> comma_items(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

std::string required_option(const po::variables_map& vm, const char* name, const std::string& usage) {
  if (!vm.count(name)) {
    throw UsageError(usage);
  }
  return vm[name].as<std::string>();
}

std::vector<SettingOverride> setting_overrides(const boost::program_options::variables_map& vm) {
  std::vector<SettingOverride> overrides;
  if (vm.count("set")) {
    for (const std::string& text : vm["set"].as<std::vector<std::string>>()) {
      const auto override = parse_setting_override(text);
      if (!override) {
        throw UsageError("--set " + override.error());
      }
      overrides.push_back(*override);
    }
  }
  return overrides;
}

}  // namespace gapsim
