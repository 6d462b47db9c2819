// One run of a Monte Carlo study on its own, as `gapsim run` would make it: the run's values
// from the study's design, the variant built and run, the whole time series kept. What an
// analyst needs to look into one run of a band, or one the runs table singles out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/results.hpp"
#include "study/monte_carlo.hpp"
#include "study/uncertain_scenario.hpp"

namespace gapsim {

struct ReplayedRun {
  std::int64_t run = 0;
  std::vector<double> shown;  // the values runs.csv shows for the run, in input order
  Results results;
};

// Run `run` (0 <= run < plan.runs) of the study `plan` describes (its runs, seed and sampler;
// the shard does not matter): the same values, hence the same numbers, as in the study.
// Throws InputError when the variant's results are not finite.
ReplayedRun replay_run(const UncertainScenario& scenario, const StudyPlan& plan, std::int64_t run);

// The manifest of a replayed run: the study it comes from, the run's values, then the
// scenario's manifest.
std::string replay_manifest_text(const UncertainScenario& scenario, const StudyPlan& plan, const ReplayedRun& replayed,
                                 const std::string& scenario_manifest);

}  // namespace gapsim
