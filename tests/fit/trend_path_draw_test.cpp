// Path draws: in every year the empirical quantiles of 10,000 seeded draws match the
// forecast's predictive quantiles, for one fit and for a mixture; a draw allocates nothing.
#include "fit/trend_path_draw.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "support/allocation_counter.hpp"

namespace gapsim {
namespace {

std::vector<double> nict_years() { return {2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015}; }
std::vector<double> nict_packets() { return {0.31, 0.81, 1.99, 2.29, 3.57, 5.65, 4.54, 7.78, 12.88, 25.66, 54.51}; }

PathUniforms seeded_uniforms(std::mt19937_64& generator) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  PathUniforms u{};
  for (double& value : u) {
    do {
      value = uniform(generator);
    } while (value == 0.0);
  }
  return u;
}

// For each year and probability p: the share of draws at or below the forecast's p-quantile
// is p within 4 binomial standard errors sqrt(p (1 - p) / N).
void check_draw_quantiles(const TrendForecast& forecast) {
  constexpr int k_draws = 10000;
  const std::vector<double> years = {2016, 2020, 2030};
  const std::vector<double> probabilities = {0.05, 0.25, 0.5, 0.75, 0.95};
  const TrendPathSampler sampler(forecast);
  std::mt19937_64 generator(20261202);
  std::vector<std::vector<int>> below(years.size(), std::vector<int>(probabilities.size(), 0));
  std::vector<std::vector<double>> quantiles(years.size());
  for (std::size_t y = 0; y < years.size(); ++y) {
    for (double p : probabilities) {
      quantiles[y].push_back(forecast.quantile(years[y], p));
    }
  }
  double mean_predictive_quantile = 0.0;
  for (int draw = 0; draw < k_draws; ++draw) {
    const DrawnTrendPath path = sampler.draw(seeded_uniforms(generator));
    for (std::size_t y = 0; y < years.size(); ++y) {
      const double value = path.volume(years[y]);
      for (std::size_t q = 0; q < probabilities.size(); ++q) {
        below[y][q] += value <= quantiles[y][q] ? 1 : 0;
      }
    }
    mean_predictive_quantile += sampler.predictive_quantile(path, 2020) / k_draws;
  }
  for (std::size_t y = 0; y < years.size(); ++y) {
    for (std::size_t q = 0; q < probabilities.size(); ++q) {
      const double p = probabilities[q];
      const double share = static_cast<double>(below[y][q]) / k_draws;
      INFO("year " << years[y] << ", p " << p << ": share of draws below the quantile " << share);
      CHECK(std::abs(share - p) <= 4.0 * std::sqrt(p * (1.0 - p) / k_draws));
    }
  }
  // The predictive quantile of a draw is uniform: mean 1/2, sd sqrt(1/12) / sqrt(N).
  CHECK(std::abs(mean_predictive_quantile - 0.5) <= 4.0 * std::sqrt(1.0 / 12.0 / k_draws));
}

TEST_CASE("trend_path_draw: draws of one exponential fit have its predictive quantiles", "[core][trend]") {
  check_draw_quantiles(make_forecast(fit_all_trends(nict_years(), nict_packets()),
                                     {TrendChoice::Kind::model, TrendModel::exponential}, Criterion::aicc));
}

TEST_CASE("trend_path_draw: draws of a widened forecast have its widened quantiles", "[core][trend]") {
  TrendForecast widened = make_forecast(fit_all_trends(nict_years(), nict_packets()),
                                        {TrendChoice::Kind::model, TrendModel::exponential}, Criterion::aicc);
  widened.widen(1.6);
  check_draw_quantiles(widened);
}

TEST_CASE("trend_path_draw: draws of an equal-weight mixture have the mixture's quantiles", "[core][trend]") {
  const TrendForecast mixture =
      make_forecast(fit_all_trends(nict_years(), nict_packets()), {TrendChoice::Kind::equal_weights}, Criterion::aicc);
  REQUIRE(mixture.single_fit() == nullptr);
  check_draw_quantiles(mixture);
}

TEST_CASE("trend_path_draw: drawing and evaluating a path allocate nothing", "[core][trend]") {
  const TrendPathSampler sampler(
      make_forecast(fit_all_trends(nict_years(), nict_packets()), {TrendChoice::Kind::equal_weights}, Criterion::aicc));
  const PathUniforms uniforms = {0.7, 0.2, 0.9, 0.4, 0.6, 0.3};
  const std::size_t before = test::allocations_so_far();
  const DrawnTrendPath path = sampler.draw(uniforms);
  double sum = 0.0;
  for (int step = 0; step < 216; ++step) {
    sum += path.volume(2013.0 + step / 12.0);
  }
  CHECK(test::allocations_so_far() == before);
  CHECK(std::isfinite(sum));
}

TEST_CASE("trend_path_draw: a path drawn on a time grid is the drawn path, without allocating", "[core][trend]") {
  // Every member of an equal-weight mixture is picked by some u_0; on the grid each path's
  // ln V equals DrawnTrendPath::log_volume to rounding.
  const TrendPathSampler sampler(
      make_forecast(fit_all_trends(nict_years(), nict_packets()), {TrendChoice::Kind::equal_weights}, Criterion::aicc));
  std::vector<double> times;
  for (int step = 0; step <= 216; ++step) {
    times.push_back(2013.0 + step / 12.0);
  }
  const PathGrid grid = sampler.grid(times);
  std::vector<double> log_volume(times.size());
  for (const double pick : {0.01, 0.3, 0.6, 0.99}) {
    const PathUniforms uniforms = {pick, 0.2, 0.9, 0.4, 0.6, 0.3};
    const std::size_t before = test::allocations_so_far();
    sampler.log_path(grid, uniforms, log_volume);
    CHECK(test::allocations_so_far() == before);
    const DrawnTrendPath path = sampler.draw(uniforms);
    for (std::size_t i = 0; i < times.size(); ++i) {
      CHECK(std::abs(log_volume[i] - path.log_volume(times[i])) <= 1e-12 * std::max(1.0, std::abs(log_volume[i])));
    }
  }
}

}  // namespace
}  // namespace gapsim
