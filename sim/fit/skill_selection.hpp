// Forecasts chosen or weighted by out-of-sample skill: the mean rolling-origin CRPS
// (fit/rolling_origin.hpp) of each model and combination.
#pragma once

#include <span>
#include <vector>

#include "fit/rolling_origin.hpp"
#include "fit/trend_forecast.hpp"

namespace gapsim {

// Rows a series needs for a skill-based choice: the first origin's rows plus one to score.
inline constexpr int k_skill_selection_rows = k_first_origin_rows + 1;

// w_i = (1 / mean_crps_i) / sum_j (1 / mean_crps_j) over the usable fits with a finite,
// positive mean CRPS (NaN: not scored yet); equal weights over the usable fits when none has one.
std::vector<double> skill_weights(const std::vector<TrendFit>& fits, std::span<const double> mean_crps);

// The method `auto` picks: among the methods scored at every slot that `fits` (fitted to the
// whole series, one per model) can serve, the lowest all-horizon mean CRPS (ties: the first
// in evaluation order). Throws TrendFitError when there is none.
std::size_t best_skill_method(const RollingEvaluation& evaluation, const std::vector<TrendFit>& fits);

struct SelectedForecast {
  TrendForecast forecast;
  TrendChoice method;        // what the forecast is: `choice` itself, or the method auto picked
  bool skill_based = false;  // false when a skill choice fell back to the criterion (too few rows)
  double widening = 1.0;     // the spread applied (out_of_sample_widening), 1 when none
};

// One factor for all of a method's intervals: the largest, over the interval levels, of the
// smallest f >= 1 that takes ceil(L N) of its N rolling-origin points (all horizons pooled)
// inside the L interval widened by f (fit/interval_calibration.hpp). One factor for every
// level and horizon keeps the intervals nested; pooling the horizons keeps it from resting
// on one or two points.
double out_of_sample_widening(const RollingEvaluation& evaluation, std::size_t method);

// The forecast `choice` asks for on the whole series. skill_best and skill_weights run the
// rolling-origin evaluation (max_horizon 5) and widen the chosen forecast by its
// out_of_sample_widening; with fewer than k_skill_selection_rows rows they fall back to
// criterion-best and ensemble, unwidened. Throws TrendFitError like make_forecast.
SelectedForecast select_forecast(std::span<const double> years, std::span<const double> values, TrendChoice choice,
                                 Criterion criterion);

}  // namespace gapsim
