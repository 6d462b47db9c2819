// Proper scores of a predictive distribution against what was later observed, on the log
// scale (the scale the trends are fitted on): the continuous ranked probability score and
// the interval score of Gneiting & Raftery (2007). Lower is better for both.
#pragma once

#include <span>

#include "fit/trend_forecast.hpp"

namespace gapsim {

// E|T - z| for T standard Student t with df > 1 degrees of freedom:
// z (2 F(z) - 1) + 2 f(z) (df + z^2) / (df - 1).  Infinite for df <= 1.
double student_t_mean_distance(double z, double df);

// E|T - T'| for independent standard Student t with df > 1:
// 4 sqrt(df) B(1/2, df - 1/2) / ((df - 1) B(1/2, df/2)^2).  Infinite for df <= 1.
double student_t_mean_spread(double df);

// CRPS(F, y) = E|X - y| - E|X - X'| / 2 of a standard Student t at z (closed form).
double student_t_crps(double z, double df);

// CRPS of the mixture sum_i w_i (c_i + s_i T_i) at `log_observed`: the same identity, with
// E|X - y| = sum_i w_i s_i E|T_i - (y - c_i)/s_i| in closed form and
// E|X - X'| / 2 = int F(x) (1 - F(x)) dx by adaptive Gauss-Kronrod (61 points) over the real
// line (x = mean centre + largest scale * u). One component: its closed form.
double mixture_log_crps(std::span<const LogPrediction> components, std::span<const double> weights,
                        double log_observed);

// CRPS of `forecast`'s predictive distribution of ln(value) in `year` at ln(observed).
double forecast_log_crps(const TrendForecast& forecast, double year, double observed);

// Interval score of the central `level` interval [lo, hi] at y (all on the log scale), alpha = 1 - level:
// (hi - lo) + (2/alpha) (lo - y) [y < lo] + (2/alpha) (y - hi) [y > hi].
double interval_score(double log_lo, double log_hi, double log_observed, double level);

}  // namespace gapsim
