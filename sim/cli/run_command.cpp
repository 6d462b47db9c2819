// `gapsim run`: load each scenario, run it, write its time series and manifest, then the
// summary. A failing scenario writes nothing and does not stop the others; each scenario's
// directory is put in place whole, and a summary that cannot be written is one more failure.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/study_options.hpp"
#include "io/atomic_file.hpp"
#include "study/scenario_run.hpp"

namespace gapsim {
namespace {

constexpr const char* k_usage =
    "usage: gapsim run FILE|DIR... [-o DIR] [--reference NAME]\n"
    "Runs every scenario file given (a directory means every *.ini in it) and writes\n"
    "DIR/<scenario>/timeseries.csv, DIR/<scenario>/manifest and DIR/summary.csv.\n"
    "Limits: scenario and data files are regular files of at most 16 MiB; an extends chain\n"
    "holds at most 64 files; a scenario file's name must be usable as a directory name (no\n"
    "leading '.' or '-', no separators or control characters, at most 100 characters).";

}  // namespace

int run_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("options");
  options.add_options()("output,o", po::value<std::string>()->default_value("output"), "output directory")(
      "reference", po::value<std::string>(),
      "scenario the summary differences are taken against (default: baseline, if run)");
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const auto paths = scenario_paths(option_values(*vm, "scenario", k_usage, 1));
  const std::string out_dir = (*vm)["output"].as<std::string>();
  std::vector<SummaryRow> rows;
  std::vector<std::string> failures = for_each_scenario(paths, [&](const std::string& path) {
    const ScenarioRun run = run_scenario_file(path, read_disk_file);
    const std::string dir = output_path(out_dir, run.name);
    write_directory_atomically(dir, {{"timeseries.csv", run.timeseries}, {"manifest", run.manifest}});
    rows.push_back({run.name, run.summary});
    for (const std::string& warning : run.warnings) {
      std::cerr << "warning: " << warning << "\n";
    }
    std::cout << run.name << ": " << dir << "/timeseries.csv\n";
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
      write_file_atomically(summary_path, summary_csv(rows, reference));
      std::cout << "summary: " << summary_path << "\n";
    } catch (const std::exception& error) {
      failures.push_back(error.what());
    }
  }
  return report_failures("run", failures);
}

}  // namespace gapsim
