// What `gapsim optimize` asks of a policy: objectives on a statistic of a metric over the
// study's futures ("total_cost", "shortage@2030:p90"), and constraints on a statistic or on
// the probability that a metric stays on one side of a bound ("shortage@2030 <= 0 with
// probability 0.9").
#pragma once

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "study/output_metric.hpp"

namespace gapsim {

// One number out of a metric's values over the futures: their mean, or the empirical
// quantile at `probability` (order statistic ceil(probability * N) of N, 1-based, so that
// "quantile <= x" holds exactly when at least that share of the futures is <= x).
struct FutureStatistic {
  bool mean = true;
  double probability = 0.5;  // of a quantile

  std::string text() const;  // "mean", "p90", "p2.5"
};

// `values` copied into `sorted` (scratch of values.size()) in ascending order.
void sort_into(std::span<const double> values, std::span<double> sorted);

// The statistic's value of `values`. `sorted` is scratch of values.size() that ends up holding
// the values in ascending order. REQUIRES: !values.empty().
double statistic_value(const FutureStatistic& statistic, std::span<const double> values, std::span<double> sorted);

// Its Monte Carlo standard error: sd / sqrt(N) for a mean; for a quantile, the width of the
// distribution-free 95% interval between order statistics around it, divided by 2 x 1.96.
// 0 with one future. REQUIRES: `sorted` ascending.
double statistic_standard_error(const FutureStatistic& statistic, std::span<const double> sorted);

struct Objective {
  std::string text;  // as given
  OutputMetric metric;
  FutureStatistic statistic;
  bool maximise = false;
};

enum class Comparison { at_most, at_least };

struct Constraint {
  std::string text;  // as given
  OutputMetric metric;
  Comparison comparison = Comparison::at_most;
  double bound = 0.0;
  // "with probability P": the share of futures on the bound's side must be at least P; the
  // order statistic that decides it is the ceil(P N)-th from the bottom (at_most) or the top
  // (at_least), and `statistic` only names it (p P, or p 1-P). Without it, `statistic` itself
  // must meet the bound.
  std::optional<double> probability;
  FutureStatistic statistic;
};

// "METRIC" or "METRIC:STAT" with STAT mean, median or pNN (0 < NN < 100). The error says what is
// wrong, with the closest metric for an unknown one.
std::expected<Objective, std::string> parse_objective(std::string_view text, bool maximise);

// "METRIC[:STAT] <= X", "METRIC[:STAT] >= X" or "METRIC <= X with probability P" (0 < P <= 1).
std::expected<Constraint, std::string> parse_constraint(std::string_view text);

// The share of `values` on the constraint's side of its bound.
double share_meeting(const Constraint& constraint, std::span<const double> values);

// How far the constraint's statistic (of ascending `sorted` values) is on the wrong side of
// the bound: > 0 when it is not met, <= 0 when it is. In the metric's units.
double constraint_excess(const Constraint& constraint, std::span<const double> sorted);

}  // namespace gapsim
