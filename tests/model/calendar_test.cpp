// Dates as decimal years and step overlap.
#include "model/calendar.hpp"

#include <catch2/catch.hpp>

namespace gapsim {

TEST_CASE("calendar::decimal_year", "[core][calendar]") {
  CHECK(decimal_year({2021, 1, 1}) == 2021.0);
  CHECK(decimal_year({2021, 7, 23}) == 2021.0 + 203.0 / 365.0);
  CHECK(decimal_year({2020, 3, 1}) == 2020.0 + 60.0 / 366.0);  // leap year
  CHECK(decimal_year_end({2021, 12, 31}) == 2022.0);
  CHECK_FALSE(is_valid_date({2021, 2, 29}));
  CHECK(is_valid_date({2024, 2, 29}));
}

TEST_CASE("calendar::overlap_fraction", "[core][calendar]") {
  CHECK(overlap_fraction(2021.0, 0.5, 2021.25, 2021.5) == 0.5);
  CHECK(overlap_fraction(2021.0, 0.5, 2020.0, 2022.0) == 1.0);
  CHECK(overlap_fraction(2021.0, 0.5, 2021.5, 2022.0) == 0.0);
}

}  // namespace gapsim
