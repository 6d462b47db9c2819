// Log-curves of the trend models and their gradients, written to stay accurate where the
// naive formula overflows or cancels (large |r (tau - m)|, damping near zero).
#include "fit/trend_model.hpp"

#include <cmath>
#include <limits>

namespace gapsim {
namespace {

using P = ReportedParameter;
constexpr std::array k_exponential_parameters = {P::level, P::rate};
constexpr std::array k_sigmoid_parameters = {P::capacity, P::rate, P::midpoint};
constexpr std::array k_damped_parameters = {P::level, P::rate, P::damping};

// ln(1 + e^u) without overflow.
double softplus(double u) { return u > 0.0 ? u + std::log1p(std::exp(-u)) : std::log1p(std::exp(u)); }

// 1 / (1 + e^-u) without overflow.
double logistic_function(double u) { return u >= 0.0 ? 1.0 / (1.0 + std::exp(-u)) : std::exp(u) / (1.0 + std::exp(u)); }

// Below this |d tau| the damped curve uses its Taylor series: the closed form loses digits to
// cancellation there, and the series' first omitted term is below 1e-12 relative.
constexpr double k_damping_series_limit = 1e-4;

// L(d, tau) = ln(1 + d tau) / d, the cumulated log-growth of a damped trend per unit of b.
double damped_growth(double d, double tau) {
  if (d < 0.0) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const double x = d * tau;
  if (std::abs(x) < k_damping_series_limit) {
    return tau * (1.0 - x / 2.0 + x * x / 3.0);
  }
  return std::log1p(x) / d;
}

// dL/dd.
double damped_growth_derivative(double d, double tau) {
  const double x = d * tau;
  if (std::abs(x) < k_damping_series_limit) {
    return tau * tau * (-0.5 + 2.0 * x / 3.0 - 0.75 * x * x);
  }
  return (tau / (1.0 + x) - damped_growth(d, tau)) / d;
}

}  // namespace

std::string_view trend_model_name(TrendModel model) {
  switch (model) {
    case TrendModel::exponential: return "exponential";
    case TrendModel::logistic: return "logistic";
    case TrendModel::gompertz: return "gompertz";
    case TrendModel::damped: return "damped";
  }
  return "";
}

std::optional<TrendModel> parse_trend_model(std::string_view name) {
  for (TrendModel model : k_trend_models) {
    if (trend_model_name(model) == name) {
      return model;
    }
  }
  return std::nullopt;
}

int parameter_count(TrendModel model) { return static_cast<int>(reported_parameters(model).size()); }

double log_curve(TrendModel model, const Eigen::Ref<const Eigen::VectorXd>& theta, double tau) {
  switch (model) {
    case TrendModel::exponential: return theta[0] + theta[1] * tau;
    case TrendModel::logistic: return theta[0] - softplus(-theta[1] * (tau - theta[2]));
    case TrendModel::gompertz: return theta[0] - std::exp(-theta[1] * (tau - theta[2]));
    case TrendModel::damped: return theta[0] + theta[1] * damped_growth(theta[2], tau);
  }
  return 0.0;
}

void log_curve_gradient(TrendModel model, const Eigen::Ref<const Eigen::VectorXd>& theta, double tau,
                        Eigen::Ref<Eigen::VectorXd> gradient) {
  gradient[0] = 1.0;
  switch (model) {
    case TrendModel::exponential: gradient[1] = tau; return;
    case TrendModel::logistic: {
      const double share = logistic_function(-theta[1] * (tau - theta[2]));
      gradient[1] = share * (tau - theta[2]);
      gradient[2] = -share * theta[1];
      return;
    }
    case TrendModel::gompertz: {
      const double e = std::exp(-theta[1] * (tau - theta[2]));
      gradient[1] = e * (tau - theta[2]);
      gradient[2] = -e * theta[1];
      return;
    }
    case TrendModel::damped:
      gradient[1] = damped_growth(theta[2], tau);
      gradient[2] = theta[1] * damped_growth_derivative(theta[2], tau);
      return;
  }
}

std::string_view reported_parameter_name(ReportedParameter parameter) {
  switch (parameter) {
    case P::level: return "level";
    case P::capacity: return "capacity";
    case P::rate: return "rate";
    case P::midpoint: return "midpoint";
    case P::damping: return "damping";
    case P::count: break;
  }
  return "";
}

std::span<const ReportedParameter> reported_parameters(TrendModel model) {
  switch (model) {
    case TrendModel::exponential: return k_exponential_parameters;
    case TrendModel::logistic:
    case TrendModel::gompertz: return k_sigmoid_parameters;
    case TrendModel::damped: return k_damped_parameters;
  }
  return {};
}

double reported_value(TrendModel model, int i, double theta_i, double origin) {
  switch (reported_parameters(model)[i]) {
    case P::level:
    case P::capacity: return std::exp(theta_i);
    case P::midpoint: return origin + theta_i;
    default: return theta_i;
  }
}

double reported_derivative(TrendModel model, int i, double theta_i) {
  const P parameter = reported_parameters(model)[i];
  return parameter == P::level || parameter == P::capacity ? std::exp(theta_i) : 1.0;
}

}  // namespace gapsim
