// Least-squares fits of the trend models to a yearly series, on the log scale: the errors
// of an attack-volume series are multiplicative, and a common response makes the
// information criteria of different models comparable.
#pragma once

#include <Eigen/Core>
#include <span>
#include <stdexcept>
#include <vector>

#include "fit/trend_model.hpp"

namespace gapsim {

// Data a fit cannot use, or a model that cannot serve the projection asked for.
class TrendFitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class FitStatus {
  ok,
  too_few_points,  // fewer than parameters + 1 points: no residual degree of freedom
  not_identified,  // the optimum is at infinity (e.g. a ceiling the data never approach)
  not_converged,   // the solver ran out of evaluations
};

std::string_view fit_status_name(FitStatus status);

struct TrendFit {
  TrendModel model = TrendModel::exponential;
  FitStatus status = FitStatus::ok;
  double origin = 0.0;          // first fitted year; tau = year - origin
  Eigen::VectorXd theta;        // fitting parameters (see trend_model.hpp)
  Eigen::MatrixXd covariance;   // of theta: sigma^2 (J'J)^-1, J the Jacobian at theta
  int points = 0;               // n
  int residual_df = 0;          // n - p
  double sse = 0.0;             // sum of squared log residuals
  double sigma = 0.0;           // residual standard error sqrt(sse / (n - p)) [log units]
  double log_likelihood = 0.0;  // of the observed values under lognormal errors, sigma at its MLE
  double aic = 0.0;             // 2k - 2 logL, k = p + 1 (sigma counts)
  double aicc = 0.0;            // aic + 2k(k + 1)/(n - k - 1); infinite when n <= k + 1
  double bic = 0.0;             // k ln n - 2 logL
  double r_squared = 0.0;       // 1 - sse / total sum of squares, log scale
  double durbin_watson = 0.0;   // sum (e_i - e_{i-1})^2 / sse
  double residual_lag1 = 0.0;   // lag-1 autocorrelation of the residuals
  std::vector<double> years;
  std::vector<double> residuals;  // ln observed - fitted log-curve

  bool usable() const { return status == FitStatus::ok; }
  int parameters() const { return parameter_count(model); }
  // Fitted log-curve at `year`.
  double log_value(double year) const;
  // Reported parameter i (in reported_parameters(model) order) and its delta-method standard error.
  double reported(int i) const;
  double reported_se(int i) const;
};

// Fits `model` to (years, values). Exponential is ordinary least squares on ln value;
// the others start from the best point of a grid over their nonlinear parameters (the
// linear ones profiled out) and finish with Eigen's Levenberg-Marquardt.
// Throws TrendFitError unless years are strictly increasing and values finite and > 0.
TrendFit fit_trend(TrendModel model, std::span<const double> years, std::span<const double> values);

// One fit per model, in k_trend_models order.
std::vector<TrendFit> fit_all_trends(std::span<const double> years, std::span<const double> values);

}  // namespace gapsim
