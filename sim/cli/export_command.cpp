// `gapsim export`: one scenario, fully resolved, as a model for another engine.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/usage_error.hpp"
#include "export/vensim_model.hpp"
#include "io/atomic_file.hpp"
#include "io/scenario_builder.hpp"
#include "io/setting_override.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim export SCENARIO --format mdl [-o FILE] [--set KEY=VALUE]...\n"
    "Writes the scenario, after extends, defaults and --set, as a Vensim model (.mdl) to FILE, or\n"
    "to standard output without -o. Vensim, PySD and SDEverywhere run it to gapsim's numbers:\n"
    "every timeseries.csv column is a variable of the same name, time counts Euler steps\n"
    "(TIME STEP = 1, SAVEPER = the report step), levels are read at a report row's start and\n"
    "totals at its end (docs/MODEL.md section 17). A scenario the model cannot express (a\n"
    "programme or event name that is no Vensim name) is an error naming its key.";

}  // namespace

int export_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("format", po::value<std::string>(), "model format: mdl")(
      "output,o", po::value<std::string>(), "file to write (default: standard output)")(
      "set", po::value<std::vector<std::string>>(), "KEY=VALUE over the scenario's setting (repeatable)");
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const std::string path = option_values(*vm, "scenario", k_usage, 1, 1).front();
  const std::string format = required_option(*vm, "format", k_usage);
  if (format != "mdl") {
    throw UsageError("--format: '" + format + "' is not a model format gapsim writes (mdl)");
  }
  RawScenario raw = load_scenario(path, read_disk_file);
  if (vm->count("set")) {
    std::vector<SettingOverride> overrides;
    for (const std::string& text : (*vm)["set"].as<std::vector<std::string>>()) {
      const auto override = parse_setting_override(text);
      if (!override) {
        throw UsageError("--set " + override.error());
      }
      overrides.push_back(*override);
    }
    apply_overrides(raw, overrides, "--set");
  }
  const std::string model = vensim_model(raw, build_scenario(raw, read_disk_file));
  if (vm->count("output")) {
    write_file_atomically((*vm)["output"].as<std::string>(), model);
  } else {
    std::cout << model;
  }
  return k_exit_success;
}

}  // namespace gapsim
