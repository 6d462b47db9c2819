// `gapsim sensitivity`: which uncertain input drives an output metric: a tornado table and
// global Sobol indices, written as CSV with a manifest.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/plot_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/study_options.hpp"
#include "io/atomic_file.hpp"
#include "io/manifest.hpp"
#include "study/sensitivity.hpp"
#include "study/uncertain_scenario.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim sensitivity SCENARIO --output METRIC [--runs N] [--seed S]\n"
    "                          [--sampler sobol|random|lhs] [--bootstrap B] [--threads T] [--quiet] [-o DIR]\n"
    "METRIC is a summary metric (shortage_end, peak_shortage, total_cost_training, ...) or a\n"
    "variable in a year, VARIABLE_YEAR or VARIABLE@YEAR (skill_gap_2025: on 1 January; hires_2025:\n"
    "over the year). Over the scenario's [uncertain] inputs, writes\n"
    "DIR/<scenario>/tornado.csv (each input at its 5th and 95th percentile, the others at\n"
    "their medians) and sobol.csv (first-order and total indices from N (d + 2) runs of a\n"
    "Saltelli design, with 95% bootstrap intervals), and a manifest, then the tornado and Sobol\n"
    "figures (DIR/<scenario>/figures/) and DIR/report.html ([--plots|--no-plots] [--format svg,png]).";

}  // namespace

int sensitivity_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  // --output names the metric (as analysts say "the output"); -o is the directory, as elsewhere.
  options.add_options()("output", po::value<std::string>(),
                        "METRIC: shortage_end, shortage_2020, VARIABLE@YEAR, ... (required)")(
      "out-dir,o", po::value<std::string>()->default_value("output"), "output directory")(
      "runs", po::value<std::int64_t>()->default_value(1024), "base samples N of the Saltelli design")(
      "seed", po::value<std::string>()->default_value("1"), "seed of the design (random, lhs) and the bootstrap")(
      "sampler", po::value<std::string>()->default_value("sobol"), "sobol, random or lhs")(
      "bootstrap", po::value<int>()->default_value(1000), "bootstrap resamples for the intervals");
  add_study_options(options);
  add_plot_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const std::string path = option_values(*vm, "scenario", k_usage, 1, 1).front();
  const SensitivityOptions sensitivity = sensitivity_options(*vm, k_usage);
  const UncertainScenario scenario(path, read_disk_file);
  check_declarations(scenario, sensitivity.threads);
  const std::int64_t runs = sensitivity_runs(scenario.inputs.size(), sensitivity.runs);
  const auto result = [&] {
    ProgressBar bar(scenario.raw.name, runs, quiet_option(*vm));
    return run_sensitivity(scenario.variants, scenario.inputs, sensitivity, bar.callback());
  }();
  if (!result) {
    throw std::runtime_error("--output " + sensitivity.metric.name + ": " + result.error());
  }
  const std::string dir = output_path((*vm)["out-dir"].as<std::string>(), scenario.raw.name);
  const std::string tornado = tornado_csv(result->tornado, scenario.inputs, sensitivity.metric);
  const std::string sobol = sobol_csv(result->sobol, scenario.inputs);
  const std::string manifest = sensitivity_manifest_text(
      sensitivity, scenario.inputs, manifest_text(scenario.raw, scenario.variants.base(), read_disk_file));
  write_directory_atomically(dir, {{"tornado.csv", tornado}, {"sobol.csv", sobol}, {"manifest", manifest}});
  std::cout << scenario.raw.name << ": " << dir << "/tornado.csv, sobol.csv (" << runs << " runs)\n";
  return plot_after_command(*vm, (*vm)["out-dir"].as<std::string>(), "", "");
}

}  // namespace gapsim
