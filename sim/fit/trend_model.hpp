// The attack-volume curves gapsim fits: each is a formula for the natural log of the volume,
// linear or nonlinear in a small parameter vector. Fitting and forecasting live elsewhere.
#pragma once

#include <Eigen/Core>
#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace gapsim {

enum class TrendModel { exponential, logistic, gompertz, damped };

inline constexpr std::array k_trend_models = {TrendModel::exponential, TrendModel::logistic, TrendModel::gompertz,
                                              TrendModel::damped};

std::string_view trend_model_name(TrendModel model);
std::optional<TrendModel> parse_trend_model(std::string_view name);

// Every model has its log-curve g(tau; theta) with tau = year - origin (origin: the first
// fitted year). The fitting parameters theta are (with K = capacity, r = rate):
//   exponential  theta = (a, b)        g = a + b tau
//   logistic     theta = (ln K, r, m)  g = ln K - ln(1 + exp(-r (tau - m)))
//   gompertz     theta = (ln K, r, m)  g = ln K - exp(-r (tau - m))
//   damped       theta = (a, b, d)     g = a + b ln(1 + d tau) / d   (= a + b tau at d = 0)
// The damped trend's growth rate b / (1 + d tau) falls hyperbolically, so it slows without
// a ceiling (a power law in 1 + d tau); it is defined for d >= 0 only (NaN below, which the
// solver treats as a rejected step). A damping that decays exponentially instead would be
// the Gompertz curve again.
int parameter_count(TrendModel model);

double log_curve(TrendModel model, const Eigen::Ref<const Eigen::VectorXd>& theta, double tau);

// d g / d theta at tau, written to `gradient` (size parameter_count).
void log_curve_gradient(TrendModel model, const Eigen::Ref<const Eigen::VectorXd>& theta, double tau,
                        Eigen::Ref<Eigen::VectorXd> gradient);

// The parameters as reported: "level" (volume at the origin) or "capacity" (the ceiling),
// "rate" [1/yr], "midpoint" [calendar year] or "damping" [1/yr].
enum class ReportedParameter { level, capacity, rate, midpoint, damping, count };
constexpr int k_reported_parameter_count = static_cast<int>(ReportedParameter::count);

std::string_view reported_parameter_name(ReportedParameter parameter);

// The reported parameter of each theta component, in theta order.
std::span<const ReportedParameter> reported_parameters(TrendModel model);

// theta component i in reported units, and d(reported)/d(theta_i), for the delta method.
// Level and capacity are exp(theta_i); the midpoint is origin + m; others are unchanged.
double reported_value(TrendModel model, int i, double theta_i, double origin);
double reported_derivative(TrendModel model, int i, double theta_i);

}  // namespace gapsim
