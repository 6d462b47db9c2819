// A Monte Carlo study of a scenario's uncertain inputs, from the scenario to the files of
// its study directory.
#pragma once

#include <cstdint>
#include <functional>

#include "io/scenario_loader.hpp"
#include "study/monte_carlo.hpp"
#include "study/shard.hpp"
#include "study/study_output.hpp"
#include "study/uncertain_scenario.hpp"

namespace gapsim {

// Runs [plan.first, plan.last) of `scenario` (run_study) and gives the study directory's
// files; a shard's manifest ends with the shard line. `read` serves the scenario's files
// again for the manifest's hashes. progress(done) is called from this thread.
// REQUIRES: plan.first and plan.last are shard_range(plan.runs, shard.index, shard.count).
StudyOutput run_monte_carlo(const UncertainScenario& scenario, const StudyPlan& plan, const Shard& shard,
                            const ReadFile& read, const std::function<void(std::int64_t)>& progress);

}  // namespace gapsim
