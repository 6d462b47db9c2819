// Sobol indices: the Ishigami benchmark against its analytic indices, a linear function whose
// indices are its squared coefficients' shares, the estimators by hand on two rows, and the
// bootstrap's determinism and degenerate cases.
#include "stats/sobol_indices.hpp"

#include <boost/math/constants/constants.hpp>
#include <boost/random/sobol.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <iostream>
#include <memory>
#include <span>
#include <tuple>
#include <vector>

#include "support/approx.hpp"

namespace gapsim {
namespace {

constexpr double k_pi = boost::math::constants::pi<double>();

// A point of a scrambling-free Sobol sequence in `dimension` dimensions, one call per point.
// Boost already skips the all-zero first point; the top 53 bits of each 64-bit coordinate
// plus half a step land strictly inside (0, 1), so no input sits on the cube's boundary.
std::function<void(std::int64_t, std::span<double>)> sobol_points(int dimension) {
  auto engine = std::make_shared<boost::random::sobol>(static_cast<std::size_t>(dimension));
  return [engine](std::int64_t, std::span<double> out) {
    for (double& coordinate : out) {
      const std::uint64_t u = (*engine)();
      coordinate = (static_cast<double>(u >> 11) + 0.5) * 0x1p-53;
    }
  };
}

// The indices of `f` (on unit-cube inputs) from a Saltelli design of N Sobol points.
SobolIndices indices_of(const std::function<double(std::span<const double>)>& f, int n, int d, int resamples,
                        std::uint64_t seed) {
  const auto design = saltelli_design(n, d, sobol_points(2 * d));
  const auto rows = static_cast<std::size_t>(n);
  std::vector<double> f_a(rows);
  std::vector<double> f_b(rows);
  std::vector<std::vector<double>> f_ab(static_cast<std::size_t>(d), std::vector<double>(rows));
  for (std::size_t j = 0; j < rows; ++j) {
    f_a[j] = f(design[j]);
    f_b[j] = f(design[rows + j]);
    for (std::size_t i = 0; i < f_ab.size(); ++i) {
      f_ab[i][j] = f(design[(2 + i) * rows + j]);
    }
  }
  return sobol_indices(f_a, f_b, f_ab, resamples, seed, 0.95);
}

// Ishigami (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1 on x_i ~ U(-pi, pi).
constexpr double k_a = 7.0;
constexpr double k_b = 0.1;

double ishigami(std::span<const double> unit) {
  const double x1 = -k_pi + 2.0 * k_pi * unit[0];
  const double x2 = -k_pi + 2.0 * k_pi * unit[1];
  const double x3 = -k_pi + 2.0 * k_pi * unit[2];
  const double s2 = std::sin(x2);
  return std::sin(x1) + k_a * s2 * s2 + k_b * std::pow(x3, 4) * std::sin(x1);
}

TEST_CASE("sobol_indices: the Ishigami function's analytic indices", "[core][sensitivity]") {
  // The analytic variance decomposition (Sobol & Levitan 1999).
  const double pi4 = std::pow(k_pi, 4);
  const double pi8 = std::pow(k_pi, 8);
  const double variance = k_a * k_a / 8.0 + k_b * pi4 / 5.0 + k_b * k_b * pi8 / 18.0 + 0.5;
  const double v1 = 0.5 * std::pow(1.0 + k_b * pi4 / 5.0, 2);
  const double v2 = k_a * k_a / 8.0;
  const double v13 = k_b * k_b * pi8 * (1.0 / 18.0 - 1.0 / 50.0);
  const std::vector<double> first = {v1 / variance, v2 / variance, 0.0};
  const std::vector<double> total = {(v1 + v13) / variance, v2 / variance, v13 / variance};
  // The published decimals, as a check on the formulas above.
  CHECK(first[0] == Approx(0.3139).margin(1e-4));
  CHECK(first[1] == Approx(0.4424).margin(1e-4));
  CHECK(total[0] == Approx(0.5576).margin(1e-4));
  CHECK(total[2] == Approx(0.2437).margin(1e-4));

  const SobolIndices result = indices_of(ishigami, 8192, 3, 500, 20261122);
  CHECK(result.variance == Approx(variance).epsilon(0.01));
  for (std::size_t i = 0; i < 3; ++i) {
    const IndexEstimate& s = result.first_order[i];
    const IndexEstimate& st = result.total[i];
    std::cout << "Ishigami x" << i + 1 << ": S = " << s.value << " [" << s.lo << ", " << s.hi << "] (analytic "
              << first[i] << "), ST = " << st.value << " [" << st.lo << ", " << st.hi << "] (analytic " << total[i]
              << ")\n";
    CHECK(s.lo <= first[i]);
    CHECK(first[i] <= s.hi);
    CHECK(s.value == Approx(first[i]).margin(0.02));
    CHECK(st.lo <= total[i]);
    CHECK(total[i] <= st.hi);
    CHECK(st.value == Approx(total[i]).margin(0.02));
    // The percentile interval brackets the estimate it was resampled around.
    CHECK(s.lo <= s.value);
    CHECK(s.value <= s.hi);
    CHECK(st.lo <= st.value);
    CHECK(st.value <= st.hi);
  }
}

TEST_CASE("sobol_indices: a linear function's indices are its squared coefficients' shares", "[core][sensitivity]") {
  // f = 2 x1 + x2, x uniform: additive, so S_i = ST_i = c_i^2 / sum c^2 = 4/5 and 1/5.
  const auto linear = [](std::span<const double> x) { return 2.0 * x[0] + x[1]; };
  const SobolIndices result = indices_of(linear, 4096, 2, 200, 7);
  CHECK(result.variance == Approx(5.0 / 12.0).epsilon(0.01));
  const std::vector<double> expected = {4.0 / 5.0, 1.0 / 5.0};
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(result.first_order[i].value == Approx(expected[i]).margin(0.01));
    CHECK(result.total[i].value == Approx(expected[i]).margin(0.01));
  }
}

TEST_CASE("sobol_indices: the estimators by hand on two rows", "[core][sensitivity]") {
  // V over {0, 2, 1, 3}: mean 1.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / 4.
  // S = ((1 - 1.5) (1 - 0) + (3 - 1.5) (3 - 2)) / 2 / V = 0.5 / 1.25 (f_b centred on the mean);
  // ST = (1 + 1) / 2 / 2 / V = 0.5 / 1.25.
  const std::vector<double> f_a = {0.0, 2.0};
  const std::vector<double> f_b = {1.0, 3.0};
  const std::vector<std::vector<double>> f_ab = {{1.0, 3.0}};
  const SobolIndices result = sobol_indices(f_a, f_b, f_ab, 10, 1, 0.9);
  CHECK_THAT(result.variance, test::within_rounding(1.25));
  CHECK_THAT(result.first_order[0].value, test::within_rounding(0.4));
  CHECK_THAT(result.total[0].value, test::within_rounding(0.4));
}

TEST_CASE("sobol_indices: the same seed gives the same intervals", "[core][sensitivity]") {
  const auto first = indices_of(ishigami, 1024, 3, 100, 42);
  const auto again = indices_of(ishigami, 1024, 3, 100, 42);
  const auto other = indices_of(ishigami, 1024, 3, 100, 43);
  CHECK(first.variance == again.variance);
  bool any_other_differs = false;
  for (std::size_t i = 0; i < 3; ++i) {
    for (const auto& [a, b, c] : {std::tuple{first.first_order[i], again.first_order[i], other.first_order[i]},
                                  std::tuple{first.total[i], again.total[i], other.total[i]}}) {
      CHECK(a.value == b.value);
      CHECK(a.lo == b.lo);
      CHECK(a.hi == b.hi);
      CHECK(a.lo <= a.value);
      CHECK(a.value <= a.hi);
      // Another seed resamples other rows but leaves the point estimate alone.
      CHECK(a.value == c.value);
      any_other_differs = any_other_differs || a.lo != c.lo || a.hi != c.hi;
    }
  }
  CHECK(any_other_differs);
}

TEST_CASE("sobol_indices: a constant function has no variance to apportion", "[core][sensitivity]") {
  const SobolIndices result = indices_of([](std::span<const double>) { return 3.0; }, 64, 4, 50, 1);
  CHECK(result.variance == 0.0);
  REQUIRE(result.first_order.size() == 4);
  REQUIRE(result.total.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    for (const IndexEstimate& estimate : {result.first_order[i], result.total[i]}) {
      CHECK(estimate.value == 0.0);
      CHECK(estimate.lo == 0.0);
      CHECK(estimate.hi == 0.0);
    }
  }
}

TEST_CASE("saltelli_design: A, B, then A with one column from B", "[core][sensitivity]") {
  // Point j has coordinates 10 j + k, k < 2d, so every cell says where it came from.
  const int n = 3;
  const int d = 2;
  const auto design = saltelli_design(n, d, [](std::int64_t j, std::span<double> out) {
    for (std::size_t k = 0; k < out.size(); ++k) {
      out[k] = 10.0 * static_cast<double>(j) + static_cast<double>(k);
    }
  });
  REQUIRE(design.size() == static_cast<std::size_t>(n * (d + 2)));
  for (int j = 0; j < n; ++j) {
    const double base = 10.0 * j;
    CHECK(design[j] == std::vector<double>{base + 0, base + 1});          // A
    CHECK(design[n + j] == std::vector<double>{base + 2, base + 3});      // B
    CHECK(design[2 * n + j] == std::vector<double>{base + 2, base + 1});  // AB_0
    CHECK(design[3 * n + j] == std::vector<double>{base + 0, base + 3});  // AB_1
  }
}

TEST_CASE("saltelli_design: a group of coordinates moves from B as one input", "[core][sensitivity]") {
  // Groups of 1 and 2 coordinates: AB_1 takes both coordinates of the second group from B.
  const int n = 2;
  const auto design = saltelli_design(n, std::vector<int>{1, 2}, [](std::int64_t j, std::span<double> out) {
    for (std::size_t k = 0; k < out.size(); ++k) {
      out[k] = 10.0 * static_cast<double>(j) + static_cast<double>(k);
    }
  });
  REQUIRE(design.size() == static_cast<std::size_t>(n * (2 + 2)));
  for (int j = 0; j < n; ++j) {
    const double base = 10.0 * j;
    CHECK(design[j] == std::vector<double>{base + 0, base + 1, base + 2});          // A
    CHECK(design[n + j] == std::vector<double>{base + 3, base + 4, base + 5});      // B
    CHECK(design[2 * n + j] == std::vector<double>{base + 3, base + 1, base + 2});  // AB_0
    CHECK(design[3 * n + j] == std::vector<double>{base + 0, base + 4, base + 5});  // AB_1
  }
}

}  // namespace
}  // namespace gapsim
