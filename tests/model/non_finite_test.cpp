// Locating the first non-finite cell of a run: earliest row, then earliest variable in the
// model's chain; the text names the variable, the year (and month) and the keys behind it.
#include "model/non_finite.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

namespace gapsim {
namespace {

Results finite_results(int rows, double start, double step) {
  Results results;
  results.table = ResultTable::Constant(rows, k_column_count, 1.0);
  for (int row = 0; row < rows; ++row) {
    results.at(row, Column::time) = start + row * step;
  }
  return results;
}

TEST_CASE("non-finite: none in a finite run", "[model][non_finite]") {
  CHECK_FALSE(first_non_finite(finite_results(3, 2013, 1)).has_value());
}

TEST_CASE("non-finite: the earliest row, then the variable earliest in the chain", "[model][non_finite]") {
  const double inf = std::numeric_limits<double>::infinity();
  Results results = finite_results(4, 2013, 1);
  results.at(3, Column::attack_volume) = inf;
  results.at(2, Column::cost) = std::nan("");
  results.at(2, Column::workforce) = -inf;
  const auto cell = first_non_finite(results);
  REQUIRE(cell.has_value());
  CHECK(cell->row == 2);
  CHECK(cell->column == Column::workforce);
  CHECK(non_finite_text(*cell) ==
        "workforce is not finite in 2015 (it is computed from workforce.*, hiring.*, attrition.*, retirement.*, "
        "upskilling.*, programme.*)");
}

TEST_CASE("non-finite: a monthly row names its month; a non-finite peak counts as the shortage",
          "[model][non_finite]") {
  Results monthly = finite_results(14, 2021, 1.0 / 12);
  monthly.at(8, Column::attack_volume) = std::numeric_limits<double>::infinity();
  CHECK(non_finite_text(*first_non_finite(monthly)) ==
        "attack_volume is not finite in 2021-09 (it is computed from attack.*, event.*.attack_multiplier)");

  Results peak = finite_results(2, 2013, 1);
  peak.peak_shortage = std::numeric_limits<double>::infinity();
  REQUIRE(first_non_finite(peak).has_value());
  CHECK(first_non_finite(peak)->column == Column::shortage);
}

TEST_CASE("non-finite: the state after the final step counts as one more row", "[model][non_finite]") {
  Results results = finite_results(2, 2013, 1);
  results.end = ResultTable::Constant(1, k_column_count, 1.0);
  results.end(0, static_cast<int>(Column::time)) = 2015.0;
  CHECK_FALSE(first_non_finite(results).has_value());
  results.end(0, static_cast<int>(Column::domestic_demand)) = std::numeric_limits<double>::infinity();
  const auto cell = first_non_finite(results);
  REQUIRE(cell.has_value());
  CHECK(cell->row == 2);
  CHECK(non_finite_text(*cell).starts_with("domestic_demand is not finite in 2015 "));
}

TEST_CASE("non-finite: every variable names the keys it is computed from", "[model][non_finite]") {
  for (int c = 1; c < k_column_count; ++c) {
    INFO(column_name(static_cast<Column>(c)));
    CHECK_FALSE(keys_driving(static_cast<Column>(c)).empty());
  }
}

}  // namespace
}  // namespace gapsim
