// Declared input distributions: sample moments against the exact ones, known quantiles,
// truncation holding at the extremes of u, supports, and the canonical text.
#include "stats/distribution.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

#include "support/approx.hpp"

namespace gapsim {
namespace {

constexpr double k_inf = std::numeric_limits<double>::infinity();
constexpr double k_pi = 3.14159265358979323846;

// The top 53 bits of a 64-bit draw, centred in their cell: strictly inside (0, 1).
double unit_point(std::uint64_t bits) { return (static_cast<double>(bits >> 11) + 0.5) * 0x1p-53; }

struct SampleMoments {
  double mean = 0.0;
  double variance = 0.0;
  double fourth = 0.0;  // central fourth moment
};

SampleMoments sample_moments(const Distribution& distribution, int n) {
  boost::random::mt19937_64 generator(20260314);
  std::vector<double> draws(static_cast<std::size_t>(n));
  for (double& draw : draws) {
    draw = distribution.quantile(unit_point(generator()));
  }
  SampleMoments moments;
  for (double draw : draws) {
    moments.mean += draw;
  }
  moments.mean /= n;
  // Two passes: the variance of a far-tail truncation is tiny next to its mean squared.
  for (double draw : draws) {
    const double d2 = (draw - moments.mean) * (draw - moments.mean);
    moments.variance += d2;
    moments.fourth += d2 * d2;
  }
  moments.variance /= n - 1;
  moments.fourth /= n;
  return moments;
}

struct Case {
  const char* name;
  Distribution distribution;
};

}  // namespace

TEST_CASE("distribution: sample moments of every distribution within tolerance for a seeded large sample",
          "[core][distribution]") {
  const std::vector<Case> cases = {
      {"uniform", Distribution::uniform(2.0, 5.0)},
      {"normal", Distribution::normal(0.1, 0.02)},
      {"normal truncated below", Distribution::normal(0.1, 0.02, 0.09)},
      {"normal truncated above", Distribution::normal(0.1, 0.02, -k_inf, 0.13)},
      {"normal truncated both sides", Distribution::normal(0.1, 0.02, 0.07, 0.12)},
      {"normal truncated 10 sd out", Distribution::normal(0.0, 1.0, 10.0)},
      {"normal truncated 10 sd out, below", Distribution::normal(5.0, 2.0, -k_inf, -15.0)},
      {"lognormal", Distribution::lognormal(0.0, 0.5)},
      {"lognormal truncated", Distribution::lognormal(0.0, 0.5, 0.8, 2.0)},
      {"triangular", Distribution::triangular(0.0, 1.0, 4.0)},
      {"beta", Distribution::beta(2.0, 5.0, 10.0, 20.0)},
      {"choice", Distribution::choice({1.0, 2.0, 5.0}, {0.2, 0.5, 0.3})},
  };
  const int n = 200000;
  for (const Case& c : cases) {
    INFO(c.name << ": " << c.distribution.text());
    const SampleMoments sample = sample_moments(c.distribution, n);
    const double mean = c.distribution.mean();
    const double variance = c.distribution.variance();
    // Four standard errors of each estimator.
    CHECK(std::abs(sample.mean - mean) <= 4.0 * std::sqrt(variance / n));
    CHECK(std::abs(sample.variance - variance) <= 4.0 * std::sqrt((sample.fourth - variance * variance) / n));
  }
}

TEST_CASE("distribution: exact moments match closed forms", "[core][distribution]") {
  using test::within_rounding;
  CHECK_THAT(Distribution::uniform(2.0, 5.0).mean(), within_rounding(3.5));
  CHECK_THAT(Distribution::uniform(2.0, 5.0).variance(), within_rounding(0.75));
  CHECK_THAT(Distribution::triangular(0.0, 1.0, 4.0).mean(), within_rounding(5.0 / 3.0));
  CHECK_THAT(Distribution::triangular(0.0, 1.0, 4.0).variance(),
             within_rounding((0.0 + 1.0 + 16.0 - 0.0 - 0.0 - 4.0) / 18.0));
  // Half-normal: a standard normal kept above its mean.
  CHECK_THAT(Distribution::normal(0.0, 1.0, 0.0).mean(), within_rounding(std::sqrt(2.0 / k_pi)));
  CHECK_THAT(Distribution::normal(0.0, 1.0, 0.0).variance(), within_rounding(1.0 - 2.0 / k_pi));
  CHECK_THAT(Distribution::normal(3.0, 2.0).mean(), within_rounding(3.0));
  CHECK_THAT(Distribution::normal(3.0, 2.0).variance(), within_rounding(4.0));
  CHECK_THAT(Distribution::lognormal(0.0, 0.5).mean(), within_rounding(std::exp(0.125)));
  CHECK_THAT(Distribution::lognormal(0.0, 0.5).variance(), within_rounding((std::exp(0.25) - 1.0) * std::exp(0.25)));
  // A lognormal kept above its median: mean exp(mu + sigma^2/2) Phi(sigma) / (1/2).
  const boost::math::normal standard;
  CHECK_THAT(Distribution::lognormal(1.0, 0.5, std::exp(1.0)).mean(),
             within_rounding(std::exp(1.125) * boost::math::cdf(standard, 0.5) / 0.5));
  CHECK_THAT(Distribution::beta(2.0, 5.0, 10.0, 20.0).mean(), within_rounding(10.0 + 10.0 * 2.0 / 7.0));
  CHECK_THAT(Distribution::beta(2.0, 5.0, 10.0, 20.0).variance(),
             within_rounding(100.0 * 2.0 * 5.0 / (7.0 * 7.0 * 8.0)));
  CHECK_THAT(Distribution::choice({1.0, 2.0}, {0.25, 0.75}).mean(), within_rounding(1.75));
  CHECK_THAT(Distribution::choice({1.0, 2.0}, {0.25, 0.75}).variance(), within_rounding(0.1875));
}

TEST_CASE("distribution: quantiles hit known values", "[core][distribution]") {
  using test::within_rounding;
  CHECK_THAT(Distribution::normal(0.0, 1.0).quantile(0.975), Catch::Matchers::WithinAbs(1.959963985, 1e-9));
  CHECK_THAT(Distribution::normal(0.0, 1.0).quantile(0.025), Catch::Matchers::WithinAbs(-1.959963985, 1e-9));
  CHECK(Distribution::uniform(2.0, 4.0).quantile(0.25) == 2.5);
  CHECK_THAT(Distribution::lognormal(0.0, 1.0).quantile(0.975), within_rounding(std::exp(1.959963984540054)));
  CHECK_THAT(Distribution::triangular(0.0, 1.0, 4.0).quantile(0.25), within_rounding(1.0));
  // Half-normal quantile: Phi^-1((1 + u) / 2).
  CHECK_THAT(Distribution::normal(0.0, 1.0, 0.0).quantile(0.95), within_rounding(1.959963984540054));

  // A truncation 10 sd out keeps its shape: the median halves the tail beyond 10.
  const boost::math::normal standard;
  const double tail_median = Distribution::normal(0.0, 1.0, 10.0).quantile(0.5);
  CHECK_THAT(boost::math::cdf(boost::math::complement(standard, tail_median)),
             within_rounding(0.5 * boost::math::cdf(boost::math::complement(standard, 10.0))));
  const double low_tail_median = Distribution::normal(0.0, 1.0, -k_inf, -10.0).quantile(0.5);
  CHECK_THAT(low_tail_median, within_rounding(-tail_median));

  SECTION("a choice takes the first value whose cumulative weight reaches u") {
    const Distribution choice = Distribution::choice({30.0, 10.0, 20.0}, {0.25, 0.25, 0.5});
    CHECK(choice.quantile(1e-15) == 30.0);
    CHECK(choice.quantile(0.25) == 30.0);
    CHECK(choice.quantile(std::nextafter(0.25, 1.0)) == 10.0);
    CHECK(choice.quantile(0.5) == 10.0);
    CHECK(choice.quantile(std::nextafter(0.5, 1.0)) == 20.0);
    CHECK(choice.quantile(1.0 - 1e-16) == 20.0);
    // Weights a hair under 1 in total still give the last value to the top of u.
    CHECK(Distribution::choice({1.0, 2.0}, {0.5, 0.5 - 1e-10}).quantile(1.0 - 1e-16) == 2.0);
  }
}

TEST_CASE("distribution: beta quantiles hold where Boost's own inverse gives up", "[core][distribution]") {
  // The tail asymptote I_x(a, b) ~ x^a / (a B(a, b)) is exact to double precision this far out.
  const auto tail_quantile = [](double a, double b, double p) {
    return std::pow(p * a * boost::math::beta(a, b), 1.0 / a);
  };
  // Boost 1.74's ibeta_inv throws here.
  CHECK_THAT(Distribution::beta(0.5, 2.0).quantile(1e-12),
             Catch::Matchers::WithinRel(tail_quantile(0.5, 2.0, 1e-12), 1e-9));
  CHECK_THAT(Distribution::beta(2.0, 5.0).quantile(1e-300),
             Catch::Matchers::WithinRel(tail_quantile(2.0, 5.0, 1e-300), 1e-9));
  CHECK_THAT(Distribution::beta(10.0, 10.0).quantile(1e-250),
             Catch::Matchers::WithinRel(tail_quantile(10.0, 10.0, 1e-250), 1e-9));

  // Across the whole range of u, from the smallest double up: no throw, inside [0, 1], never decreasing.
  const std::vector<std::pair<double, double>> shapes = {{0.5, 2.0},   {2.0, 5.0},   {10.0, 10.0},
                                                         {0.05, 20.0}, {20.0, 0.05}, {1000.0, 0.05}};
  for (const auto& [a, b] : shapes) {
    const Distribution beta = Distribution::beta(a, b);
    std::vector<double> points;
    for (int k = 1074; k >= 2; k -= 3) {
      points.push_back(std::ldexp(1.0, -k));
    }
    for (int k = 2; k <= 53; ++k) {
      points.push_back(1.0 - std::ldexp(1.0, -k));
    }
    double previous = 0.0;
    for (double u : points) {
      INFO(beta.text() << " at u = " << u);
      double x = -1.0;
      REQUIRE_NOTHROW(x = beta.quantile(u));
      CHECK(previous <= x);
      CHECK(x <= 1.0);
      previous = x;
    }
  }
}

TEST_CASE("distribution: truncated samples never leave their bounds", "[core][distribution]") {
  const std::vector<Case> cases = {
      {"below", Distribution::normal(0.1, 0.02, 0.09)},
      {"above", Distribution::normal(0.1, 0.02, -k_inf, 0.13)},
      {"both", Distribution::normal(0.1, 0.02, 0.07, 0.12)},
      {"far upper tail", Distribution::normal(0.0, 1.0, 10.0, 10.5)},
      {"far lower tail", Distribution::normal(0.0, 1.0, -k_inf, -10.0)},
      {"lognormal", Distribution::lognormal(0.0, 0.5, 0.8, 2.0)},
      {"lognormal far tail", Distribution::lognormal(0.0, 0.5, std::exp(5.0))},
  };
  for (const Case& c : cases) {
    INFO(c.name << ": " << c.distribution.text());
    for (double u : {1e-300, 1e-15, 1e-6, 0.5, 1.0 - 1e-6, 1.0 - 1e-15, 1.0 - 1e-16}) {
      INFO("u = " << u);
      const double x = c.distribution.quantile(u);
      CHECK(std::isfinite(x));
      CHECK(c.distribution.lower() <= x);
      CHECK(x <= c.distribution.upper());
    }
    CHECK(c.distribution.quantile(1e-15) <= c.distribution.quantile(1.0 - 1e-16));
  }
}

TEST_CASE("distribution: lower and upper bound what each kind can produce", "[core][distribution]") {
  CHECK(Distribution::uniform(2.0, 5.0).lower() == 2.0);
  CHECK(Distribution::uniform(2.0, 5.0).upper() == 5.0);
  CHECK(Distribution::normal(0.1, 0.02).lower() == -k_inf);
  CHECK(Distribution::normal(0.1, 0.02).upper() == k_inf);
  CHECK(Distribution::normal(0.1, 0.02, 0.0).lower() == 0.0);
  CHECK(Distribution::normal(0.1, 0.02, 0.0).upper() == k_inf);
  CHECK(Distribution::normal(0.1, 0.02, 0.05, 0.2).upper() == 0.2);
  CHECK(Distribution::lognormal(0.0, 0.5).lower() == 0.0);
  CHECK(Distribution::lognormal(0.0, 0.5).upper() == k_inf);
  CHECK(Distribution::lognormal(0.0, 0.5, 0.8, 2.0).lower() == 0.8);
  CHECK(Distribution::lognormal(0.0, 0.5, 0.8, 2.0).upper() == 2.0);
  CHECK(Distribution::triangular(0.0, 1.0, 4.0).lower() == 0.0);
  CHECK(Distribution::triangular(0.0, 1.0, 4.0).upper() == 4.0);
  CHECK(Distribution::beta(2.0, 5.0).lower() == 0.0);
  CHECK(Distribution::beta(2.0, 5.0).upper() == 1.0);
  CHECK(Distribution::beta(2.0, 5.0, 10.0, 20.0).lower() == 10.0);
  CHECK(Distribution::beta(2.0, 5.0, 10.0, 20.0).upper() == 20.0);
  // Values in any order: the bounds are the extremes, not the ends of the list.
  CHECK(Distribution::choice({3.0, 1.0, 2.0}, {0.2, 0.3, 0.5}).lower() == 1.0);
  CHECK(Distribution::choice({3.0, 1.0, 2.0}, {0.2, 0.3, 0.5}).upper() == 3.0);
}

TEST_CASE("distribution: median", "[core][distribution]") {
  using test::within_rounding;
  CHECK_THAT(Distribution::normal(3.0, 2.0).median(), within_rounding(3.0));
  CHECK_THAT(Distribution::lognormal(1.0, 0.5).median(), within_rounding(std::exp(1.0)));
  CHECK_THAT(Distribution::uniform(2.0, 5.0).median(), within_rounding(3.5));
  CHECK_THAT(Distribution::triangular(0.0, 1.0, 4.0).median(), within_rounding(4.0 - std::sqrt(6.0)));
  CHECK_THAT(Distribution::beta(3.0, 3.0, 10.0, 20.0).median(), within_rounding(15.0));
  CHECK(Distribution::choice({1.0, 2.0}, {0.25, 0.75}).median() == 2.0);
  CHECK(Distribution::choice({1.0, 2.0}, {0.5, 0.5}).median() == 1.0);
  CHECK(Distribution::choice({1.0, 2.0}, {0.25, 0.75}).kind() == DistributionKind::choice);
}

TEST_CASE("distribution: log densities by hand, over the window's mass when truncated", "[core][distribution]") {
  using test::within_rounding;
  const double log_root_two_pi = 0.5 * std::log(2.0 * std::numbers::pi);
  CHECK_THAT(Distribution::uniform(2.0, 5.0).log_density(3.0), within_rounding(-std::log(3.0)));
  CHECK_THAT(Distribution::normal(3.0, 2.0).log_density(4.0),
             within_rounding(-0.125 - std::log(2.0) - log_root_two_pi));
  // Half the standard normal's mass: the density doubles.
  CHECK_THAT(Distribution::normal(0.0, 1.0, 0.0, Distribution::k_infinity).log_density(1.0),
             within_rounding(std::log(2.0) - 0.5 - log_root_two_pi));
  // Far in the tail, where exp would underflow, the log still holds.
  CHECK_THAT(Distribution::normal(0.0, 1.0).log_density(60.0), within_rounding(-1800.0 - log_root_two_pi));
  CHECK_THAT(Distribution::lognormal(0.0, 1.0).log_density(std::exp(1.0)), within_rounding(-1.5 - log_root_two_pi));
  CHECK_THAT(Distribution::triangular(0.0, 1.0, 4.0).log_density(1.0), within_rounding(std::log(0.5)));
  CHECK_THAT(Distribution::beta(2.0, 2.0, 10.0, 20.0).log_density(15.0), within_rounding(std::log(0.15)));
  CHECK_THAT(Distribution::choice({1.0, 2.0}, {0.25, 0.75}).log_density(2.0), within_rounding(std::log(0.75)));
  const double minus_infinity = -Distribution::k_infinity;
  CHECK(Distribution::choice({1.0, 2.0}, {0.25, 0.75}).log_density(1.5) == minus_infinity);
  CHECK(Distribution::uniform(2.0, 5.0).log_density(5.5) == minus_infinity);
  CHECK(Distribution::normal(0.0, 1.0, -1.0, 1.0).log_density(-1.01) == minus_infinity);
  CHECK(Distribution::lognormal(0.0, 1.0).log_density(0.0) == minus_infinity);
}

TEST_CASE("distribution: text is the canonical declaration", "[core][distribution]") {
  CHECK(Distribution::uniform(2.0, 5.0).text() == "uniform(2, 5)");
  CHECK(Distribution::normal(0.1, 0.02).text() == "normal(0.1, 0.02)");
  CHECK(Distribution::normal(0.1, 0.02, 0.0).text() == "normal(0.1, 0.02, 0, inf)");
  CHECK(Distribution::normal(0.1, 0.02, -k_inf, 0.25).text() == "normal(0.1, 0.02, -inf, 0.25)");
  CHECK(Distribution::lognormal(0.0, 0.5).text() == "lognormal(0, 0.5)");
  CHECK(Distribution::lognormal(-1.5, 0.5, 0.1, 2.0).text() == "lognormal(-1.5, 0.5, 0.1, 2)");
  CHECK(Distribution::triangular(0.0, 1.0, 4.0).text() == "triangular(0, 1, 4)");
  CHECK(Distribution::beta(2.0, 5.0).text() == "beta(2, 5)");
  CHECK(Distribution::beta(2.0, 5.0, 10.0, 20.0).text() == "beta(2, 5, 10, 20)");
  CHECK(Distribution::choice({1.0, 2.0}, {0.25, 0.75}).text() == "choice(1:0.25, 2:0.75)");
  // Weights print as declared, not as differences of their running sums.
  CHECK(Distribution::choice({1.0, 2.0, 3.0}, {0.1, 0.2, 0.7}).text() == "choice(1:0.1, 2:0.2, 3:0.7)");

  SECTION("numbers print in the shortest form that reads back to the same double") {
    const double third = 1.0 / 3.0;
    const std::string text = Distribution::normal(third, 1e-7).text();
    CHECK(text == "normal(0.3333333333333333, 1e-07)");
    double mean = 0.0;
    double sd = 0.0;
    const char* first = text.data() + text.find('(') + 1;
    first = std::from_chars(first, text.data() + text.size(), mean).ptr + 2;
    std::from_chars(first, text.data() + text.size(), sd);
    CHECK(mean == third);
    CHECK(sd == 1e-7);
  }
}

}  // namespace gapsim
