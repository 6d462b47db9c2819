// Rolling-origin evaluation (time-series cross-validation) of the trend forecasts: fit on
// the first rows only, score the forecasts of the next years against what was observed,
// move the origin one row on, repeat. Every forecast is scored only on data its fit never saw.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "fit/trend_forecast.hpp"

namespace gapsim {

// Rows the first origin's fit sees; the evaluation needs at least one more to score.
inline constexpr int k_first_origin_rows = 6;
// Years ahead scored unless asked otherwise (and always for a skill-based choice).
inline constexpr int k_default_max_horizon = 5;

struct RollingOptions {
  int max_horizon = k_default_max_horizon;  // years ahead scored
  Criterion criterion = Criterion::aicc;
  // Models fitted at every origin; with more than one, the combinations are scored too.
  std::vector<TrendModel> models{k_trend_models.begin(), k_trend_models.end()};
};

// One forecast of one method from one origin, scored against one held-out year.
struct RollingPoint {
  std::size_t method = 0;    // index into RollingEvaluation::methods
  double origin_year = 0.0;  // last year the fit saw
  double target_year = 0.0;
  int horizon = 0;  // target_year - origin_year
  double observed = 0.0;
  double median = 0.0;
  std::array<Interval, k_interval_levels.size()> intervals;        // in k_interval_levels order
  double crps = 0.0;                                               // log scale
  std::array<double, k_interval_levels.size()> interval_scores{};  // log scale
  double log_error() const;                                        // ln(median / observed)
  bool inside(std::size_t level) const;
};

// One method's scores over the points of one horizon (horizon 0: all horizons).
struct RollingSummary {
  std::size_t method = 0;
  int horizon = 0;
  int count = 0;
  double mean_crps = 0.0;
  std::array<double, k_interval_levels.size()> mean_interval_score{};
  double mean_log_error = 0.0;
  double rms_log_error = 0.0;
  std::array<double, k_interval_levels.size()> coverage{};
  // Widening factor of each interval for this horizon from all its points
  // (fit/interval_calibration.hpp; NaN on the all-horizons row), and the coverage after
  // widening out of sample: each point's interval widened by the factor learnt from the
  // points of its horizon scored before it (target year <= its origin year; 1 when none).
  std::array<double, k_interval_levels.size()> widening{};
  std::array<double, k_interval_levels.size()> calibrated_coverage{};
};

struct RollingEvaluation {
  std::vector<TrendChoice> methods;       // the models asked for, then the combinations
  int slots = 0;                          // (origin, held-out year) pairs scored
  std::vector<RollingPoint> points;       // by method, origin, horizon
  std::vector<RollingSummary> summaries;  // by method: horizons 1..max, then 0 (all)

  // The all-horizons summary of `method`.
  const RollingSummary& overall(std::size_t method) const;
  // Scored at every slot (a model can be unusable at some origins).
  bool complete(std::size_t method) const { return overall(method).count == slots; }
};

// Origins: the rows k_first_origin_rows .. n - 1 (1-based) whose next max_horizon years hold
// an observation. At each, every model is fitted to the rows up to it and every method with
// a usable forecast is scored on the held-out years origin + 1 .. origin + max_horizon that
// have a row. Methods: each model; with several models also criterion-best, ensemble
// (criterion weights), equal-weights and skill-weights, whose weights use only points
// scored by then (target year <= origin year). Throws TrendFitError on bad data.
RollingEvaluation evaluate_rolling_origin(std::span<const double> years, std::span<const double> values,
                                          const RollingOptions& options);

}  // namespace gapsim
