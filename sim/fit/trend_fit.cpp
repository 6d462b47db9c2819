// Trend fitting: closed-form least squares for the exponential, profiled grid search plus
// Levenberg-Marquardt for the nonlinear models, then covariance and diagnostics for all.
#include "fit/trend_fit.hpp"

#include <Eigen/QR>
#include <Eigen/SVD>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <unsupported/Eigen/LevenbergMarquardt>

namespace gapsim {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// A Jacobian whose condition number exceeds this leaves some parameter combination
// undetermined by the data (cond(J'J) would exceed 1e16, beyond double precision).
constexpr double k_max_condition = 1e8;

// Residuals ln y_i - g(tau_i; theta) for Eigen's Levenberg-Marquardt (it minimises their
// squared norm; the sign convention does not matter to it, we use g - ln y).
struct LogResiduals : Eigen::DenseFunctor<double> {
  LogResiduals(TrendModel model, const VectorXd& tau, const VectorXd& log_y)
      : DenseFunctor(parameter_count(model), static_cast<int>(tau.size())),
        m_model(model),
        m_tau(tau),
        m_log_y(log_y) {}

  int operator()(const VectorXd& theta, VectorXd& residual) const {
    for (Eigen::Index i = 0; i < m_tau.size(); ++i) {
      residual[i] = log_curve(m_model, theta, m_tau[i]) - m_log_y[i];
    }
    return 0;
  }

  int df(const VectorXd& theta, MatrixXd& jacobian) const {
    VectorXd gradient(theta.size());
    for (Eigen::Index i = 0; i < m_tau.size(); ++i) {
      log_curve_gradient(m_model, theta, m_tau[i], gradient);
      jacobian.row(i) = gradient.transpose();
    }
    return 0;
  }

  TrendModel m_model;
  const VectorXd& m_tau;
  const VectorXd& m_log_y;
};

double sum_of_squares(TrendModel model, const VectorXd& theta, const VectorXd& tau, const VectorXd& log_y) {
  double sse = 0.0;
  for (Eigen::Index i = 0; i < tau.size(); ++i) {
    const double e = log_y[i] - log_curve(model, theta, tau[i]);
    sse += e * e;
  }
  return sse;
}

// Exponential: ordinary least squares of ln y on (1, tau).
VectorXd exponential_start(const VectorXd& tau, const VectorXd& log_y) {
  MatrixXd design(tau.size(), 2);
  design.col(0).setOnes();
  design.col(1) = tau;
  return design.colPivHouseholderQr().solve(log_y);
}

// Logistic and Gompertz: grid over rate r and midpoint m; ln K is then the mean of
// ln y - shape, which minimises the squared error for that (r, m).
VectorXd sigmoid_start(TrendModel model, const VectorXd& tau, const VectorXd& log_y) {
  const double span = tau[tau.size() - 1];
  VectorXd theta(3);
  VectorXd best(3);
  double best_sse = std::numeric_limits<double>::infinity();
  for (double r = 0.02; r <= 5.0; r *= 1.2) {
    for (double m = -10.0; m <= span + 40.0; m += 0.5) {
      theta << 0.0, r, m;
      double mean = 0.0;
      for (Eigen::Index i = 0; i < tau.size(); ++i) {
        mean += log_y[i] - log_curve(model, theta, tau[i]);
      }
      theta[0] = mean / static_cast<double>(tau.size());
      const double sse = sum_of_squares(model, theta, tau, log_y);
      if (sse < best_sse) {
        best_sse = sse;
        best = theta;
      }
    }
  }
  return best;
}

// Damped: grid over the damping d; (a, b) are then ordinary least squares on (1, h(d, tau)).
VectorXd damped_start(const VectorXd& tau, const VectorXd& log_y) {
  VectorXd best(3);
  double best_sse = std::numeric_limits<double>::infinity();
  MatrixXd design(tau.size(), 2);
  design.col(0).setOnes();
  VectorXd theta(3);
  for (int step = 0; step <= 200; ++step) {
    const double d = step * 0.01;
    theta << 0.0, 1.0, d;
    for (Eigen::Index i = 0; i < tau.size(); ++i) {
      design(i, 1) = log_curve(TrendModel::damped, theta, tau[i]);  // L(d, tau) when a=0, b=1
    }
    const Eigen::Vector2d ab = design.colPivHouseholderQr().solve(log_y);
    theta << ab[0], ab[1], d;
    const double sse = sum_of_squares(TrendModel::damped, theta, tau, log_y);
    if (sse < best_sse) {
      best_sse = sse;
      best = theta;
    }
  }
  return best;
}

// Levenberg-Marquardt from `theta`; false when it ran out of evaluations or failed.
bool refine(TrendModel model, const VectorXd& tau, const VectorXd& log_y, VectorXd& theta) {
  LogResiduals residuals(model, tau, log_y);
  Eigen::LevenbergMarquardt<LogResiduals> solver(residuals);
  // Tight tolerances: noise-free data must give the generating parameters to 1e-8.
  solver.setXtol(1e-15);
  solver.setFtol(1e-15);
  solver.setGtol(0.0);
  solver.setMaxfev(4000);
  const auto status = solver.minimize(theta);
  using S = Eigen::LevenbergMarquardtSpace::Status;
  return status != S::TooManyFunctionEvaluation && status != S::ImproperInputParameters && theta.allFinite();
}

void check_data(std::span<const double> years, std::span<const double> values) {
  if (years.size() != values.size() || years.empty()) {
    throw TrendFitError("trend fit: needs as many values as years, and at least one");
  }
  for (std::size_t i = 0; i < years.size(); ++i) {
    if (!(std::isfinite(values[i]) && values[i] > 0.0)) {
      throw TrendFitError("trend fit: the value of " + std::to_string(std::llround(years[i])) +
                          " is not > 0 (trends are fitted to its logarithm)");
    }
    if (i > 0 && !(years[i] > years[i - 1])) {
      throw TrendFitError("trend fit: years must be strictly increasing");
    }
  }
}

// Covariance, information criteria and residual diagnostics at the fitted theta.
void finish(TrendFit& fit, const VectorXd& tau, const VectorXd& log_y, double sum_log_y) {
  const int n = fit.points;
  const int p = fit.parameters();
  fit.residuals.resize(n);
  MatrixXd jacobian(n, p);
  VectorXd gradient(p);
  for (int i = 0; i < n; ++i) {
    fit.residuals[i] = log_y[i] - log_curve(fit.model, fit.theta, tau[i]);
    log_curve_gradient(fit.model, fit.theta, tau[i], gradient);
    jacobian.row(i) = gradient.transpose();
  }
  fit.sse = 0.0;
  for (double e : fit.residuals) {
    fit.sse += e * e;
  }
  fit.sigma = std::sqrt(fit.sse / fit.residual_df);

  const Eigen::JacobiSVD<MatrixXd> svd(jacobian, Eigen::ComputeThinV);
  const VectorXd& singular = svd.singularValues();
  if (!(singular[p - 1] > 0.0) || singular[0] / singular[p - 1] > k_max_condition) {
    fit.status = FitStatus::not_identified;
  }
  const VectorXd inverse_squares = singular.array().square().inverse().matrix();
  fit.covariance = fit.sigma * fit.sigma * svd.matrixV() * inverse_squares.asDiagonal() * svd.matrixV().transpose();

  // Lognormal likelihood of the observed values with sigma^2 at its MLE sse/n; the
  // -sum ln y term is the Jacobian of the log transform.
  const double k = p + 1;
  const double mle_variance = std::max(fit.sse / n, std::numeric_limits<double>::min());
  fit.log_likelihood = -0.5 * n * (std::log(2.0 * std::numbers::pi * mle_variance) + 1.0) - sum_log_y;
  fit.aic = 2.0 * k - 2.0 * fit.log_likelihood;
  fit.aicc =
      n - k - 1.0 > 0.0 ? fit.aic + 2.0 * k * (k + 1.0) / (n - k - 1.0) : std::numeric_limits<double>::infinity();
  fit.bic = k * std::log(static_cast<double>(n)) - 2.0 * fit.log_likelihood;

  const double mean = log_y.mean();
  const double total = (log_y.array() - mean).square().sum();
  fit.r_squared = total > 0.0 ? 1.0 - fit.sse / total : 1.0;
  double difference_squares = 0.0;
  double lag_product = 0.0;
  for (int i = 1; i < n; ++i) {
    difference_squares += std::pow(fit.residuals[i] - fit.residuals[i - 1], 2);
    lag_product += fit.residuals[i] * fit.residuals[i - 1];
  }
  fit.durbin_watson = fit.sse > 0.0 ? difference_squares / fit.sse : 0.0;
  fit.residual_lag1 = fit.sse > 0.0 ? lag_product / fit.sse : 0.0;
}

}  // namespace

std::string_view fit_status_name(FitStatus status) {
  switch (status) {
    case FitStatus::ok: return "ok";
    case FitStatus::too_few_points: return "too few points";
    case FitStatus::not_identified: return "not identified";
    case FitStatus::not_converged: return "not converged";
  }
  return "";
}

double TrendFit::log_value(double year) const { return log_curve(model, theta, year - origin); }

double TrendFit::reported(int i) const { return reported_value(model, i, theta[i], origin); }

double TrendFit::reported_se(int i) const {
  return std::abs(reported_derivative(model, i, theta[i])) * std::sqrt(covariance(i, i));
}

TrendFit fit_trend(TrendModel model, std::span<const double> years, std::span<const double> values) {
  check_data(years, values);
  TrendFit fit;
  fit.model = model;
  fit.origin = years.front();
  fit.points = static_cast<int>(years.size());
  fit.residual_df = fit.points - fit.parameters();
  fit.years.assign(years.begin(), years.end());
  const int p = fit.parameters();
  fit.theta = VectorXd::Zero(p);
  fit.covariance = MatrixXd::Zero(p, p);
  if (fit.residual_df < 1) {
    fit.status = FitStatus::too_few_points;
    return fit;
  }
  VectorXd tau(fit.points);
  VectorXd log_y(fit.points);
  double sum_log_y = 0.0;
  for (int i = 0; i < fit.points; ++i) {
    tau[i] = years[i] - fit.origin;
    log_y[i] = std::log(values[i]);
    sum_log_y += log_y[i];
  }
  switch (model) {
    case TrendModel::exponential: fit.theta = exponential_start(tau, log_y); break;
    case TrendModel::logistic:
    case TrendModel::gompertz: fit.theta = sigmoid_start(model, tau, log_y); break;
    case TrendModel::damped: fit.theta = damped_start(tau, log_y); break;
  }
  if (model != TrendModel::exponential && !refine(model, tau, log_y, fit.theta)) {
    fit.status = FitStatus::not_converged;
    return fit;
  }
  finish(fit, tau, log_y, sum_log_y);
  return fit;
}

std::vector<TrendFit> fit_all_trends(std::span<const double> years, std::span<const double> values) {
  std::vector<TrendFit> fits;
  for (TrendModel model : k_trend_models) {
    fits.push_back(fit_trend(model, years, values));
  }
  return fits;
}

}  // namespace gapsim
