// Sweep grids: axis values and their rounding, point order, size limits, and that a grid point
// gives what a direct run of the scenario with those values gives.
#include "study/sweep.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include "io/number_format.hpp"
#include "io/scenario_builder.hpp"
#include "study/scenario_variants.hpp"
#include "support/approx.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

const std::string k_baseline = GAPSIM_SOURCE_DIR "/scenarios/baseline.ini";

std::vector<double> axis_values(const std::string& text) { return parse_sweep_axis(text).value().values; }

std::string axis_error(const std::string& text) {
  const auto axis = parse_sweep_axis(text);
  return axis ? std::string() : axis.error();
}

TEST_CASE("sweep: axis values from FROM:TO:STEP, rounded to 12 digits", "[study][sweep]") {
  // Given FROM:TO:STEP, should list FROM, FROM + STEP, ... up to TO, printing clean.
  CHECK(axis_values("hiring.delay=2:4:0.5") == std::vector<double>{2, 2.5, 3, 3.5, 4});
  // 0.1 * 3 is 0.30000000000000004 in floating point; the axis holds the double nearest 0.3.
  CHECK(axis_values("upskilling.rate=0:0.3:0.1") == std::vector<double>{0, 0.1, 0.2, 0.3});
  CHECK(axis_values("x=1:1:5") == std::vector<double>{1});
  CHECK(axis_values("x=0:0.95:0.1").size() == 10);  // TO not on the grid: the last value below it
  const SweepAxis at = parse_sweep_axis("upskilling.rate@2025=0.01:0.02:0.01").value();
  CHECK(at.key.key == "upskilling.rate");
  CHECK(at.key.at == 2025.0);
  CHECK(at.key.label == "upskilling.rate@2025");
}

TEST_CASE("sweep: to_chars/from_chars rounding gives the doubles snprintf %.12g and strtod gave", "[study][sweep]") {
  // Given values of every magnitude, should give bit-identical results to the C formatting.
  std::mt19937_64 random(301);
  std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
  std::uniform_int_distribution<int> exponent(-300, 300);
  for (int i = 0; i < 100'000; ++i) {
    const double value = i < 50'000 ? std::ldexp(mantissa(random), exponent(random))
                                    : 0.01 * static_cast<double>(i % 997) + 0.1 * static_cast<double>(i % 13);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.12g", value);
    const double c_rounded = std::strtod(buffer, nullptr);
    const double rounded = round_to_12_digits(value);
    REQUIRE(std::memcmp(&rounded, &c_rounded, sizeof rounded) == 0);
  }
}

TEST_CASE("sweep: axes it refuses, with the reason", "[study][sweep]") {
  CHECK(axis_error("hiring.delay") == "expected KEY=FROM:TO:STEP");
  CHECK(axis_error("hiring.delay=1:2") == "expected KEY=FROM:TO:STEP");
  CHECK(axis_error("hiring.delay@x=1:2:1") == "the part after '@' must be a year");
  CHECK(axis_error("hiring.delay=1:two:1") == "FROM, TO and STEP must be numbers");
  CHECK(axis_error("hiring.delay=2:1:0.5") == "needs STEP > 0 and FROM <= TO");
  CHECK(axis_error("hiring.delay=1:2:0") == "needs STEP > 0 and FROM <= TO");
  CHECK(axis_error("hiring.delay=0:1000000:1") == "more than a million values");  // 1,000,001
  CHECK(axis_values("hiring.delay=1:1000000:1").size() == 1'000'000);
}

struct Baseline {
  RawScenario raw = load_scenario(k_baseline, read_disk_file);
  ScenarioVariants variants{raw, read_disk_file};
};

std::string grid_error(const Baseline& baseline, const std::vector<std::string>& texts) {
  std::vector<SweepAxis> axes;
  for (const std::string& text : texts) {
    axes.push_back(parse_sweep_axis(text).value());
  }
  const auto grid = SweepGrid::make(std::move(axes), baseline.raw, baseline.variants.base());
  return grid ? std::string() : grid.error();
}

TEST_CASE("sweep: grids it refuses: keys that cannot vary, values out of range, too many points", "[study][sweep]") {
  const Baseline baseline;
  CHECK(grid_error(baseline, {"hiring.delay=1:2:1", "hiring.delay=3:4:1"}) == "hiring.delay: swept twice");
  CHECK(grid_error(baseline, {"attrition.qualified=0.5:1.5:0.5"}) ==
        "attrition.qualified: 1.5 is out of range (must be between 0 and 1)");
  CHECK(grid_error(baseline, {"hiring.dealy=1:2:1"}).starts_with("hiring.dealy: "));
  // 1000 x 1000 x 2 points: past the maximum, refused when the third axis is counted.
  CHECK(grid_error(baseline,
                   {"hiring.delay=1:1000:1", "attrition.qualified=0:0.999:0.001", "upskilling.rate=0.01:0.02:0.01"}) ==
        "1000 x 1000 x 2 values: more grid points than the maximum of 1000000");
  // Four axes of a million values are 10^24 points, past what std::int64_t holds: still
  // refused with the sizes, not wrapped around to a small or negative count.
  CHECK(grid_error(baseline, {"hiring.delay=1:1000000:1", "attrition.qualified=0:0.999999:0.000001",
                              "upskilling.rate=0:0.999999:0.000001", "demand.attack_elasticity=0:9.99999:0.00001"}) ==
        "1000000 x 1000000 x 1000000 x 1000000 values: more grid points than the maximum of 1000000");
  CHECK(grid_error(baseline, {"hiring.delay=1:1000:1", "attrition.qualified=0:0.999:0.001"}).empty());
}

TEST_CASE("sweep: points in order with the last axis fastest, and a point is what a direct run gives",
          "[study][sweep]") {
  // Given a 3 x 3 grid on the baseline run on 2 threads, point 4 should be (2.5, 0.03) and
  // its table what the baseline with those two values gives.
  Baseline baseline;
  auto grid = SweepGrid::make(
      {parse_sweep_axis("hiring.delay=2:3:0.5").value(), parse_sweep_axis("upskilling.rate=0.02:0.04:0.01").value()},
      baseline.raw, baseline.variants.base());
  REQUIRE(grid);
  REQUIRE(grid->points() == 9);
  std::vector<std::vector<double>> points;
  for (std::int64_t i = 0; i < grid->points(); ++i) {
    std::vector<double> values(2);
    grid->values(i, values);
    points.push_back(values);
  }
  CHECK(points ==
        std::vector<std::vector<double>>{
            {2, 0.02}, {2, 0.03}, {2, 0.04}, {2.5, 0.02}, {2.5, 0.03}, {2.5, 0.04}, {3, 0.02}, {3, 0.03}, {3, 0.04}});

  baseline.variants.vary(grid->keys());
  std::int64_t reported = 0;
  const SweepResult result = run_sweep(baseline.variants, *grid, {{Column::shortage, Column::workforce}, 2},
                                       [&](std::int64_t done) { reported = done; });
  CHECK(reported == 9);
  RawScenario raw = baseline.raw;
  raw.settings["hiring.delay"].value = std::string("2.5");
  raw.settings["upskilling.rate"].value = std::string("0.03");
  const Results direct = test::run_config(build_scenario(raw, read_disk_file).config);
  const int rows = direct.rows();
  REQUIRE(result.report_times.size() == static_cast<std::size_t>(rows));
  REQUIRE(result.table.size() == static_cast<std::size_t>(9 * rows * 2));
  for (int r = 0; r < rows; ++r) {
    const double* cell = result.table.data() + (4 * rows + r) * 2;
    CHECK_THAT(cell[0], test::within_rounding(direct.at(r, Column::shortage)));
    CHECK_THAT(cell[1], test::within_rounding(direct.at(r, Column::workforce)));
  }

  const std::string csv = sweep_csv(*grid, result);
  CHECK(csv.starts_with("hiring.delay,upskilling.rate,year,variable,value\n2,0.02,2013,shortage,"));
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 9 * rows * 2);
}

}  // namespace
}  // namespace gapsim
