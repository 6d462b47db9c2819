// A policy's outcomes over a study's futures: the futures drawn once (common random numbers:
// every candidate policy meets the same futures, the attack path and posterior draws
// included), then, for any lever values, every metric in every future.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "model/results.hpp"
#include "study/monte_carlo.hpp"
#include "study/output_metric.hpp"
#include "study/policy_scenario.hpp"

namespace gapsim {

struct Futures {
  std::int64_t count = 0;
  std::size_t width = 0;       // PolicyScenario::future_width()
  std::vector<double> values;  // count x width

  std::span<const double> of(std::int64_t future) const {
    return {values.data() + static_cast<std::size_t>(future) * width, width};
  }
};

// The futures of runs 0 .. plan.runs - 1 of the Monte Carlo study `plan` describes
// (study_run_values), so `gapsim mc` of the optimised scenario with the same seed, runs,
// sampler and posterior meets the same futures. One future, the scenario's own values, when
// it declares no uncertain input. REQUIRES: plan has no shared design.
Futures draw_futures(const PolicyScenario& scenario, const StudyPlan& plan);

class PolicyEvaluator {
 public:
  // REQUIRES: `scenario` and `futures` outlive the evaluator; threads >= 1.
  PolicyEvaluator(const PolicyScenario& scenario, const Futures& futures, std::vector<OutputMetric> metrics,
                  int threads);

  const std::vector<OutputMetric>& metrics() const { return m_metrics; }
  std::int64_t futures() const { return m_futures.count; }

  // Every metric in every future under lever values `levers`, into `values` (future-major:
  // futures() x metrics().size()). The same whatever the thread count. Throws
  // std::runtime_error naming the metric and the future where a metric has no value.
  void evaluate(std::span<const double> levers, std::span<double> values) const;

  // `column` at every report row in every future: futures() x rows, future-major; and the rows' times.
  std::vector<double> series(std::span<const double> levers, Column column, std::vector<double>& times) const;

 private:
  const PolicyScenario& m_scenario;
  const Futures& m_futures;
  std::vector<OutputMetric> m_metrics;
  int m_threads = 1;
};

}  // namespace gapsim
