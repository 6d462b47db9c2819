// `gapsim export`: one scenario, fully resolved, as a model for another engine.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/usage_error.hpp"
#include "export/scenario_model.hpp"
#include "io/atomic_file.hpp"
#include "io/scenario_builder.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim export SCENARIO --format mdl|xmile [-o FILE] [--set KEY=VALUE]...\n"
    "Writes the scenario, after extends, defaults and --set, as a Vensim model (mdl: Vensim,\n"
    "PySD, SDEverywhere) or an XMILE 1.0 model (xmile: Stella, simlin) to FILE, or to standard\n"
    "output without -o. Other engines run it to gapsim's numbers: every timeseries.csv column\n"
    "is a variable of the same name, time counts Euler steps (TIME STEP = 1, a report row every\n"
    "report_steps steps), levels are read at a report row's start and totals at its end\n"
    "(docs/MODEL.md section 17). What the model cannot express (a programme or event name that\n"
    "is no model name, an event's attack_multiplier of 0) is an error naming it.";

}  // namespace

int export_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("format", po::value<std::string>(), "model format: mdl or xmile")(
      "output,o", po::value<std::string>(), "file to write (default: standard output)")(
      "set", po::value<std::vector<std::string>>(), "KEY=VALUE over the scenario's setting (repeatable)");
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const std::string path = option_values(*vm, "scenario", k_usage, 1, 1).front();
  const std::string format = required_option(*vm, "format", k_usage);
  if (format != "mdl" && format != "xmile") {
    throw UsageError("--format: '" + format + "' is not a model format gapsim writes (mdl, xmile)");
  }
  RawScenario raw = load_scenario(path, read_disk_file);
  apply_overrides(raw, setting_overrides(*vm), "--set");
  const std::string model = scenario_model(raw, build_scenario(raw, read_disk_file),
                                           format == "mdl" ? ModelFormat::mdl : ModelFormat::xmile, read_disk_file);
  if (vm->count("output")) {
    write_file_atomically((*vm)["output"].as<std::string>(), model);
  } else {
    std::cout << model;
  }
  return k_exit_success;
}

}  // namespace gapsim
