// Back-testing a trend projection: fit on the years up to a cut-off, project the rest,
// and score the projection against what was observed.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "fit/trend_forecast.hpp"

namespace gapsim {

struct BacktestPoint {
  double year = 0.0;
  double observed = 0.0;
  double predicted = 0.0;                                    // forecast median
  std::array<Interval, k_interval_levels.size()> intervals;  // in k_interval_levels order
  double error() const { return predicted - observed; }
  double log_error() const;  // ln(predicted / observed)
  bool inside(std::size_t level) const;
};

struct BacktestSummary {
  int held_out = 0;             // years projected and scored
  double mape = 0.0;            // mean |predicted - observed| / observed, as a fraction
  double mean_log_error = 0.0;  // mean ln(predicted / observed): > 0 over-, < 0 under-projects
  double rms_log_error = 0.0;   // sqrt(mean ln(predicted / observed)^2)
  std::array<double, k_interval_levels.size()> coverage{};  // share of years inside each interval
};

struct Backtest {
  TrendForecast forecast;
  std::vector<BacktestPoint> points;
  BacktestSummary summary;
};

// Fits every model to the years <= `until`, makes the forecast `choice` asks for, and
// scores it on the years > `until`. Throws TrendFitError when no year is held out or the
// choice cannot be served.
Backtest run_backtest(std::span<const double> years, std::span<const double> values, double until, TrendChoice choice,
                      Criterion criterion);

}  // namespace gapsim
