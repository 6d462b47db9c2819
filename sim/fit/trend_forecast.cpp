// Predictive quantiles: Student t on the log scale per fit, mixtures solved by root finding.
#include "fit/trend_forecast.hpp"

#include <algorithm>
#include <array>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "fit/student_t.hpp"

namespace gapsim {
namespace {

double criterion_value(const TrendFit& fit, Criterion criterion) {
  switch (criterion) {
    case Criterion::aic: return fit.aic;
    case Criterion::aicc: return fit.aicc;
    case Criterion::bic: return fit.bic;
  }
  return 0.0;
}

double component_log_quantile(const LogPrediction& prediction, double probability) {
  if (prediction.scale == 0.0) {
    return prediction.centre;
  }
  return prediction.centre + prediction.scale * boost::math::quantile(StudentT(prediction.df), probability);
}

double component_cdf(const LogPrediction& prediction, double log_value) {
  if (prediction.scale == 0.0) {
    return log_value >= prediction.centre ? 1.0 : 0.0;
  }
  return boost::math::cdf(StudentT(prediction.df), (log_value - prediction.centre) / prediction.scale);
}

struct NamedChoice {
  std::string_view name;
  TrendChoice::Kind kind;
};

constexpr std::array k_mixture_choices = {
    NamedChoice{"auto", TrendChoice::Kind::skill_best},
    NamedChoice{"criterion-best", TrendChoice::Kind::criterion_best},
    NamedChoice{"ensemble", TrendChoice::Kind::ensemble},
    NamedChoice{"equal-weights", TrendChoice::Kind::equal_weights},
    NamedChoice{"skill-weights", TrendChoice::Kind::skill_weights},
};

}  // namespace

LogPrediction log_prediction(const TrendFit& fit, double year) {
  Eigen::VectorXd gradient(fit.parameters());
  log_curve_gradient(fit.model, fit.theta, year - fit.origin, gradient);
  const double variance = fit.sigma * fit.sigma + gradient.dot(fit.covariance * gradient);
  return {fit.log_value(year), std::sqrt(variance), static_cast<double>(fit.residual_df)};
}

std::string_view criterion_name(Criterion criterion) {
  switch (criterion) {
    case Criterion::aic: return "aic";
    case Criterion::aicc: return "aicc";
    case Criterion::bic: return "bic";
  }
  return "";
}

std::optional<Criterion> parse_criterion(std::string_view name) {
  for (Criterion criterion : {Criterion::aic, Criterion::aicc, Criterion::bic}) {
    if (criterion_name(criterion) == name) {
      return criterion;
    }
  }
  return std::nullopt;
}

std::optional<TrendChoice> parse_trend_choice(std::string_view name) {
  for (const NamedChoice& choice : k_mixture_choices) {
    if (choice.name == name) {
      return TrendChoice{choice.kind};
    }
  }
  if (const auto model = parse_trend_model(name)) {
    return TrendChoice{TrendChoice::Kind::model, *model};
  }
  return std::nullopt;
}

std::string_view trend_choice_name(TrendChoice choice) {
  if (choice.kind == TrendChoice::Kind::model) {
    return trend_model_name(choice.model);
  }
  for (const NamedChoice& named : k_mixture_choices) {
    if (named.kind == choice.kind) {
      return named.name;
    }
  }
  return "";
}

std::vector<double> equal_weights(const std::vector<TrendFit>& fits) {
  const auto usable = std::count_if(fits.begin(), fits.end(), [](const TrendFit& fit) { return fit.usable(); });
  std::vector<double> weights(fits.size(), 0.0);
  for (std::size_t i = 0; i < fits.size(); ++i) {
    weights[i] = fits[i].usable() ? 1.0 / static_cast<double>(usable) : 0.0;
  }
  return weights;
}

std::vector<double> criterion_weights(const std::vector<TrendFit>& fits, Criterion criterion) {
  double best = std::numeric_limits<double>::infinity();
  for (const TrendFit& fit : fits) {
    if (fit.usable()) {
      best = std::min(best, criterion_value(fit, criterion));
    }
  }
  std::vector<double> weights(fits.size(), 0.0);
  if (!std::isfinite(best)) {
    return weights;
  }
  double total = 0.0;
  for (std::size_t i = 0; i < fits.size(); ++i) {
    if (fits[i].usable()) {
      weights[i] = std::exp(-0.5 * (criterion_value(fits[i], criterion) - best));
      total += weights[i];
    }
  }
  for (double& weight : weights) {
    weight /= total;
  }
  return weights;
}

TrendForecast::TrendForecast(std::vector<TrendFit> fits, std::vector<double> weights)
    : m_fits(std::move(fits)), m_weights(std::move(weights)) {}

double TrendForecast::quantile(double year, double probability) const {
  // The median of one model is its curve: no distribution needed (the engine asks for it
  // at every step of a fitted attack trend).
  if (const TrendFit* fit = single_fit(); fit != nullptr && probability == 0.5) {
    return std::exp(fit->log_value(year));
  }
  std::vector<LogPrediction> components;
  std::vector<double> weights;
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < m_fits.size(); ++i) {
    if (m_weights[i] > 0.0) {
      components.push_back(member_prediction(i, year));
      weights.push_back(m_weights[i]);
      const double q = component_log_quantile(components.back(), probability);
      lo = std::min(lo, q);
      hi = std::max(hi, q);
    }
  }
  // The mixture's quantile lies between the smallest and largest component quantiles.
  if (components.size() == 1 || hi - lo <= 0.0) {
    return std::exp(lo);
  }
  const auto excess = [&](double log_value) {
    double cdf = 0.0;
    for (std::size_t i = 0; i < components.size(); ++i) {
      cdf += weights[i] * component_cdf(components[i], log_value);
    }
    return cdf - probability;
  };
  std::uintmax_t iterations = 200;
  const auto [a, b] =
      boost::math::tools::toms748_solve(excess, lo, hi, boost::math::tools::eps_tolerance<double>(), iterations);
  return std::exp(0.5 * (a + b));
}

double TrendForecast::cdf(double year, double value) const {
  const double log_value = std::log(value);
  double probability = 0.0;
  for (std::size_t i = 0; i < m_fits.size(); ++i) {
    if (m_weights[i] > 0.0) {
      probability += m_weights[i] * component_cdf(member_prediction(i, year), log_value);
    }
  }
  return probability;
}

LogPrediction TrendForecast::member_prediction(std::size_t member, double year) const {
  LogPrediction prediction = log_prediction(m_fits[member], year);
  prediction.scale *= m_spread;
  return prediction;
}

const TrendFit* TrendForecast::single_fit() const {
  const TrendFit* found = nullptr;
  for (std::size_t i = 0; i < m_fits.size(); ++i) {
    if (m_weights[i] > 0.0) {
      if (found != nullptr) {
        return nullptr;
      }
      found = &m_fits[i];
    }
  }
  return found;
}

Interval TrendForecast::interval(double year, double level) const {
  return {quantile(year, 0.5 * (1.0 - level)), quantile(year, 0.5 * (1.0 + level))};
}

TrendForecast make_forecast(std::vector<TrendFit> fits, TrendChoice choice, Criterion criterion) {
  std::vector<double> weights(fits.size(), 0.0);
  if (choice.kind == TrendChoice::Kind::model) {
    for (std::size_t i = 0; i < fits.size(); ++i) {
      if (fits[i].model == choice.model) {
        if (!fits[i].usable()) {
          throw TrendFitError("the " + std::string(trend_model_name(choice.model)) + " fit is unusable (" +
                              std::string(fit_status_name(fits[i].status)) + ")");
        }
        weights[i] = 1.0;
      }
    }
    return {std::move(fits), std::move(weights)};
  }
  if (choice.kind == TrendChoice::Kind::skill_weights || choice.kind == TrendChoice::Kind::skill_best) {
    throw std::invalid_argument("make_forecast: a skill-based choice needs the series (select_forecast)");
  }
  weights = choice.kind == TrendChoice::Kind::equal_weights ? equal_weights(fits) : criterion_weights(fits, criterion);
  if (std::all_of(weights.begin(), weights.end(), [](double w) { return w == 0.0; })) {
    throw TrendFitError("no trend model could be fitted to the data");
  }
  if (choice.kind == TrendChoice::Kind::criterion_best) {
    const auto best = std::max_element(weights.begin(), weights.end()) - weights.begin();
    std::fill(weights.begin(), weights.end(), 0.0);
    weights[best] = 1.0;
  }
  return {std::move(fits), std::move(weights)};
}

}  // namespace gapsim
