// Rolling-origin scoring and its summaries.
#include "fit/rolling_origin.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "fit/interval_calibration.hpp"
#include "fit/predictive_scores.hpp"
#include "fit/skill_selection.hpp"

namespace gapsim {
namespace {

constexpr std::size_t k_levels = k_interval_levels.size();

std::vector<TrendChoice> rolling_methods(const std::vector<TrendModel>& models) {
  std::vector<TrendChoice> methods;
  for (TrendModel model : models) {
    methods.push_back({TrendChoice::Kind::model, model});
  }
  if (models.size() > 1) {
    for (TrendChoice::Kind kind : {TrendChoice::Kind::criterion_best, TrendChoice::Kind::ensemble,
                                   TrendChoice::Kind::equal_weights, TrendChoice::Kind::skill_weights}) {
      methods.push_back({kind});
    }
  }
  return methods;
}

// Mean CRPS of each model's own forecasts over the points whose target year is at most
// `origin_year`, in `fits` order (NaN for none).
std::vector<double> past_model_crps(const std::vector<RollingPoint>& points, const std::vector<TrendChoice>& methods,
                                    const std::vector<TrendFit>& fits, double origin_year) {
  std::vector<double> sum(fits.size(), 0.0);
  std::vector<int> count(fits.size(), 0);
  for (const RollingPoint& point : points) {
    const TrendChoice method = methods[point.method];
    if (method.kind != TrendChoice::Kind::model || point.target_year > origin_year) {
      continue;
    }
    for (std::size_t i = 0; i < fits.size(); ++i) {
      if (fits[i].model == method.model) {
        sum[i] += point.crps;
        ++count[i];
      }
    }
  }
  std::vector<double> mean(fits.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < fits.size(); ++i) {
    if (count[i] > 0) {
      mean[i] = sum[i] / count[i];
    }
  }
  return mean;
}

// The forecast of `method` from the origin's fits, or none when it cannot be served.
std::optional<TrendForecast> method_forecast(const std::vector<TrendFit>& fits, TrendChoice method, Criterion criterion,
                                             const std::vector<double>& past_crps) {
  if (std::none_of(fits.begin(), fits.end(), [](const TrendFit& fit) { return fit.usable(); })) {
    return std::nullopt;
  }
  if (method.kind == TrendChoice::Kind::skill_weights) {
    return TrendForecast(fits, skill_weights(fits, past_crps));
  }
  try {
    return make_forecast(fits, method, criterion);
  } catch (const TrendFitError&) {
    return std::nullopt;  // the named model is unusable at this origin
  }
}

RollingPoint score(const TrendForecast& forecast, std::size_t method, double origin_year, double target_year,
                   double observed) {
  RollingPoint point;
  point.method = method;
  point.origin_year = origin_year;
  point.target_year = target_year;
  point.horizon = static_cast<int>(std::lround(target_year - origin_year));
  point.observed = observed;
  point.median = forecast.median(target_year);
  point.crps = forecast_log_crps(forecast, target_year, observed);
  for (std::size_t level = 0; level < k_levels; ++level) {
    point.intervals[level] = forecast.interval(target_year, k_interval_levels[level]);
    point.interval_scores[level] =
        interval_score(std::log(point.intervals[level].lo), std::log(point.intervals[level].hi), std::log(observed),
                       k_interval_levels[level]);
  }
  return point;
}

// Excess ratios of `points` for one interval level.
std::vector<double> excess_ratios(std::span<const RollingPoint* const> points, std::size_t level) {
  std::vector<double> ratios;
  for (const RollingPoint* point : points) {
    ratios.push_back(interval_excess_ratio(point->median, point->intervals[level], point->observed));
  }
  return ratios;
}

RollingSummary summarise(std::size_t method, int horizon, std::span<const RollingPoint* const> points,
                         std::span<const std::array<double, k_levels>> point_widening) {
  RollingSummary summary;
  summary.method = method;
  summary.horizon = horizon;
  summary.count = static_cast<int>(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    const RollingPoint& point = *points[i];
    summary.mean_crps += point.crps;
    summary.mean_log_error += point.log_error();
    summary.rms_log_error += point.log_error() * point.log_error();
    for (std::size_t level = 0; level < k_levels; ++level) {
      summary.mean_interval_score[level] += point.interval_scores[level];
      summary.coverage[level] += point.inside(level) ? 1.0 : 0.0;
      const double ratio = interval_excess_ratio(point.median, point.intervals[level], point.observed);
      summary.calibrated_coverage[level] += ratio <= point_widening[i][level] ? 1.0 : 0.0;
    }
  }
  const double n = std::max(1, summary.count);
  summary.mean_crps /= n;
  summary.mean_log_error /= n;
  summary.rms_log_error = std::sqrt(summary.rms_log_error / n);
  for (std::size_t level = 0; level < k_levels; ++level) {
    summary.mean_interval_score[level] /= n;
    summary.coverage[level] /= n;
    summary.calibrated_coverage[level] /= n;
  }
  return summary;
}

// Widening factors for each of `points` (one method and horizon) learnt from the points
// scored before it: those whose target year is at most its origin year (1 with none).
std::vector<std::array<double, k_levels>> sequential_widening(std::span<const RollingPoint* const> points) {
  std::vector<std::array<double, k_levels>> factors;
  for (const RollingPoint* point : points) {
    std::vector<const RollingPoint*> earlier;
    for (const RollingPoint* other : points) {
      if (other->target_year <= point->origin_year) {
        earlier.push_back(other);
      }
    }
    std::array<double, k_levels> factor{};
    for (std::size_t level = 0; level < k_levels; ++level) {
      factor[level] = widening_factor(excess_ratios(earlier, level), k_interval_levels[level]);
    }
    factors.push_back(factor);
  }
  return factors;
}

// Per method: one summary per horizon, its widening factors from all its points, its
// calibrated coverage from each point widened by the factors of the points scored before it;
// then the all-horizons summary of the same points.
std::vector<RollingSummary> summarise_all(const std::vector<RollingPoint>& points, std::size_t methods,
                                          int max_horizon) {
  std::vector<RollingSummary> summaries;
  for (std::size_t method = 0; method < methods; ++method) {
    std::vector<const RollingPoint*> all;
    std::vector<std::array<double, k_levels>> all_widening;
    for (int horizon = 1; horizon <= max_horizon; ++horizon) {
      std::vector<const RollingPoint*> selected;
      for (const RollingPoint& point : points) {
        if (point.method == method && point.horizon == horizon) {
          selected.push_back(&point);
        }
      }
      std::array<double, k_levels> widening{};
      for (std::size_t level = 0; level < k_levels; ++level) {
        widening[level] = widening_factor(excess_ratios(selected, level), k_interval_levels[level]);
      }
      const std::vector<std::array<double, k_levels>> sequential = sequential_widening(selected);
      RollingSummary summary = summarise(method, horizon, selected, sequential);
      summary.widening = widening;
      summaries.push_back(summary);
      all.insert(all.end(), selected.begin(), selected.end());
      all_widening.insert(all_widening.end(), sequential.begin(), sequential.end());
    }
    RollingSummary overall = summarise(method, 0, all, all_widening);
    overall.widening.fill(std::numeric_limits<double>::quiet_NaN());
    summaries.push_back(overall);
  }
  return summaries;
}

}  // namespace

double RollingPoint::log_error() const { return std::log(median / observed); }

bool RollingPoint::inside(std::size_t level) const {
  return intervals[level].lo <= observed && observed <= intervals[level].hi;
}

const RollingSummary& RollingEvaluation::overall(std::size_t method) const {
  const std::size_t per_method = summaries.size() / methods.size();
  return summaries[(method + 1) * per_method - 1];
}

RollingEvaluation evaluate_rolling_origin(std::span<const double> years, std::span<const double> values,
                                          const RollingOptions& options) {
  RollingEvaluation evaluation;
  evaluation.methods = rolling_methods(options.models);
  for (std::size_t rows = k_first_origin_rows; rows < years.size(); ++rows) {
    const double origin_year = years[rows - 1];
    std::vector<std::size_t> targets;
    for (std::size_t j = rows; j < years.size() && years[j] - origin_year <= options.max_horizon; ++j) {
      targets.push_back(j);
    }
    if (targets.empty()) {
      continue;
    }
    evaluation.slots += static_cast<int>(targets.size());
    std::vector<TrendFit> fits;
    for (TrendModel model : options.models) {
      fits.push_back(fit_trend(model, years.first(rows), values.first(rows)));
    }
    const std::vector<double> past_crps = past_model_crps(evaluation.points, evaluation.methods, fits, origin_year);
    for (std::size_t method = 0; method < evaluation.methods.size(); ++method) {
      const auto forecast = method_forecast(fits, evaluation.methods[method], options.criterion, past_crps);
      if (!forecast) {
        continue;
      }
      for (std::size_t j : targets) {
        evaluation.points.push_back(score(*forecast, method, origin_year, years[j], values[j]));
      }
    }
  }
  std::stable_sort(evaluation.points.begin(), evaluation.points.end(),
                   [](const RollingPoint& a, const RollingPoint& b) { return a.method < b.method; });
  evaluation.summaries = summarise_all(evaluation.points, evaluation.methods.size(), options.max_horizon);
  return evaluation;
}

}  // namespace gapsim
