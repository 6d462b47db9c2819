// Drawing the futures of a policy study and running a policy through them.
#include "study/policy_evaluator.hpp"

#include <cmath>
#include <stdexcept>

#include "study/study_inputs.hpp"
#include "study/variant_runs.hpp"

namespace gapsim {

Futures draw_futures(const PolicyScenario& scenario, const StudyPlan& plan) {
  Futures futures;
  futures.width = scenario.future_width();
  if (scenario.inputs.empty()) {
    futures.count = 1;
    return futures;
  }
  futures.count = plan.runs;
  futures.values.resize(static_cast<std::size_t>(futures.count) * futures.width);
  const UnitDesign design(plan.sampler, study_design_dimensions(scenario.inputs, plan), plan.runs, plan.seed);
  std::vector<double> values(std::max<std::size_t>(futures.width, static_cast<std::size_t>(design.dims())));
  for (std::int64_t future = 0; future < futures.count; ++future) {
    study_run_values(design, scenario.inputs, plan, future, values, {});
    std::copy_n(
        values.begin(), futures.width,
        futures.values.begin() + static_cast<std::ptrdiff_t>(future) * static_cast<std::ptrdiff_t>(futures.width));
  }
  return futures;
}

PolicyEvaluator::PolicyEvaluator(const PolicyScenario& scenario, const Futures& futures,
                                 std::vector<OutputMetric> metrics, int threads)
    : m_scenario(scenario), m_futures(futures), m_metrics(std::move(metrics)), m_threads(threads) {}

void PolicyEvaluator::evaluate(std::span<const double> levers, std::span<double> values) const {
  const std::size_t count = m_metrics.size();
  run_variants(
      m_scenario.variants, 0, m_futures.count, m_threads,
      [&](std::int64_t future, std::span<double> inputs) { m_scenario.combine(m_futures.of(future), levers, inputs); },
      [&](int, std::int64_t future, const Results& results) {
        for (std::size_t m = 0; m < count; ++m) {
          const auto value = metric_value(m_metrics[m], results);
          if (!value || !std::isfinite(*value)) {
            throw std::runtime_error(m_metrics[m].name + " has no value in future " + std::to_string(future) +
                                     " (a year outside the run, or an event that never happens there); choose "
                                     "a metric every run has");
          }
          values[static_cast<std::size_t>(future) * count + m] = *value;
        }
      },
      {});
}

std::vector<double> PolicyEvaluator::series(std::span<const double> levers, Column column,
                                            std::vector<double>& times) const {
  const Results base = m_scenario.variants.run_base();
  const int rows = base.rows();
  times.clear();
  for (int r = 0; r < rows; ++r) {
    times.push_back(base.at(r, Column::time));
  }
  std::vector<double> out(static_cast<std::size_t>(m_futures.count * rows));
  run_variants(
      m_scenario.variants, 0, m_futures.count, m_threads,
      [&](std::int64_t future, std::span<double> inputs) { m_scenario.combine(m_futures.of(future), levers, inputs); },
      [&](int, std::int64_t future, const Results& results) {
        for (int r = 0; r < rows; ++r) {
          out[static_cast<std::size_t>(future * rows + r)] = results.at(r, column);
        }
      },
      {});
  return out;
}

}  // namespace gapsim
