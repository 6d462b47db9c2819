// The simplest study: one run of a scenario file as written, with the outputs `gapsim run`
// writes for it, and the summary row the differences are taken against.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/csv_writer.hpp"
#include "io/scenario_loader.hpp"
#include "model/summary.hpp"

namespace gapsim {

struct ScenarioRun {
  std::string name;        // the scenario's name (its file's stem)
  std::string timeseries;  // timeseries.csv
  std::string manifest;
  Summary summary;
  std::vector<std::string> warnings;  // implausible results worth a line on stderr
};

// Loads, builds and runs the scenario at `path`. Throws InputError for a bad scenario.
ScenarioRun run_scenario_file(const std::string& path, const ReadFile& read);

// The summary of the row named `name`, or nullopt when no row has that name.
std::optional<Summary> find_summary(const std::vector<SummaryRow>& rows, const std::string& name);

}  // namespace gapsim
