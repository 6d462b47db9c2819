// Trend fits: exact recovery on noise-free data, the closed-form exponential, the
// information criteria by hand, and the unusable cases.
#include "fit/trend_fit.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "support/approx.hpp"

namespace gapsim {
namespace {

// Reported parameters recovered to 1e-8 relative.
constexpr double k_recovery = 1e-8;

std::vector<double> year_range(int first, int last) {
  std::vector<double> years;
  for (int year = first; year <= last; ++year) {
    years.push_back(year);
  }
  return years;
}

// Noise-free values of `model` with fitting parameters `theta` (origin = first year).
std::vector<double> curve_values(TrendModel model, const Eigen::VectorXd& theta, const std::vector<double>& years) {
  std::vector<double> values;
  for (double year : years) {
    values.push_back(std::exp(log_curve(model, theta, year - years.front())));
  }
  return values;
}

TEST_CASE("trend_fit: each model recovers its parameters from noise-free data", "[core][trend]") {
  struct Case {
    TrendModel model;
    std::vector<double> theta;     // fitting parameters
    std::vector<double> reported;  // the same in reported units
  };
  // origin 2005: logistic capacity 60 with midpoint 2012; Gompertz 80 at 2011; damped
  // growth 1.2/yr halving after 2 years.
  const std::vector<Case> cases = {
      {TrendModel::exponential, {std::log(0.5), 0.4}, {0.5, 0.4}},
      {TrendModel::logistic, {std::log(60.0), 0.8, 7.0}, {60.0, 0.8, 2012.0}},
      {TrendModel::gompertz, {std::log(80.0), 0.35, 6.0}, {80.0, 0.35, 2011.0}},
      {TrendModel::damped, {std::log(0.3), 1.2, 0.5}, {0.3, 1.2, 0.5}},
  };
  const std::vector<double> years = year_range(2005, 2020);
  for (const Case& c : cases) {
    const Eigen::VectorXd theta = Eigen::Map<const Eigen::VectorXd>(c.theta.data(), c.theta.size());
    const TrendFit fit = fit_trend(c.model, years, curve_values(c.model, theta, years));
    INFO(trend_model_name(c.model));
    REQUIRE(fit.usable());
    for (int i = 0; i < fit.parameters(); ++i) {
      INFO(reported_parameter_name(reported_parameters(c.model)[i]) << " = " << fit.reported(i));
      CHECK_THAT(fit.reported(i), Catch::Matchers::WithinRel(c.reported[i], k_recovery));
    }
    CHECK(fit.sse < 1e-20);
  }
}

TEST_CASE("trend_fit: the exponential fit is the closed-form least-squares line of ln y", "[core][trend]") {
  boost::random::mt19937 generator(2005);
  boost::random::normal_distribution<double> noise(0.0, 0.3);
  const std::vector<double> years = year_range(2005, 2015);
  std::vector<double> values;
  for (double year : years) {
    values.push_back(0.3 * std::exp(0.45 * (year - 2005) + noise(generator)));
  }
  // b = Sxy / Sxx, a = mean(ln y) - b mean(tau); se(b) = s / sqrt(Sxx).
  const double n = years.size();
  double tau_mean = 0.0;
  double log_mean = 0.0;
  for (std::size_t i = 0; i < years.size(); ++i) {
    tau_mean += (years[i] - 2005) / n;
    log_mean += std::log(values[i]) / n;
  }
  double sxx = 0.0;
  double sxy = 0.0;
  for (std::size_t i = 0; i < years.size(); ++i) {
    sxx += std::pow(years[i] - 2005 - tau_mean, 2);
    sxy += (years[i] - 2005 - tau_mean) * (std::log(values[i]) - log_mean);
  }
  const double b = sxy / sxx;
  const double a = log_mean - b * tau_mean;
  double sse = 0.0;
  for (std::size_t i = 0; i < years.size(); ++i) {
    sse += std::pow(std::log(values[i]) - a - b * (years[i] - 2005), 2);
  }
  const double s = std::sqrt(sse / (n - 2));

  const TrendFit fit = fit_trend(TrendModel::exponential, years, values);
  CHECK_THAT(fit.theta[0], test::within_rounding(a));
  CHECK_THAT(fit.theta[1], test::within_rounding(b));
  CHECK_THAT(fit.reported(0), test::within_rounding(std::exp(a)));
  CHECK_THAT(fit.sigma, test::within_rounding(s));
  CHECK_THAT(fit.reported_se(1), test::within_rounding(s / std::sqrt(sxx)));
  CHECK_THAT(fit.reported_se(0), test::within_rounding(std::exp(a) * s * std::sqrt(1 / n + tau_mean * tau_mean / sxx)));
}

TEST_CASE("trend_fit: information criteria and diagnostics by hand", "[core][trend]") {
  // ln y = 0, 1.1, 1.9, 3.2 at tau 0..3: Sxx = 5, Sxy = 5.2, so the OLS line is
  // -0.01 + 1.04 tau, residuals 0.01, 0.07, -0.17, 0.09 and sse = 0.042.
  const std::vector<double> years = {2000, 2001, 2002, 2003};
  const std::vector<double> values = {1.0, std::exp(1.1), std::exp(1.9), std::exp(3.2)};
  const TrendFit fit = fit_trend(TrendModel::exponential, years, values);
  CHECK_THAT(fit.theta[0], Catch::Matchers::WithinAbs(-0.01, 1e-12));
  CHECK_THAT(fit.theta[1], Catch::Matchers::WithinAbs(1.04, 1e-12));
  CHECK_THAT(fit.sse, test::within_rounding(0.042));
  const double log_likelihood = -2.0 * (std::log(2.0 * std::numbers::pi * 0.042 / 4.0) + 1.0) - 6.2;
  CHECK_THAT(fit.log_likelihood, test::within_rounding(log_likelihood));
  CHECK_THAT(fit.aic, test::within_rounding(6.0 - 2.0 * log_likelihood));
  CHECK(std::isinf(fit.aicc));  // n - k - 1 = 0
  CHECK_THAT(fit.bic, test::within_rounding(3.0 * std::log(4.0) - 2.0 * log_likelihood));
  // r^2 = 1 - sse / sum (ln y - 1.55)^2 = 1 - 0.042 / 5.45
  CHECK_THAT(fit.r_squared, test::within_rounding(1.0 - 0.042 / 5.45));
  // DW = (0.06^2 + 0.24^2 + 0.26^2) / sse; lag-1 = (0.0007 - 0.0119 - 0.0153) / sse
  CHECK_THAT(fit.durbin_watson, test::within_rounding((0.0036 + 0.0576 + 0.0676) / 0.042));
  CHECK_THAT(fit.residual_lag1, test::within_rounding((0.0007 - 0.0119 - 0.0153) / 0.042));
}

TEST_CASE("trend_fit: a ceiling the data never approach is reported as not identified", "[core][trend]") {
  const std::vector<double> years = year_range(2005, 2015);
  Eigen::VectorXd theta(2);
  theta << 0.0, 0.3;
  const TrendFit fit = fit_trend(TrendModel::logistic, years, curve_values(TrendModel::exponential, theta, years));
  CHECK(fit.status == FitStatus::not_identified);
  CHECK(fit_trend(TrendModel::damped, std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 3}).status ==
        FitStatus::too_few_points);
}

TEST_CASE("trend_fit: data it cannot take", "[core][trend]") {
  const auto message = [](std::vector<double> years, std::vector<double> values) -> std::string {
    try {
      fit_trend(TrendModel::exponential, years, values);
    } catch (const TrendFitError& error) {
      return error.what();
    }
    return "";
  };
  CHECK(message({2005, 2006}, {1.0, 0.0}) ==
        "trend fit: the value of 2006 is not > 0 (trends are fitted to its logarithm)");
  CHECK(message({2006, 2005}, {1.0, 2.0}) == "trend fit: years must be strictly increasing");
}

}  // namespace
}  // namespace gapsim
