// Back-test scoring.
#include "fit/backtest.hpp"

#include <cmath>

#include "fit/skill_selection.hpp"

namespace gapsim {

double BacktestPoint::log_error() const { return std::log(predicted / observed); }

bool BacktestPoint::inside(std::size_t level) const {
  return intervals[level].lo <= observed && observed <= intervals[level].hi;
}

Backtest run_backtest(std::span<const double> years, std::span<const double> values, double until, TrendChoice choice,
                      Criterion criterion) {
  std::size_t fitted = 0;
  while (fitted < years.size() && years[fitted] <= until) {
    ++fitted;
  }
  if (fitted == years.size()) {
    throw TrendFitError("back-test: no data after the cut-off year to score against");
  }
  Backtest backtest{select_forecast(years.first(fitted), values.first(fitted), choice, criterion).forecast, {}, {}};
  BacktestSummary& summary = backtest.summary;
  for (std::size_t i = fitted; i < years.size(); ++i) {
    BacktestPoint point;
    point.year = years[i];
    point.observed = values[i];
    point.predicted = backtest.forecast.median(years[i]);
    for (std::size_t level = 0; level < k_interval_levels.size(); ++level) {
      point.intervals[level] = backtest.forecast.interval(years[i], k_interval_levels[level]);
      summary.coverage[level] += point.inside(level) ? 1.0 : 0.0;
    }
    summary.mape += std::abs(point.error()) / point.observed;
    summary.mean_log_error += point.log_error();
    summary.rms_log_error += point.log_error() * point.log_error();
    backtest.points.push_back(point);
  }
  summary.held_out = static_cast<int>(backtest.points.size());
  const double n = summary.held_out;
  summary.mape /= n;
  summary.mean_log_error /= n;
  summary.rms_log_error = std::sqrt(summary.rms_log_error / n);
  for (double& share : summary.coverage) {
    share /= n;
  }
  return backtest;
}

}  // namespace gapsim
