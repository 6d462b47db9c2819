// Number, schedule and date parsing, and the output number format.
#include "io/value_parser.hpp"

#include <catch2/catch.hpp>
#include <limits>

#include "io/edit_distance.hpp"
#include "io/number_format.hpp"

namespace gapsim {

TEST_CASE("value_parser::parse_number", "[io][values]") {
  CHECK(parse_number(" 0.25 ") == 0.25);
  CHECK(parse_number("+3") == 3.0);
  CHECK(parse_number("1e3") == 1000.0);
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("1,000"));
  CHECK_FALSE(parse_number("nan"));
  CHECK_FALSE(parse_number("-inf"));
  CHECK_FALSE(parse_number("1e999"));
}

TEST_CASE("value_parser::parse_points", "[io][values]") {
  const auto points = parse_points("2014:1000, 2018:3000,2020:5000");
  REQUIRE(points);
  CHECK(points->size() == 3);
  CHECK((*points)[1] == std::pair<double, double>{2018.0, 3000.0});
  CHECK(parse_points("7")->front() == std::pair<double, double>{0.0, 7.0});
  CHECK_FALSE(parse_points("2014:1, 2014:2"));
  CHECK_FALSE(parse_points("2014:1,"));
  CHECK_FALSE(parse_points("2014-1"));
}

TEST_CASE("value_parser::parse_date", "[io][values]") {
  const auto date = parse_date("2021-07-23");
  REQUIRE(date);
  CHECK(date->year == 2021);
  CHECK(date->month == 7);
  CHECK(date->day == 23);
  CHECK_FALSE(parse_date("2021-7-23"));
  CHECK_FALSE(parse_date("2021-13-01"));
}

TEST_CASE("number_format: shortest text that reads back exactly", "[io][values]") {
  CHECK(format_number(265000.0) == "265000");
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(-0.0) == "0");
  const double third = 1.0 / 3.0;
  CHECK(parse_number(format_number(third)) == third);
  CHECK(format_optional(std::nullopt).empty());
}

TEST_CASE("edit_distance", "[io][values]") {
  CHECK(edit_distance("qualifed", "qualified") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

}  // namespace gapsim
