// Replaying one run of a study.
#include "study/replay.hpp"

#include <cmath>

#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "model/engine.hpp"
#include "model/non_finite.hpp"
#include "stats/sampling.hpp"
#include "study/study_inputs.hpp"

namespace gapsim {

ReplayedRun replay_run(const UncertainScenario& scenario, const StudyPlan& plan, std::int64_t run) {
  const std::vector<UncertainInput>& inputs = scenario.inputs;
  const UnitDesign design(plan.sampler, study_design_dimensions(inputs, plan), plan.runs, plan.seed);
  ScenarioVariants variants = scenario.variants;
  std::vector<double> values(variants.value_count());
  std::vector<double> scratch(static_cast<std::size_t>(plan.shared_dimensions));
  study_run_values(design, inputs, plan, run, values, scratch);

  ReplayedRun replayed;
  replayed.run = run;
  Workspace workspace;
  Engine::run(variants.inputs(values), workspace, replayed.results);
  if (const auto cell = first_non_finite(replayed.results)) {
    throw InputError(scenario.raw.path + ": run " + std::to_string(run) + ": " + non_finite_text(*cell));
  }
  // As run_study shows them: the attack path by its probability in the last report year.
  const Results& results = replayed.results;
  const double last_year = std::floor(results.at(results.rows() - 1, Column::time));
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    replayed.shown.push_back(shown_value(variants, inputs, i, values, last_year));
  }
  return replayed;
}

std::string replay_manifest_text(const UncertainScenario& scenario, const StudyPlan& plan, const ReplayedRun& replayed,
                                 const std::string& scenario_manifest) {
  std::string out = "# gapsim Monte Carlo run " + std::to_string(replayed.run) + " of " + std::to_string(plan.runs) +
                    " (sampler " + std::string(sampler_name(plan.sampler)) + ", seed " + std::to_string(plan.seed) +
                    "), replayed\n";
  if (plan.posterior) {
    out += study_posterior_text(*plan.posterior);
  }
  out += "# its values, as runs.csv shows them:\n";
  for (std::size_t i = 0; i < scenario.inputs.size(); ++i) {
    out += "#   " + scenario.inputs[i].key.label + " = " + format_number(replayed.shown[i]) + "\n";
  }
  return out + scenario_manifest;
}

}  // namespace gapsim
