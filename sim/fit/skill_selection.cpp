// Skill weights and the skill-based choice.
#include "fit/skill_selection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "fit/interval_calibration.hpp"

namespace gapsim {
namespace {

bool is_skill_choice(TrendChoice choice) {
  return choice.kind == TrendChoice::Kind::skill_best || choice.kind == TrendChoice::Kind::skill_weights;
}

// The single-model methods' all-horizon mean CRPS, in fits order (NaN where not scored).
std::vector<double> model_mean_crps(const RollingEvaluation& evaluation, const std::vector<TrendFit>& fits) {
  std::vector<double> mean(fits.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t m = 0; m < evaluation.methods.size(); ++m) {
    const TrendChoice method = evaluation.methods[m];
    for (std::size_t i = 0; i < fits.size(); ++i) {
      if (method.kind == TrendChoice::Kind::model && method.model == fits[i].model && evaluation.overall(m).count > 0) {
        mean[i] = evaluation.overall(m).mean_crps;
      }
    }
  }
  return mean;
}

bool can_serve(const std::vector<TrendFit>& fits, TrendChoice method) {
  for (const TrendFit& fit : fits) {
    if (fit.usable() && (method.kind != TrendChoice::Kind::model || method.model == fit.model)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<double> skill_weights(const std::vector<TrendFit>& fits, std::span<const double> mean_crps) {
  std::vector<double> weights(fits.size(), 0.0);
  double total = 0.0;
  for (std::size_t i = 0; i < fits.size(); ++i) {
    if (fits[i].usable() && std::isfinite(mean_crps[i]) && mean_crps[i] > 0.0) {
      weights[i] = 1.0 / mean_crps[i];
      total += weights[i];
    }
  }
  if (total == 0.0) {
    return equal_weights(fits);
  }
  for (double& weight : weights) {
    weight /= total;
  }
  return weights;
}

std::size_t best_skill_method(const RollingEvaluation& evaluation, const std::vector<TrendFit>& fits) {
  if (evaluation.slots == 0) {
    throw TrendFitError("rolling-origin evaluation: no year after an origin of " + std::to_string(k_first_origin_rows) +
                        " or more rows to score against");
  }
  std::size_t best = evaluation.methods.size();
  for (std::size_t m = 0; m < evaluation.methods.size(); ++m) {
    if (evaluation.complete(m) && can_serve(fits, evaluation.methods[m]) &&
        (best == evaluation.methods.size() || evaluation.overall(m).mean_crps < evaluation.overall(best).mean_crps)) {
      best = m;
    }
  }
  if (best == evaluation.methods.size()) {
    throw TrendFitError("no trend model or combination was scored at every rolling origin");
  }
  return best;
}

double out_of_sample_widening(const RollingEvaluation& evaluation, std::size_t method) {
  double factor = 1.0;
  for (std::size_t level = 0; level < k_interval_levels.size(); ++level) {
    std::vector<double> ratios;
    for (const RollingPoint& point : evaluation.points) {
      if (point.method == method) {
        ratios.push_back(interval_excess_ratio(point.median, point.intervals[level], point.observed));
      }
    }
    factor = std::max(factor, widening_factor(ratios, k_interval_levels[level]));
  }
  return factor;
}

SelectedForecast select_forecast(std::span<const double> years, std::span<const double> values, TrendChoice choice,
                                 Criterion criterion) {
  std::vector<TrendFit> fits = fit_all_trends(years, values);
  if (!is_skill_choice(choice)) {
    return {make_forecast(std::move(fits), choice, criterion), choice, false};
  }
  if (years.size() < static_cast<std::size_t>(k_skill_selection_rows)) {
    const TrendChoice fallback{choice.kind == TrendChoice::Kind::skill_best ? TrendChoice::Kind::criterion_best
                                                                            : TrendChoice::Kind::ensemble};
    return {make_forecast(std::move(fits), fallback, criterion), fallback, false};
  }
  const RollingEvaluation evaluation = evaluate_rolling_origin(years, values, {.criterion = criterion});
  std::vector<double> weights = skill_weights(fits, model_mean_crps(evaluation, fits));
  const auto method_of = [&](TrendChoice::Kind kind) {
    for (std::size_t m = 0; m < evaluation.methods.size(); ++m) {
      if (evaluation.methods[m].kind == kind) {
        return m;
      }
    }
    return evaluation.methods.size();
  };
  const std::size_t method = choice.kind == TrendChoice::Kind::skill_weights
                                 ? method_of(TrendChoice::Kind::skill_weights)
                                 : best_skill_method(evaluation, fits);
  const TrendChoice picked = method < evaluation.methods.size() ? evaluation.methods[method] : choice;
  SelectedForecast selected{picked.kind == TrendChoice::Kind::skill_weights
                                ? TrendForecast(std::move(fits), std::move(weights))
                                : make_forecast(std::move(fits), picked, criterion),
                            picked, true};
  if (method < evaluation.methods.size()) {
    selected.widening = out_of_sample_widening(evaluation, method);
    selected.forecast.widen(selected.widening);
  }
  return selected;
}

}  // namespace gapsim
