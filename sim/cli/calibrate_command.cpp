// `gapsim calibrate`: fit scenario keys to target values and write the fitted values, the
// residual at every target, and a scenario file that extends the original with them.
#include <filesystem>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "cli/plot_options.hpp"
#include "cli/study_options.hpp"
#include "cli/usage_error.hpp"
#include "io/manifest.hpp"
#include "study/posterior_files.hpp"
#include "study/posterior_sampling.hpp"
#include "study/scenario_calibration.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

// Two million draws of ten keys make a posterior.csv of some 400 MB.
constexpr int k_max_posterior_samples = 2000000;

constexpr const char* k_usage =
    "usage: gapsim calibrate SCENARIO --targets TARGETS.csv --fit KEY [--fit KEY ...] [-o DIR]\n"
    "Adjusts the named number keys of SCENARIO, each within its valid range, to minimise the\n"
    "sum of squared relative errors against the target rows (columns year, variable, value;\n"
    "variable is a time-series column such as workforce or shortage). Writes\n"
    "DIR/calibration.csv, DIR/calibration_residuals.csv, DIR/<scenario>_calibrated.ini (which\n"
    "extends SCENARIO) and DIR/manifest. DIR defaults to output/calibrate/<scenario>.\n"
    "Both forms also write their figures and DIR/report.html, unless --no-plots.\n"
    "\n"
    "usage: gapsim calibrate SCENARIO --targets TARGETS.csv --posterior [--fit KEY ...]\n"
    "                        [--samples N] [--chains C] [--burn-in B] [--thin K] [--seed S]\n"
    "                        [--threads T] [-o DIR]\n"
    "Draws the posterior of the scenario's [uncertain] keys (or of the --fit ones): the\n"
    "declarations are the priors and each target's sd or rel_sd its observation error, in a\n"
    "Gaussian likelihood. A stretch-move ensemble sampler of C walkers (default max(32, 4 keys))\n"
    "discards B iterations (default 2000), then keeps every K-th (default 25) until N draws\n"
    "(default 20000). Writes DIR/posterior.csv, posterior_summary.csv (with R-hat and the\n"
    "effective sample size), posterior_predictive.csv and manifest, and warns for a key whose\n"
    "R-hat is above 1.01 or whose effective sample size is below 400. The same seed gives the\n"
    "same bytes for any --threads.";

// --samples, --chains, --burn-in, --thin, --seed and --threads. Throws UsageError naming one
// out of its range.
PosteriorOptions posterior_options(const po::variables_map& vm) {
  PosteriorOptions options;
  options.samples = vm["samples"].as<int>();
  options.walkers = vm["chains"].as<int>();
  options.burn_in = vm["burn-in"].as<int>();
  options.thin = vm["thin"].as<int>();
  options.seed = seed_option(vm);
  options.threads = thread_count(vm);
  if (options.samples < 1 || options.samples > k_max_posterior_samples) {
    throw UsageError("--samples " + std::to_string(options.samples) + ": give 1 to " +
                     std::to_string(k_max_posterior_samples));
  }
  if (options.walkers != 0 && (options.walkers < 4 || options.walkers % 2 != 0 || options.walkers > 10000)) {
    throw UsageError("--chains " + std::to_string(options.walkers) + ": give an even number from 4 to 10000, or 0");
  }
  if (options.burn_in < 0 || options.burn_in > 1000000) {
    throw UsageError("--burn-in " + std::to_string(options.burn_in) + ": give 0 to 1000000");
  }
  if (options.thin < 1 || options.thin > 10000) {
    throw UsageError("--thin " + std::to_string(options.thin) + ": give 1 to 10000");
  }
  return options;
}

int posterior_calibration(const po::variables_map& vm, const std::vector<std::string>& args,
                          const std::string& scenario_path, const std::string& targets_path,
                          const std::vector<CalibrationTarget>& targets, const std::vector<std::string>& fit) {
  const PosteriorOptions options = posterior_options(vm);
  const UncertainScenario scenario(scenario_path, read_disk_file);
  const Posterior posterior = sample_posterior(scenario, posterior_keys(scenario, fit), targets, targets_path, options);
  std::cout << posterior_summary_text(posterior);
  for (const std::string& warning : posterior_warnings(posterior)) {
    std::cerr << "warning: calibrate: " << warning << "\n";
  }
  const fs::path dir = vm.count("output") ? fs::path(vm["output"].as<std::string>())
                                          : fs::path("output") / "calibrate" / scenario.raw.name;
  std::vector<std::string> inputs = scenario.raw.files;
  inputs.push_back(targets_path);
  write_output_files(dir.string(), {{"posterior.csv", posterior_csv(posterior)},
                                    {"posterior_summary.csv", posterior_summary_csv(posterior)},
                                    {"posterior_predictive.csv", posterior_predictive_csv(posterior)},
                                    {"manifest", command_manifest_text("calibrate", args, inputs, read_disk_file)}});
  return plot_after_command(vm, dir.string(), "", "");
}

}  // namespace

int calibrate_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("targets", po::value<std::string>()->required(), "CSV of target values")(
      "fit", po::value<std::vector<std::string>>(), "scenario key to adjust (repeatable)")(
      "posterior", "draw the posterior of the uncertain keys instead of fitting")(
      "samples", po::value<int>()->default_value(20000), "posterior: retained draws")(
      "chains", po::value<int>()->default_value(0), "posterior: walkers (even, >= 4; 0: max(32, 4 keys))")(
      "burn-in", po::value<int>()->default_value(2000), "posterior: iterations discarded first")(
      "thin", po::value<int>()->default_value(25), "posterior: keep every K-th iteration")(
      "seed", po::value<std::string>()->default_value("1"), "posterior: the sampler's seed")(
      "output,o", po::value<std::string>(), "output directory");
  add_study_options(options);
  add_plot_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const std::string scenario = option_values(*vm, "scenario", k_usage, 1, 1).front();
  const std::string targets_path = (*vm)["targets"].as<std::string>();
  const auto targets = read_calibration_targets(read_input_file(targets_path), targets_path);
  const std::vector<std::string> fit =
      vm->count("fit") ? (*vm)["fit"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (vm->count("posterior")) {
    return posterior_calibration(*vm, args, scenario, targets_path, targets, fit);
  }
  if (fit.empty()) {
    throw UsageError("--fit KEY: name a key to fit, or ask for --posterior");
  }
  const RawScenario raw = load_scenario(scenario, read_disk_file);
  auto keys = calibration_keys(raw, fit);
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
  const int plotted = plot_after_command(*vm, dir.string(), "", "");
  return calibration.converged ? plotted : k_exit_failure;
}

}  // namespace gapsim
