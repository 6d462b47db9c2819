// `gapsim calibrate`: fit scenario keys to target values and write the fitted values, the
// residual at every target, and a scenario file that extends the original with them.
#include <filesystem>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "cli/usage_error.hpp"
#include "io/manifest.hpp"
#include "study/scenario_calibration.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim calibrate SCENARIO --targets TARGETS.csv --fit KEY [--fit KEY ...] [-o DIR]\n"
    "Adjusts the named number keys of SCENARIO, each within its valid range, to minimise the\n"
    "sum of squared relative errors against the target rows (columns year, variable, value;\n"
    "variable is a time-series column such as workforce or shortage). Writes\n"
    "DIR/calibration.csv, DIR/calibration_residuals.csv, DIR/<scenario>_calibrated.ini (which\n"
    "extends SCENARIO) and DIR/manifest. DIR defaults to output/calibrate/<scenario>.";

}  // namespace

int calibrate_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("targets", po::value<std::string>()->required(), "CSV of target values")(
      "fit", po::value<std::vector<std::string>>()->required(), "scenario key to adjust (repeatable)")(
      "output,o", po::value<std::string>(), "output directory");
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const std::string scenario = option_values(*vm, "scenario", k_usage, 1, 1).front();
  const std::string targets_path = (*vm)["targets"].as<std::string>();
  const auto targets = read_calibration_targets(read_input_file(targets_path), targets_path);
  const RawScenario raw = load_scenario(scenario, read_disk_file);
  auto keys = calibration_keys(raw, (*vm)["fit"].as<std::vector<std::string>>());
  if (!keys) {
    throw UsageError("--fit " + keys.error());
  }
  const Calibration calibration = calibrate_scenario(raw, read_disk_file, std::move(*keys), targets, targets_path);
  std::cout << calibration_summary_text(calibration);

  const fs::path dir =
      vm->count("output") ? fs::path((*vm)["output"].as<std::string>()) : fs::path("output") / "calibrate" / raw.name;
  const std::string extends = fs::relative(fs::absolute(scenario), fs::absolute(dir)).generic_string();
  std::vector<std::string> inputs = raw.files;
  inputs.push_back(targets_path);
  write_output_files(dir.string(),
                     {{"calibration.csv", calibration_csv(calibration)},
                      {"calibration_residuals.csv", calibration_residuals_csv(calibration)},
                      {raw.name + "_calibrated.ini", calibrated_scenario_text(calibration, extends, targets_path)},
                      {"manifest", command_manifest_text("calibrate", args, inputs, read_disk_file)}});
  return calibration.converged ? k_exit_success : k_exit_failure;
}

}  // namespace gapsim
