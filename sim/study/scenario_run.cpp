// One run of a scenario file into its outputs.
#include "study/scenario_run.hpp"

#include <cmath>

#include "io/input_error.hpp"
#include "io/manifest.hpp"
#include "io/output_units.hpp"
#include "io/scenario_builder.hpp"
#include "model/engine.hpp"
#include "model/non_finite.hpp"
#include "model/programme_flows.hpp"

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

ScenarioRun run_scenario_file(const std::string& path, const ReadFile& read, const RunOptions& options) {
  RawScenario raw = load_scenario(path, read);
  apply_overrides(raw, options.overrides, options.override_origin);
  const BuiltScenario built = build_scenario(raw, read);
  const ExogenousInputs inputs = make_exogenous_inputs(built.config);
  Workspace workspace;
  Results results;
  Engine::run(inputs, workspace, results);
  record_programme_flows(inputs, results);
  if (const auto cell = first_non_finite(results)) {
    throw InputError(path + ": " + non_finite_text(*cell) + "; nothing is written for this scenario");
  }
  const ReportStep report = built.config.time.report;
  std::vector<std::string> programme_names;
  for (const ProgrammeConfig& programme : built.config.programmes) {
    programme_names.push_back(programme.name);
  }
  std::string manifest = manifest_text(raw, built, read);
  if (!options.overrides.empty()) {
    manifest += "\n# set for this run over the scenario files (also marked in the resolved scenario)\n";
    for (const SettingOverride& override : options.overrides) {
      manifest += "# ";  // appended piece by piece: "# " + std::string trips GCC 12's false -Wrestrict
      manifest += options.override_origin + " " + override.key + "=" + override.value + "\n";
    }
  }
  manifest += '\n';
  manifest += units_text(UnitsFor::run, report, attack_unit(built), options.columns);
  return {raw.name,
          timeseries_csv(results, report, options.columns),
          programmes_csv(results, report, programme_names),
          manifest,
          summarize(results, options.years),
          plausibility_warnings(raw.name, results)};
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
