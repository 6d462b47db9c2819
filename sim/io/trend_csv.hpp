// The CSV outputs of `gapsim fit` and `gapsim backtest`.
#pragma once

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "fit/backtest.hpp"
#include "fit/rolling_origin.hpp"
#include "fit/trend_forecast.hpp"

namespace gapsim {

// One row per model: status, weight in the forecast, every reported parameter with its
// standard error (empty where the model has no such parameter), sigma, log-likelihood,
// AIC, AICc, BIC, R-squared and residual diagnostics. Non-finite numbers are left empty.
std::string fit_parameters_csv(const TrendForecast& forecast);

// year, observed, fitted, lo50, hi50, lo80, hi80, lo95, hi95 for every year from the first
// observed one to `last_year`; observed is empty where `observed` has no value.
std::string fit_projection_csv(const TrendForecast& forecast, std::span<const std::pair<double, double>> observed,
                               int last_year);

// year, COLUMN (the observed value, empty where there is none), in_fit (1 for an observation
// the fit saw, 0 for one held out after `last_fitted_year`, empty for none), then each usable
// model's median (its fitted log-curve) under its name, from the first observed year to
// `last_year`: what the figures of fit and backtest draw.
std::string fit_models_csv(const TrendForecast& forecast, const std::string& column,
                           std::span<const std::pair<double, double>> observed, double last_fitted_year, int last_year);

// model, year, observed, fitted, residual (log scale), standardized (residual / sigma) for
// every usable fit.
std::string fit_residuals_csv(const TrendForecast& forecast, std::span<const double> values);

// Per held-out year: the projection, its intervals, the errors and whether each interval holds it.
std::string backtest_csv(const Backtest& backtest);

// One row: what was projected (`choice`, the model used), the cut-off and the scores.
std::string backtest_summary_csv(const Backtest& backtest, const std::string& choice, int until);

// One row per method, origin and held-out year: origin and target year, horizon, observed,
// median, log error, the 50/80/95% intervals and whether each holds the observation, CRPS
// and the interval scores (log scale).
std::string rolling_origin_csv(const RollingEvaluation& evaluation);

// One row per method and horizon, then its `all` row: count, whether the method was scored
// at every slot, mean CRPS, mean interval scores, mean and rms log error, and per level the
// nominal and achieved coverage, the widening factor and the coverage after widening by
// factors learnt from earlier origins;
// `auto` is 1 on the all row of the method at index `auto_method` (none when out of range).
std::string rolling_summary_csv(const RollingEvaluation& evaluation, std::size_t auto_method);

// "exponential", ... for a forecast resting on one model; "ensemble" otherwise.
std::string forecast_model_name(const TrendForecast& forecast);

}  // namespace gapsim
