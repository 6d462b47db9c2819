// Unit-cube designs: Latin hypercube strata, Sobol points against the published direction
// numbers, and reproducibility of every run's point.
#include "stats/sampling.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <vector>

namespace gapsim {
namespace {

// Joe and Kuo's new-joe-kuo-6.21201 table, dimensions 2 to 6 (d, s, a, m_1..m_s); dimension 1
// has every m_k = 1. From https://web.maths.unsw.edu.au/~fkuo/sobol/.
struct DirectionRow {
  int s;
  unsigned a;
  std::vector<std::uint32_t> m;
};
const std::array<DirectionRow, 5> k_joe_kuo = {{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
}};

// Direction numbers v_1..v_32 (32-bit) of a dimension, by Joe and Kuo's recurrence.
std::array<std::uint32_t, 33> direction_numbers(const DirectionRow* row) {
  std::array<std::uint32_t, 33> m{};
  for (int k = 1; k <= 32; ++k) {
    if (row == nullptr) {
      m[k] = 1;
    } else if (k <= row->s) {
      m[k] = row->m[k - 1];
    } else {
      const int s = row->s;
      std::uint32_t value = m[k - s] ^ (m[k - s] << s);
      for (int i = 1; i < s; ++i) {
        const unsigned bit = (row->a >> (s - 1 - i)) & 1u;
        value ^= (bit * m[k - i]) << i;
      }
      m[k] = value;
    }
  }
  std::array<std::uint32_t, 33> v{};
  for (int k = 1; k <= 32; ++k) {
    v[k] = m[k] << (32 - k);
  }
  return v;
}

// Points 1..count of the sequence in Gray-code order, as Joe and Kuo's reference program
// generates them (point 0 is the origin).
std::vector<std::vector<double>> published_points(int dims, int count) {
  std::vector<std::array<std::uint32_t, 33>> v;
  for (int j = 0; j < dims; ++j) {
    v.push_back(direction_numbers(j == 0 ? nullptr : &k_joe_kuo[static_cast<std::size_t>(j - 1)]));
  }
  std::vector<std::uint32_t> x(static_cast<std::size_t>(dims), 0);
  std::vector<std::vector<double>> points;
  for (std::uint32_t n = 1; n <= static_cast<std::uint32_t>(count); ++n) {
    int c = 1;  // rightmost zero bit of n - 1, 1-based
    for (std::uint32_t value = n - 1; value & 1u; value >>= 1) {
      ++c;
    }
    std::vector<double> point;
    for (int j = 0; j < dims; ++j) {
      x[static_cast<std::size_t>(j)] ^= v[static_cast<std::size_t>(j)][c];
      point.push_back(x[static_cast<std::size_t>(j)] / 4294967296.0);
    }
    points.push_back(point);
  }
  return points;
}

TEST_CASE("the first Sobol points match the published direction-number tables") {
  const int dims = 6;
  const int count = 64;
  const auto expected = published_points(dims, count);
  // The first few written out, as printed in Joe and Kuo's notes.
  CHECK(expected[0] == std::vector<double>{0.5, 0.5, 0.5, 0.5, 0.5, 0.5});
  CHECK(expected[1] == std::vector<double>{0.75, 0.25, 0.25, 0.25, 0.75, 0.75});
  CHECK(expected[2] == std::vector<double>{0.25, 0.75, 0.75, 0.75, 0.25, 0.25});
  CHECK(expected[3] == std::vector<double>{0.375, 0.375, 0.625, 0.875, 0.375, 0.125});

  const UnitDesign design(SamplerKind::sobol, dims, count, 1);
  std::vector<double> u(dims);
  for (int run = 0; run < count; ++run) {
    design.point(run, u);
    for (int j = 0; j < dims; ++j) {
      // The design maps a 64-bit point x to (x >> 11 + 0.5) 2^-53: half a unit of 2^-53 off.
      CHECK(u[static_cast<std::size_t>(j)] ==
            Approx(expected[static_cast<std::size_t>(run)][static_cast<std::size_t>(j)]).margin(1e-15));
    }
  }
}

TEST_CASE("a Latin hypercube puts exactly one point in each stratum of every dimension") {
  for (const std::int64_t runs : {1, 7, 100, 1000}) {
    const int dims = 5;
    const UnitDesign design(SamplerKind::lhs, dims, runs, 42);
    std::vector<std::set<std::int64_t>> strata(dims);
    std::vector<double> u(dims);
    for (std::int64_t run = 0; run < runs; ++run) {
      design.point(run, u);
      for (int j = 0; j < dims; ++j) {
        REQUIRE(u[j] > 0.0);
        REQUIRE(u[j] < 1.0);
        strata[j].insert(static_cast<std::int64_t>(u[j] * static_cast<double>(runs)));
      }
    }
    for (int j = 0; j < dims; ++j) {
      CHECK(static_cast<std::int64_t>(strata[j].size()) == runs);
      CHECK(*strata[j].begin() == 0);
      CHECK(*strata[j].rbegin() == runs - 1);
    }
  }
}

TEST_CASE("every run's point depends on the seed and the run index only") {
  for (const SamplerKind kind : {SamplerKind::random, SamplerKind::lhs, SamplerKind::sobol}) {
    const UnitDesign design(kind, 3, 500, 7);
    const UnitDesign same(kind, 3, 500, 7);
    std::vector<double> a(3);
    std::vector<double> b(3);
    // Backwards through a second design: the order of calls does not matter.
    for (std::int64_t run = 499; run >= 0; --run) {
      design.point(run, a);
      same.point(run, b);
      REQUIRE(a == b);
    }
    if (kind != SamplerKind::sobol) {
      const UnitDesign other(kind, 3, 500, 8);
      design.point(3, a);
      other.point(3, b);
      CHECK(a != b);
    }
  }
  CHECK(run_seed(1, 0) != run_seed(1, 1));
  CHECK(run_seed(1, 0) != run_seed(2, 0));
  CHECK(run_seed(20261122, 5) == run_seed(20261122, 5));
}

TEST_CASE("random points have the moments of the uniform distribution") {
  const std::int64_t runs = 100000;
  const UnitDesign design(SamplerKind::random, 2, runs, 3);
  std::vector<double> u(2);
  double sum = 0.0;
  double sum_squares = 0.0;
  double product = 0.0;
  for (std::int64_t run = 0; run < runs; ++run) {
    design.point(run, u);
    sum += u[0];
    sum_squares += u[0] * u[0];
    product += (u[0] - 0.5) * (u[1] - 0.5);
  }
  const double n = static_cast<double>(runs);
  CHECK(sum / n == Approx(0.5).margin(4 * std::sqrt(1.0 / 12 / n)));
  CHECK(sum_squares / n - (sum / n) * (sum / n) == Approx(1.0 / 12).margin(0.002));
  CHECK(product / n == Approx(0.0).margin(4.0 / 12 / std::sqrt(n)));
}

TEST_CASE("sampler names") {
  CHECK(parse_sampler("lhs") == SamplerKind::lhs);
  CHECK(!parse_sampler("halton"));
  CHECK(sampler_name(SamplerKind::sobol) == "sobol");
}

}  // namespace
}  // namespace gapsim
