// The simplest study: one run of a scenario file, with the outputs `gapsim run` writes for it,
// and the summary row the differences are taken against.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/csv_writer.hpp"
#include "io/scenario_loader.hpp"
#include "io/setting_override.hpp"
#include "model/summary.hpp"

namespace gapsim {

struct RunOptions {
  std::vector<SettingOverride> overrides;              // keys set over the file's for this run
  std::string override_origin = "override";            // what errors and the manifest call them
  std::vector<Column> columns = all_output_columns();  // of timeseries.csv, in this order
  std::vector<int> years{k_default_summary_years.begin(), k_default_summary_years.end()};  // of the summary
};

struct ScenarioRun {
  std::string name;        // the scenario's name (its file's stem)
  std::string timeseries;  // timeseries.csv
  std::string programmes;  // programmes.csv
  std::string manifest;
  Summary summary;                    // at options.years
  std::vector<std::string> warnings;  // implausible results worth a line on stderr
};

// Loads the scenario at `path`, sets the overrides, builds and runs it. Throws InputError for
// a bad scenario or override.
ScenarioRun run_scenario_file(const std::string& path, const ReadFile& read, const RunOptions& options = {});

// The summary of the row named `name`, or nullopt when no row has that name.
std::optional<Summary> find_summary(const std::vector<SummaryRow>& rows, const std::string& name);

}  // namespace gapsim
