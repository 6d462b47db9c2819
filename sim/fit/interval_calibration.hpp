// Widening prediction intervals that were too narrow out of sample. On the log scale an
// observation's excess ratio for a central interval is its distance from the median over
// the interval's half-width on the observation's side, so it lies inside exactly when the
// ratio is <= 1; widening the interval by a factor f about the median (log scale) takes in
// the observations with ratio <= f.
#pragma once

#include <span>

#include "fit/trend_forecast.hpp"

namespace gapsim {

// ln(observed / median) / ln(hi / median) above the median, ln(median / observed) /
// ln(median / lo) below it; 0 at the median, infinite beyond a zero-width side.
double interval_excess_ratio(double median, Interval interval, double observed);

// The smallest f >= 1 such that at least ceil(level * N) of the N ratios are <= f: the
// order statistic ratio_(ceil(level N)), or 1 when that is below 1 (never narrows). 1 for no ratios.
double widening_factor(std::span<const double> ratios, double level);

// [median (lo/median)^f, median (hi/median)^f].
Interval widen_interval(double median, Interval interval, double factor);

}  // namespace gapsim
