// CRPS in closed form for one Student t, by the kernel identity for a mixture.
#include "fit/predictive_scores.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <limits>
#include <vector>

namespace gapsim {
namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

// E|X - x| for X = centre + scale T.
double component_mean_distance(const LogPrediction& component, double x) {
  if (component.scale == 0.0) {
    return std::abs(component.centre - x);
  }
  return component.scale * student_t_mean_distance((x - component.centre) / component.scale, component.df);
}

// E|X_a - X_b| for independent components a != b: E|X_a - x| integrated against the
// density of X_b, in X_b's standard units.
double cross_mean_spread(const LogPrediction& a, const LogPrediction& b) {
  if (b.scale == 0.0) {
    return component_mean_distance(a, b.centre);
  }
  if (!(a.df > 1.0 && b.df > 1.0)) {
    return k_infinity;
  }
  const boost::math::students_t density(b.df);
  const auto integrand = [&](double t) {
    return component_mean_distance(a, b.centre + b.scale * t) * boost::math::pdf(density, t);
  };
  return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(integrand, -k_infinity, k_infinity, 15, 1e-10);
}

}  // namespace

double student_t_mean_distance(double z, double df) {
  if (!(df > 1.0)) {
    return k_infinity;
  }
  const boost::math::students_t t(df);
  return z * (2.0 * boost::math::cdf(t, z) - 1.0) + 2.0 * boost::math::pdf(t, z) * (df + z * z) / (df - 1.0);
}

double student_t_mean_spread(double df) {
  if (!(df > 1.0)) {
    return k_infinity;
  }
  const double b = boost::math::beta(0.5, 0.5 * df);
  return 4.0 * std::sqrt(df) * boost::math::beta(0.5, df - 0.5) / ((df - 1.0) * b * b);
}

double student_t_crps(double z, double df) { return student_t_mean_distance(z, df) - 0.5 * student_t_mean_spread(df); }

double mixture_log_crps(std::span<const LogPrediction> components, std::span<const double> weights,
                        double log_observed) {
  double distance = 0.0;
  double spread = 0.0;
  for (std::size_t i = 0; i < components.size(); ++i) {
    distance += weights[i] * component_mean_distance(components[i], log_observed);
    spread += weights[i] * weights[i] * components[i].scale * student_t_mean_spread(components[i].df);
    for (std::size_t j = i + 1; j < components.size(); ++j) {
      spread += 2.0 * weights[i] * weights[j] * cross_mean_spread(components[i], components[j]);
    }
  }
  return distance - 0.5 * spread;
}

double forecast_log_crps(const TrendForecast& forecast, double year, double observed) {
  std::vector<LogPrediction> components;
  std::vector<double> weights;
  for (std::size_t i = 0; i < forecast.fits().size(); ++i) {
    if (forecast.weights()[i] > 0.0) {
      components.push_back(log_prediction(forecast.fits()[i], year));
      weights.push_back(forecast.weights()[i]);
    }
  }
  return mixture_log_crps(components, weights, std::log(observed));
}

double interval_score(double log_lo, double log_hi, double log_observed, double level) {
  const double alpha = 1.0 - level;
  double score = log_hi - log_lo;
  if (log_observed < log_lo) {
    score += 2.0 / alpha * (log_lo - log_observed);
  }
  if (log_observed > log_hi) {
    score += 2.0 / alpha * (log_observed - log_hi);
  }
  return score;
}

}  // namespace gapsim
