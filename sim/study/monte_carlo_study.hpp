// A Monte Carlo study of a scenario's uncertain inputs, from the scenario to the files of
// its study directory; or of several scenarios together on common random numbers, each
// compared run by run with a reference.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

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

// Throws InputError, naming the scenario's file, unless `scenario` can be compared with
// `reference` run by run: the same report times.
void check_pairable(const UncertainScenario& scenario, const UncertainScenario& reference);

// The manifest line of every scenario of a paired study: the scenarios, in order (the
// shared design depends on them), and the reference.
std::string paired_manifest_line(std::span<const UncertainScenario* const> scenarios, std::size_t reference);

// The studies of `scenarios` (plans[i] for scenarios[i]) run together (run_studies): each
// gets the files run_monte_carlo gives it alone, and every scenario but the reference also
// its differences from the reference (diff_bands.csv, diff_probabilities.csv); every
// manifest gets paired_manifest_line. Throws InputError as check_pairable for a scenario that
// cannot be paired with the reference.
// REQUIRES: reference < scenarios.size(); the plans differ only in their posterior, and
// share_design (shared_design.hpp) gave them their shared coordinates.
std::vector<StudyOutput> run_paired_monte_carlo(std::span<const UncertainScenario* const> scenarios,
                                                std::span<const StudyPlan> plans, std::size_t reference,
                                                const Shard& shard, const ReadFile& read,
                                                const std::function<void(std::int64_t)>& progress);

}  // namespace gapsim
