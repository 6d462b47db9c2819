// `gapsim optimize` from a loaded scenario to its files: the futures drawn once, the search,
// the chosen policy checked against fresh futures and against the scenario as written.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "study/monte_carlo.hpp"
#include "study/policy_goal.hpp"
#include "study/policy_scenario.hpp"
#include "study/policy_search.hpp"

namespace gapsim {

struct PolicyStudyOptions {
  std::vector<Objective> objectives;  // one: constrained_search; two or three: pareto_search
  std::vector<Constraint> constraints;
  StudyPlan plan;                // the futures: runs, seed, sampler, posterior; and threads
  std::uint64_t fresh_seed = 0;  // the independent futures the chosen policy is checked on
  SearchOptions search;
  std::string extends_path;  // the scenario, relative to the output directory
};

// The fresh futures' seed when none is given: another stream of the study's seed.
std::uint64_t default_fresh_seed(std::uint64_t seed);

struct PolicyStudyOutput {
  std::vector<std::pair<std::string, std::string>> files;  // name, contents
  std::string summary;                                     // lines for the terminal: the answer, checked
  bool answered = true;                                    // false: no candidate meets every constraint
  std::int64_t evaluations = 0;
};

// Throws InputError or std::runtime_error for a metric a future lacks, and what the solver throws.
PolicyStudyOutput run_policy_study(const PolicyScenario& scenario, const PolicyStudyOptions& options);

}  // namespace gapsim
