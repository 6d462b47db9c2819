// Number, schedule and date parsing, and the output number format.
#include "io/value_parser.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <random>
#include <string>

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

TEST_CASE("edit_distance_up_to", "[io][values]") {
  // Given random short texts over a small alphabet (so that they share letters), the banded
  // distance should equal the full distance capped at the limit, for every limit.
  std::mt19937 random(301);
  std::uniform_int_distribution<int> length(0, 9);
  std::uniform_int_distribution<int> letter('a', 'c');
  const auto text = [&] {
    std::string out(static_cast<std::size_t>(length(random)), ' ');
    for (char& c : out) {
      c = static_cast<char>(letter(random));
    }
    return out;
  };
  for (int trial = 0; trial < 2000; ++trial) {
    const std::string a = text();
    const std::string b = text();
    const int full = edit_distance(a, b);
    for (int limit = 0; limit <= 11; ++limit) {
      INFO(a << " / " << b << " limit " << limit);
      REQUIRE(edit_distance_up_to(a, b, limit) == std::min(full, limit));
    }
  }
  CHECK(edit_distance_up_to("kitten", "sitting", 3) == 3);
  CHECK(edit_distance_up_to("kitten", "sitting", 4) == 3);
  CHECK(edit_distance_up_to("", "abc", 10) == 3);
}

}  // namespace gapsim
