// One run of a scenario file into its outputs.
#include "study/scenario_run.hpp"

#include <cmath>

#include "io/input_error.hpp"
#include "io/manifest.hpp"
#include "io/scenario_builder.hpp"
#include "model/engine.hpp"
#include "model/non_finite.hpp"

namespace gapsim {
namespace {

// Security work is part of IT work: a domestic demand beyond the whole IT workforce means the
// scenario's growth or threat assumptions have left the economy they describe.
std::vector<std::string> plausibility_warnings(const std::string& name, const Results& results) {
  if (results.first_demand_over_it_time < 0.0) {
    return {};
  }
  return {name + ": domestic security demand exceeds the IT workforce (hiring.pool) from " +
          std::to_string(static_cast<int>(std::floor(results.first_demand_over_it_time))) + " (at most " +
          std::to_string(static_cast<int>(std::lround(100.0 * results.peak_demand_it_ratio))) + "% of it)"};
}

}  // namespace

ScenarioRun run_scenario_file(const std::string& path, const ReadFile& read) {
  const RawScenario raw = load_scenario(path, read);
  const BuiltScenario built = build_scenario(raw, read);
  const ExogenousInputs inputs = make_exogenous_inputs(built.config);
  Workspace workspace;
  Results results;
  Engine::run(inputs, workspace, results);
  if (const auto cell = first_non_finite(results)) {
    throw InputError(path + ": " + non_finite_text(*cell) + "; nothing is written for this scenario");
  }
  return {raw.name, timeseries_csv(results, built.config.time.report), manifest_text(raw, built, read),
          summarize(results), plausibility_warnings(raw.name, results)};
}

std::optional<Summary> find_summary(const std::vector<SummaryRow>& rows, const std::string& name) {
  for (const SummaryRow& row : rows) {
    if (row.scenario == name) {
      return row.summary;
    }
  }
  return std::nullopt;
}

}  // namespace gapsim
