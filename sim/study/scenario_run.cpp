// One run of a scenario file into its outputs.
#include "study/scenario_run.hpp"

#include "io/input_error.hpp"
#include "io/manifest.hpp"
#include "io/scenario_builder.hpp"
#include "model/engine.hpp"
#include "model/non_finite.hpp"

namespace gapsim {

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
          summarize(results)};
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
