// A candidate policy's score: each objective's statistic over the futures and each
// constraint's standing, with their Monte Carlo standard errors.
#pragma once

#include <span>
#include <vector>

#include "study/policy_evaluator.hpp"
#include "study/policy_goal.hpp"

namespace gapsim {

struct CandidateScore {
  std::vector<double> objectives;        // each objective's statistic [the metric's unit]
  std::vector<double> objective_errors;  // its Monte Carlo standard error
  std::vector<double> shares;            // each constraint: share of futures on the bound's side
  std::vector<double> share_errors;      // sqrt(share (1 - share) / N)
  std::vector<double> statistics;        // each constraint: the statistic it puts the bound on
  std::vector<double> excess;            // each constraint: how far that is past the bound (> 0: not met)
  bool feasible = true;                  // every excess <= 0
};

class PolicyScorer {
 public:
  // REQUIRES: the scenario and futures outlive the scorer.
  PolicyScorer(const PolicyScenario& scenario, const Futures& futures, std::vector<Objective> objectives,
               std::vector<Constraint> constraints, int threads);

  const std::vector<Objective>& objectives() const { return m_objectives; }
  const std::vector<Constraint>& constraints() const { return m_constraints; }
  const PolicyEvaluator& evaluator() const { return m_evaluator; }

  // The score of lever values `levers` (not snapped or clamped here). Not thread-safe: the
  // evaluation itself runs on the scorer's threads.
  CandidateScore score(std::span<const double> levers);

 private:
  std::vector<Objective> m_objectives;
  std::vector<Constraint> m_constraints;
  PolicyEvaluator m_evaluator;
  std::vector<double> m_values;  // futures x metrics
  std::vector<double> m_column;  // one metric's values
  std::vector<double> m_sorted;
};

}  // namespace gapsim
