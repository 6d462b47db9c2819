// `gapsim run`: load each scenario, run it, write its time series, programme table and
// manifest, then the summary. A failing scenario writes nothing and does not stop the others;
// each scenario's directory is put in place whole, and a summary that cannot be written is one
// more failure.
#include <algorithm>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/plot_options.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/study_options.hpp"
#include "cli/usage_error.hpp"
#include "io/atomic_file.hpp"
#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/value_parser.hpp"
#include "study/scenario_run.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim run FILE|DIR... [-o DIR] [--reference NAME] [--set KEY=VALUE]...\n"
    "                  [--columns VAR,...] [--years YEAR,...] [--plots|--no-plots] [--format svg,png]\n"
    "Runs every scenario file given (a directory means every *.ini in it) and writes\n"
    "DIR/<scenario>/timeseries.csv (one row per report step), DIR/<scenario>/programmes.csv\n"
    "(one row per report step and programme), DIR/<scenario>/manifest (inputs, resolved keys,\n"
    "column units) and DIR/summary.csv (one row per scenario: end-of-run levels, peak, costs\n"
    "by kind, and levels at 1 January and flows over each --years year), then the figures\n"
    "(DIR/figures/*.gp, rendered by gnuplot to SVG and PNG) and DIR/report.html.\n"
    "--set KEY=VALUE sets a scenario key for this run only, in every scenario given (a path is\n"
    "relative to the current directory); the manifest records it.\n"
    "Limits: scenario and data files are regular files of at most 16 MiB; an extends chain\n"
    "holds at most 64 files; a scenario file's name must be usable as a directory name (no\n"
    "leading '.' or '-', no separators or control characters, at most 100 characters).";

// --years: distinct whole years within the years a scenario may name.
std::vector<int> summary_years(const std::string& text) {
  std::vector<int> years;
  for (const std::string& item : comma_items(text)) {
    const auto year = parse_integer(item);
    if (!year || *year < k_min_year || *year > k_max_year) {
      throw UsageError("--years: " + gapsim::quoted(item) + " is not a year between " + std::to_string(k_min_year) +
                       " and " + std::to_string(k_max_year));
    }
    if (std::find(years.begin(), years.end(), *year) != years.end()) {
      throw UsageError("--years: " + item + " is listed twice");
    }
    years.push_back(*year);
  }
  return years;
}

RunOptions run_options(const po::variables_map& vm) {
  RunOptions options;
  options.override_origin = "--set";
  options.overrides = setting_overrides(vm);
  if (vm.count("columns")) {
    options.columns = variable_list(vm["columns"].as<std::string>(), "--columns");
    for (auto it = options.columns.begin(); it != options.columns.end(); ++it) {
      if (std::find(options.columns.begin(), it, *it) != it) {
        throw UsageError("--columns: '" + std::string(column_name(*it)) + "' is listed twice");
      }
    }
  }
  if (vm.count("years")) {
    options.years = summary_years(vm["years"].as<std::string>());
  }
  return options;
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("output,o", po::value<std::string>()->default_value("output"), "output directory")(
      "reference", po::value<std::string>(),
      "scenario the summary differences are taken against (default: baseline, if run)")(
      "set", po::value<std::vector<std::string>>(), "KEY=VALUE: a scenario key for this run (repeatable)")(
      "columns", po::value<std::string>(), "VAR,...: the timeseries.csv columns after year (and month), in order")(
      "years", po::value<std::string>(),
      "YEAR,...: the years the summary gives levels and yearly flows for (default: 2020,2030)");
  add_plot_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const auto paths = scenario_paths(option_values(*vm, "scenario", k_usage, 1));
  const std::string out_dir = (*vm)["output"].as<std::string>();
  const RunOptions run = run_options(*vm);
  std::vector<SummaryRow> rows;
  std::vector<std::string> failures = for_each_scenario(paths, [&](const std::string& path) {
    const ScenarioRun result = run_scenario_file(path, read_disk_file, run);
    const std::string dir = output_path(out_dir, result.name);
    write_directory_atomically(
        dir,
        {{"timeseries.csv", result.timeseries}, {"programmes.csv", result.programmes}, {"manifest", result.manifest}});
    rows.push_back({result.name, result.summary});
    for (const std::string& warning : result.warnings) {
      std::cerr << "warning: " << warning << "\n";
    }
    std::cout << result.name << ": " << dir << "/timeseries.csv\n";
  });

  const std::string reference_name = vm->count("reference") ? (*vm)["reference"].as<std::string>() : "baseline";
  const std::optional<Summary> reference = find_summary(rows, reference_name);
  if (!reference && vm->count("reference")) {
    failures.push_back("--reference: no scenario named '" + reference_name + "' was run");
  }
  if (!rows.empty()) {
    const std::string summary_path = output_path(out_dir, "summary.csv");
    // A failed summary joins the scenarios' failures, so that theirs are still printed.
    try {
      write_file_atomically(summary_path, summary_csv(rows, reference, run.years));
      std::cout << "summary: " << summary_path << "\n";
    } catch (const std::exception& error) {
      failures.push_back(error.what());
    }
  }
  const int status = report_failures("run", failures);
  if (rows.empty()) {
    return status;
  }
  const std::string subtitle = std::to_string(rows.size()) + (rows.size() == 1 ? " scenario" : " scenarios") +
                               " as written" + (reference ? ", reference " + reference_name : std::string());
  return std::max(status, plot_after_command(*vm, out_dir, reference ? reference_name : "", subtitle));
}

}  // namespace gapsim
