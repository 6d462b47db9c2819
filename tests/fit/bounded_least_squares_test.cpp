// Bounded least squares: an interior optimum to high precision, bounds never crossed.
#include "fit/bounded_least_squares.hpp"

#include <catch2/catch.hpp>

namespace gapsim {
namespace {

// Rosenbrock as residuals: (10 (y - x^2), 1 - x), minimum 0 at (1, 1).
void rosenbrock(const Eigen::VectorXd& p, Eigen::VectorXd& r) {
  r[0] = 10.0 * (p[1] - p[0] * p[0]);
  r[1] = 1.0 - p[0];
}

TEST_CASE("bounded_least_squares: finds an interior optimum", "[core][calibration]") {
  const auto result = minimize_bounded(rosenbrock, 2, Eigen::Vector2d(-1.2, 1.0), {{-2.0, 2.0}, {-5.0, 5.0}});
  CHECK(result.converged);
  CHECK_THAT(result.x[0], Catch::Matchers::WithinRel(1.0, 1e-8));
  CHECK_THAT(result.x[1], Catch::Matchers::WithinRel(1.0, 1e-8));
  CHECK(result.cost < 1e-16);
  CHECK(result.evaluations > 0);
}

TEST_CASE("bounded_least_squares: stays inside one- and two-sided bounds", "[core][calibration]") {
  // Unconstrained optimum (1, 1); x is held below 0.5 and y above 2.
  const auto result = minimize_bounded(
      rosenbrock, 2, Eigen::Vector2d(0.0, 3.0),
      {{-std::numeric_limits<double>::infinity(), 0.5}, {2.0, std::numeric_limits<double>::infinity()}});
  CHECK(result.x[0] < 0.5);
  CHECK(result.x[1] > 2.0);
  CHECK_THAT(result.x[0], Catch::Matchers::WithinAbs(0.5, 1e-3));
  CHECK_THAT(result.x[1], Catch::Matchers::WithinAbs(2.0, 1e-3));
}

}  // namespace
}  // namespace gapsim
