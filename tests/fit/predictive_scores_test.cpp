// CRPS in closed form and by the mixture identity against direct numerical integration of
// its definition, and the interval score by hand.
#include "fit/predictive_scores.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

namespace gapsim {
namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

// CRPS(F, y) = int (F(x) - [x >= y])^2 dx, integrated on each side of y.
template <class Cdf>
double crps_by_integration(const Cdf& cdf, double y) {
  using Quadrature = boost::math::quadrature::gauss_kronrod<double, 61>;
  const double below = Quadrature::integrate([&](double x) { return cdf(x) * cdf(x); }, -k_infinity, y, 12, 1e-10);
  const double above =
      Quadrature::integrate([&](double x) { return (1.0 - cdf(x)) * (1.0 - cdf(x)); }, y, k_infinity, 12, 1e-10);
  return below + above;
}

TEST_CASE("predictive_scores: Student t CRPS in closed form equals the integral of its definition", "[core][trend]") {
  for (double df : {2.5, 3.0, 9.0, 40.0}) {
    const boost::math::students_t t(df);
    for (double z : {-3.0, -0.4, 0.0, 1.1, 4.0}) {
      INFO("df " << df << ", z " << z);
      const double integrated = crps_by_integration([&](double x) { return boost::math::cdf(t, x); }, z);
      CHECK_THAT(student_t_crps(z, df), Catch::Matchers::WithinRel(integrated, 1e-8));
    }
  }
  // The normal limit: CRPS(N(0,1), 0) = 2 phi(0) - 1/sqrt(pi) = 0.2336949...
  CHECK_THAT(student_t_crps(0.0, 1e7), Catch::Matchers::WithinRel(0.23369497725510913, 1e-6));
  CHECK_THAT(student_t_crps(0.0, 40.0), Catch::Matchers::WithinRel(0.23369497725510913, 0.02));
  CHECK(student_t_crps(0.0, 1.0) == k_infinity);
}

TEST_CASE("predictive_scores: mixture CRPS equals the integral of its definition", "[core][trend]") {
  const std::vector<LogPrediction> components = {{1.0, 0.3, 9.0}, {1.4, 0.5, 8.0}, {0.7, 0.2, 3.0}};
  const std::vector<double> weights = {0.5, 0.3, 0.2};
  const auto cdf = [&](double x) {
    double sum = 0.0;
    for (std::size_t i = 0; i < components.size(); ++i) {
      const LogPrediction& c = components[i];
      sum += weights[i] * boost::math::cdf(boost::math::students_t(c.df), (x - c.centre) / c.scale);
    }
    return sum;
  };
  for (double y : {-1.0, 0.8, 1.2, 3.5}) {
    INFO("y " << y);
    CHECK_THAT(mixture_log_crps(components, weights, y), Catch::Matchers::WithinRel(crps_by_integration(cdf, y), 1e-7));
  }
  // One component: the closed form scaled.
  const std::vector<LogPrediction> one = {{2.0, 0.5, 6.0}};
  CHECK_THAT(mixture_log_crps(one, std::vector<double>{1.0}, 2.3),
             Catch::Matchers::WithinRel(0.5 * student_t_crps(0.6, 6.0), 1e-12));
}

TEST_CASE("predictive_scores: interval score is the width plus 2/alpha per unit outside", "[core][trend]") {
  CHECK(interval_score(0.0, 1.0, 0.5, 0.8) == 1.0);
  CHECK_THAT(interval_score(0.0, 1.0, 1.5, 0.8), Catch::Matchers::WithinRel(1.0 + 10.0 * 0.5, 1e-12));
  CHECK_THAT(interval_score(0.0, 1.0, -0.25, 0.5), Catch::Matchers::WithinRel(1.0 + 4.0 * 0.25, 1e-12));
}

}  // namespace
}  // namespace gapsim
