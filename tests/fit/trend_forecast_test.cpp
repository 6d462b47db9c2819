// Prediction intervals: coverage on seeded synthetic series, widening with the horizon,
// the mixture of an ensemble, and the back-test scoring.
#include "fit/trend_forecast.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>
#include <vector>

#include "fit/backtest.hpp"
#include "fit/skill_selection.hpp"
#include "support/approx.hpp"

namespace gapsim {
namespace {

// Share of held-out points inside each interval level, over `series` seeded series of
// `model` with log-scale noise sd 0.25, fitted on 10 years and scored on the next 5.
std::array<double, 3> coverage(TrendModel model, const Eigen::VectorXd& theta, int series) {
  boost::random::mt19937 generator(20261122);
  boost::random::normal_distribution<double> noise(0.0, 0.25);
  std::array<double, 3> inside{};
  int scored = 0;
  std::vector<double> years;
  for (int year = 2000; year < 2015; ++year) {
    years.push_back(year);
  }
  for (int s = 0; s < series; ++s) {
    std::vector<double> values;
    for (double year : years) {
      values.push_back(std::exp(log_curve(model, theta, year - 2000) + noise(generator)));
    }
    // Fit the first 10 years with the generating model only, score the last 5.
    const std::span<const double> all_years(years);
    const std::span<const double> all_values(values);
    const TrendForecast forecast({fit_trend(model, all_years.first(10), all_values.first(10))}, {1.0});
    for (std::size_t i = 10; i < years.size(); ++i) {
      for (std::size_t level = 0; level < 3; ++level) {
        const Interval interval = forecast.interval(years[i], k_interval_levels[level]);
        inside[level] += interval.lo <= values[i] && values[i] <= interval.hi ? 1.0 : 0.0;
      }
      ++scored;
    }
  }
  for (double& share : inside) {
    share /= scored;
  }
  return inside;
}

TEST_CASE("trend_forecast: 95% intervals cover 92-98% of held-out points", "[core][trend]") {
  Eigen::VectorXd exponential(2);
  exponential << std::log(0.5), 0.4;
  const auto achieved = coverage(TrendModel::exponential, exponential, 1000);
  std::cout << "exponential, 1000 series x 5 held-out years: coverage of the 50/80/95% intervals " << achieved[0]
            << " / " << achieved[1] << " / " << achieved[2] << "\n";
  CHECK(achieved[2] >= 0.92);
  CHECK(achieved[2] <= 0.98);
  CHECK(std::abs(achieved[1] - 0.80) <= 0.03);
  CHECK(std::abs(achieved[0] - 0.50) <= 0.03);

  // The nonlinear models' intervals are linearised (delta method), so only close to nominal.
  Eigen::VectorXd gompertz(3);
  gompertz << std::log(80.0), 0.35, 6.0;
  const auto achieved_gompertz = coverage(TrendModel::gompertz, gompertz, 1000);
  std::cout << "gompertz, 1000 series x 5 held-out years: coverage of the 50/80/95% intervals " << achieved_gompertz[0]
            << " / " << achieved_gompertz[1] << " / " << achieved_gompertz[2] << "\n";
  CHECK(achieved_gompertz[2] >= 0.90);
  CHECK(achieved_gompertz[2] <= 0.99);
}

std::vector<double> nict_years() { return {2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015}; }
std::vector<double> nict_packets() { return {0.31, 0.81, 1.99, 2.29, 3.57, 5.65, 4.54, 7.78, 12.88, 25.66, 54.51}; }

TEST_CASE("trend_forecast: a single exponential gives the textbook prediction interval", "[core][trend]") {
  const std::vector<double> years = nict_years();
  const std::vector<double> values = nict_packets();
  const TrendForecast forecast = make_forecast(fit_all_trends(years, values),
                                               {TrendChoice::Kind::model, TrendModel::exponential}, Criterion::aicc);
  const TrendFit& fit = forecast.fits()[0];
  // ln y0 +- t_{n-2} s sqrt(1 + 1/n + (tau0 - mean tau)^2 / Sxx), n = 11, mean tau 5, Sxx 110.
  const double tau = 2020 - 2005;
  const double centre = fit.theta[0] + fit.theta[1] * tau;
  const double half = boost::math::quantile(boost::math::students_t(9.0), 0.975) * fit.sigma *
                      std::sqrt(1.0 + 1.0 / 11.0 + (tau - 5.0) * (tau - 5.0) / 110.0);
  const Interval interval = forecast.interval(2020, 0.95);
  CHECK_THAT(interval.lo, test::within_rounding(std::exp(centre - half)));
  CHECK_THAT(interval.hi, test::within_rounding(std::exp(centre + half)));
  CHECK_THAT(forecast.median(2020), test::within_rounding(std::exp(centre)));
}

TEST_CASE("trend_forecast: intervals widen with the horizon", "[core][trend]") {
  const std::vector<double> years = nict_years();
  const std::vector<double> values = nict_packets();
  for (const char* name : {"exponential", "damped", "auto", "criterion-best", "ensemble", "skill-weights"}) {
    const TrendForecast forecast = select_forecast(years, values, *parse_trend_choice(name), Criterion::aicc).forecast;
    double last_width = 0.0;
    for (int year = 2015; year <= 2030; ++year) {
      const Interval interval = forecast.interval(year, 0.8);
      const double width = std::log(interval.hi / interval.lo);
      INFO(name << " " << year);
      CHECK(width > last_width);
      last_width = width;
    }
  }
}

TEST_CASE("trend_forecast: ensemble weights and mixture quantiles", "[core][trend]") {
  const std::vector<double> years = nict_years();
  const std::vector<double> values = nict_packets();
  const std::vector<TrendFit> fits = fit_all_trends(years, values);
  const std::vector<double> weights = criterion_weights(fits, Criterion::aicc);
  double total = 0.0;
  for (std::size_t i = 0; i < fits.size(); ++i) {
    total += weights[i];
    // exp(-delta / 2) relative to the exponential, the best model on this series.
    if (fits[i].usable()) {
      CHECK_THAT(weights[i] / weights[0], test::within_rounding(std::exp(-0.5 * (fits[i].aicc - fits[0].aicc))));
    } else {
      CHECK(weights[i] == 0.0);
    }
  }
  CHECK_THAT(total, test::within_rounding(1.0));

  // The mixture CDF at its own quantile is the probability asked for.
  const TrendForecast ensemble = make_forecast(fits, {TrendChoice::Kind::ensemble}, Criterion::aicc);
  const double q = ensemble.quantile(2025, 0.9);
  double cdf = 0.0;
  for (std::size_t i = 0; i < fits.size(); ++i) {
    if (weights[i] > 0.0) {
      const TrendForecast single = make_forecast(fits, {TrendChoice::Kind::model, fits[i].model}, Criterion::aicc);
      // Each component's CDF at q, read off by bisection on its own quantile function.
      double lo = 0.0;
      double hi = 1.0;
      for (int step = 0; step < 60; ++step) {
        const double mid = 0.5 * (lo + hi);
        (single.quantile(2025, mid) < q ? lo : hi) = mid;
      }
      cdf += weights[i] * lo;
    }
  }
  CHECK_THAT(cdf, Catch::Matchers::WithinAbs(0.9, 1e-9));
}

TEST_CASE("trend_forecast: choices that cannot be served", "[core][trend]") {
  const std::vector<double> years = nict_years();
  const std::vector<double> values = nict_packets();
  try {
    make_forecast(fit_all_trends(years, values), {TrendChoice::Kind::model, TrendModel::logistic}, Criterion::aicc);
    FAIL("no error");
  } catch (const TrendFitError& error) {
    CHECK(std::string(error.what()) == "the logistic fit is unusable (not identified)");
  }
  CHECK_FALSE(parse_trend_choice("linear"));
  CHECK(parse_trend_choice("auto")->kind == TrendChoice::Kind::skill_best);
  CHECK(parse_trend_choice("criterion-best")->kind == TrendChoice::Kind::criterion_best);
  // Every listed name parses and names itself back.
  std::string_view names = k_trend_choice_names;
  for (std::size_t start = 0; start <= names.size();) {
    const std::size_t end = std::min(names.find('|', start), names.size());
    const std::string_view name = names.substr(start, end - start);
    INFO(name);
    REQUIRE(parse_trend_choice(name));
    CHECK(trend_choice_name(*parse_trend_choice(name)) == name);
    start = end + 1;
  }
}

TEST_CASE("backtest: scores held-out years against the forecast", "[core][trend]") {
  const std::vector<double> years = nict_years();
  const std::vector<double> values = nict_packets();
  const Backtest backtest =
      run_backtest(years, values, 2012, {TrendChoice::Kind::model, TrendModel::exponential}, Criterion::aicc);
  REQUIRE(backtest.summary.held_out == 3);
  double mape = 0.0;
  double log_error = 0.0;
  for (const BacktestPoint& point : backtest.points) {
    CHECK_THAT(point.predicted, test::within_rounding(std::exp(backtest.forecast.fits()[0].log_value(point.year))));
    mape += std::abs(point.predicted / point.observed - 1.0) / 3.0;
    log_error += std::log(point.predicted / point.observed) / 3.0;
  }
  CHECK_THAT(backtest.summary.mape, test::within_rounding(mape));
  CHECK_THAT(backtest.summary.mean_log_error, test::within_rounding(log_error));
  CHECK(backtest.points[0].year == 2013);
  CHECK_THROWS_AS(run_backtest(years, values, 2015, {}, Criterion::aicc), TrendFitError);
}

}  // namespace
}  // namespace gapsim
