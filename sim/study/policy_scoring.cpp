// Scoring a candidate policy over the futures.
#include "study/policy_scoring.hpp"

#include <cmath>

namespace gapsim {
namespace {

std::vector<OutputMetric> goal_metrics(const std::vector<Objective>& objectives,
                                       const std::vector<Constraint>& constraints) {
  std::vector<OutputMetric> metrics;
  for (const Objective& objective : objectives) {
    metrics.push_back(objective.metric);
  }
  for (const Constraint& constraint : constraints) {
    metrics.push_back(constraint.metric);
  }
  return metrics;
}

}  // namespace

PolicyScorer::PolicyScorer(const PolicyScenario& scenario, const Futures& futures, std::vector<Objective> objectives,
                           std::vector<Constraint> constraints, int threads)
    : m_objectives(std::move(objectives)),
      m_constraints(std::move(constraints)),
      m_evaluator(scenario, futures, goal_metrics(m_objectives, m_constraints), threads),
      m_values(static_cast<std::size_t>(futures.count) * m_evaluator.metrics().size()),
      m_column(static_cast<std::size_t>(futures.count)),
      m_sorted(static_cast<std::size_t>(futures.count)) {}

CandidateScore PolicyScorer::score(std::span<const double> levers) {
  m_evaluator.evaluate(levers, m_values);
  const std::size_t metrics = m_evaluator.metrics().size();
  const auto column = [&](std::size_t m) {
    for (std::size_t f = 0; f < m_column.size(); ++f) {
      m_column[f] = m_values[f * metrics + m];
    }
    return std::span<const double>(m_column);
  };
  CandidateScore score;
  for (std::size_t o = 0; o < m_objectives.size(); ++o) {
    const FutureStatistic& statistic = m_objectives[o].statistic;
    score.objectives.push_back(statistic_value(statistic, column(o), m_sorted));
    score.objective_errors.push_back(statistic_standard_error(statistic, m_sorted));
  }
  const double n = static_cast<double>(m_column.size());
  for (std::size_t c = 0; c < m_constraints.size(); ++c) {
    const Constraint& constraint = m_constraints[c];
    const std::span<const double> values = column(m_objectives.size() + c);
    const double share = share_meeting(constraint, values);
    sort_into(values, m_sorted);
    const double excess = constraint_excess(constraint, m_sorted);
    const double signed_excess = constraint.comparison == Comparison::at_most ? excess : -excess;
    score.shares.push_back(share);
    score.share_errors.push_back(std::sqrt(share * (1.0 - share) / n));
    score.statistics.push_back(constraint.bound + signed_excess);
    score.excess.push_back(excess);
    score.feasible = score.feasible && excess <= 0.0;
  }
  return score;
}

}  // namespace gapsim
