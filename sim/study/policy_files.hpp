// The files of `gapsim optimize`: every candidate evaluated, the optimum (or the best
// achievable policy) against the scenario as written and re-evaluated on fresh futures, the
// Pareto front, the fans of the shortage, and a scenario that sets the chosen levers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "study/policy_scenario.hpp"
#include "study/policy_search.hpp"

namespace gapsim {

// The policy the search answers with, checked: its score on the study's futures, the same
// policy on fresh futures (another seed), and the scenario as written on the study's futures.
struct CheckedPolicy {
  std::size_t index = 0;  // among the search's evaluations
  bool feasible = false;  // an optimum; otherwise the best achievable
  CandidateScore fresh;
  CandidateScore original;
};

// index,phase, then the levers, each objective (named METRIC_STAT), each constraint's share
// and statistic (constraint_K_share, constraint_K_value), and feasible (1 or 0).
std::string evaluations_csv(const PolicyScenario& scenario, const PolicyScorer& scorer, const PolicySearch& search);

// kind,name,optimum,optimum_se,fresh,fresh_se,original,original_se,target,met: a first row
// "result" naming what the file holds (optimum, or best achievable when no candidate meets
// every constraint), then a row per lever (its value and the value as written), per
// objective (its statistic with standard errors) and per constraint (the share of futures
// meeting it for a chance constraint, else its statistic; the target probability or bound;
// met 1 or 0 on the study's futures), a chance constraint followed by a row "deciding_value":
// the order statistic that decides it (METRIC:pNN) against its bound.
std::string optimum_csv(const PolicyScenario& scenario, const PolicyScorer& scorer, const PolicySearch& search,
                        const CheckedPolicy& checked);

// index (among the evaluations), the levers, each objective and its standard error, then
// each objective on the fresh futures: one row per non-dominated policy.
std::string pareto_csv(const PolicyScenario& scenario, const PolicyScorer& scorer, const PolicySearch& search,
                       const std::vector<CandidateScore>& fresh);

// year[,month],policy,p5,p50,p95 of the shortage over the futures, for the scenario as
// written ("original") and the chosen policy ("optimum" or "best_achievable"). `series`
// holds futures x rows of each, future-major.
std::string fan_csv(const PolicyScenario& scenario, const std::vector<double>& times,
                    const std::vector<double>& original, const std::vector<double>& chosen, const std::string& name);

// A scenario that extends the original (at `extends_path`, relative to where it is written)
// and sets the chosen lever values; a lever on a schedule point rewrites that schedule with
// its points' new values. `summary` is put in its head comment.
std::string optimised_scenario_text(const PolicyScenario& scenario, const std::vector<double>& levers,
                                    const std::string& extends_path, const std::string& summary);

}  // namespace gapsim
