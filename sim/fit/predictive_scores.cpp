// CRPS in closed form for one Student t, by the kernel identity for a mixture.
#include "fit/predictive_scores.hpp"

#include <algorithm>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "fit/student_t.hpp"

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

// The mixture's CDF.
double mixture_cdf(std::span<const LogPrediction> components, std::span<const double> weights, double x) {
  double cdf = 0.0;
  for (std::size_t i = 0; i < components.size(); ++i) {
    const LogPrediction& c = components[i];
    cdf += weights[i] *
           (c.scale == 0.0 ? (x >= c.centre ? 1.0 : 0.0) : boost::math::cdf(StudentT(c.df), (x - c.centre) / c.scale));
  }
  return cdf;
}

}  // namespace

double student_t_mean_distance(double z, double df) {
  if (!(df > 1.0)) {
    return k_infinity;
  }
  const StudentT t(df);
  return z * (2.0 * boost::math::cdf(t, z) - 1.0) + 2.0 * boost::math::pdf(t, z) * (df + z * z) / (df - 1.0);
}

double student_t_mean_spread(double df) {
  if (!(df > 1.0)) {
    return k_infinity;
  }
  const double b = boost::math::beta(0.5, 0.5 * df);
  return 4.0 * std::sqrt(df) * boost::math::beta(0.5, df - 0.5) / ((df - 1.0) * b * b);
}

double student_t_crps(double z, double df) {
  if (!(df > 1.0)) {
    return k_infinity;
  }
  return student_t_mean_distance(z, df) - 0.5 * student_t_mean_spread(df);
}

double mixture_log_crps(std::span<const LogPrediction> components, std::span<const double> weights,
                        double log_observed) {
  double distance = 0.0;
  double centre = 0.0;
  double scale = 0.0;
  for (std::size_t i = 0; i < components.size(); ++i) {
    distance += weights[i] * component_mean_distance(components[i], log_observed);
    if (!(components[i].df > 1.0)) {
      return k_infinity;
    }
    centre += weights[i] * components[i].centre;
    scale = std::max(scale, components[i].scale);
  }
  if (components.size() == 1) {
    return distance - 0.5 * components[0].scale * student_t_mean_spread(components[0].df);
  }
  // E|X - X'| / 2 = int F (1 - F) dx, in units of the widest component about the mean centre.
  const auto integrand = [&](double u) {
    const double cdf = mixture_cdf(components, weights, centre + scale * u);
    return cdf * (1.0 - cdf);
  };
  const double half_spread = scale * boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
                                         integrand, -k_infinity, k_infinity, 12, 1e-10);
  return distance - half_spread;
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
