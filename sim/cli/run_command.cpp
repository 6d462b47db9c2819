// `gapsim run`: load each scenario, run it, write its time series and manifest, then the
// summary. A failing scenario writes nothing and does not stop the others.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/scenario_paths.hpp"
#include "model/engine.hpp"
#include "model/summary.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/input_error.hpp"
#include "io/manifest.hpp"
#include "io/scenario_builder.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim run FILE|DIR... [-o DIR] [--reference NAME]\n"
    "Runs every scenario file given (a directory means every *.ini in it) and writes\n"
    "DIR/<scenario>/timeseries.csv, DIR/<scenario>/manifest and DIR/summary.csv.";

struct ScenarioOutput {
  std::string name;
  std::string timeseries;
  std::string manifest;
  Summary summary;
};

ScenarioOutput run_one(const std::string& path) {
  const RawScenario raw = load_scenario(path, read_disk_file);
  const BuiltScenario built = build_scenario(raw, read_disk_file);
  const ExogenousInputs inputs = make_exogenous_inputs(built.config);
  Workspace workspace;
  Results results;
  Engine::run(inputs, workspace, results);
  return {raw.name, timeseries_csv(results, built.config.time.report),
          manifest_text(raw, built, read_disk_file), summarize(results)};
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("output,o", po::value<std::string>()->default_value("output"),
                        "output directory")(
      "reference", po::value<std::string>(),
      "scenario the summary differences are taken against (default: baseline, if run)");
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  if (!vm->count("scenario")) {
    std::cerr << k_usage << "\n";
    return k_exit_usage;
  }
  const std::string out_dir = (*vm)["output"].as<std::string>();
  const std::vector<std::string> paths =
      scenario_paths((*vm)["scenario"].as<std::vector<std::string>>());

  std::vector<SummaryRow> rows;
  std::vector<std::string> failures = for_each_scenario(paths, [&](const std::string& path) {
    const ScenarioOutput output = run_one(path);
    const std::string dir = (fs::path(out_dir) / output.name).string();
    write_file_atomically(dir + "/timeseries.csv", output.timeseries);
    write_file_atomically(dir + "/manifest", output.manifest);
    rows.push_back({output.name, output.summary});
    std::cout << output.name << ": " << dir << "/timeseries.csv\n";
  });

  std::string reference_name = vm->count("reference") ? (*vm)["reference"].as<std::string>() : "baseline";
  std::optional<Summary> reference;
  for (const SummaryRow& row : rows) {
    if (row.scenario == reference_name) {
      reference = row.summary;
    }
  }
  if (!reference && vm->count("reference")) {
    failures.push_back("--reference: no scenario named '" + reference_name + "' was run");
  }
  if (!rows.empty()) {
    write_file_atomically((fs::path(out_dir) / "summary.csv").string(), summary_csv(rows, reference));
    std::cout << "summary: " << (fs::path(out_dir) / "summary.csv").string() << "\n";
  }
  return report_failures("run", failures);
}

}  // namespace gapsim
