// The yearly series reader and its error messages.
#include "io/series_csv.hpp"

#include <catch2/catch.hpp>

#include "io/input_error.hpp"

namespace gapsim {
namespace {

std::string series_error(const std::string& text, const std::string& column = "packets") {
  try {
    read_yearly_series(text, "data.csv", column);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("series_csv: reads year and the chosen column", "[io][csv]") {
  const auto series =
      read_yearly_series("year,packets,source\n2005,0.31,\"NICT, 2019\"\n2006,0.81,x\n", "data.csv", "packets");
  REQUIRE(series.size() == 2);
  CHECK(series[0] == std::pair<double, double>{2005.0, 0.31});
  CHECK(series[1] == std::pair<double, double>{2006.0, 0.81});
}

TEST_CASE("series_csv: errors name file, line and column", "[io][csv]") {
  CHECK(series_error("year,other\n2005,1\n") == "data.csv:1: packets: missing column in header");
  CHECK(series_error("year,packets\n2005,1\n2006,abc\n") == "data.csv:3: packets: 'abc' is not a number");
  CHECK(series_error("year,packets\n2005.5,1\n") == "data.csv:2: year: '2005.5' is not a whole year");
  CHECK(series_error("year,packets\n2005,1\n2005,2\n") == "data.csv:3: year: 2005 appears twice");
  CHECK(series_error("year,packets\n2006,1\n2005,2\n") ==
        "data.csv:3: year: 2005 comes after a later year (rows must be sorted)");
  CHECK(series_error("year,packets\n") == "data.csv:1: packets: no data rows");
  CHECK(series_error("year,packets\n2005,\n") == "data.csv:2: packets: '' is not a number");
  CHECK(series_error("year,packets\nx,1\n") == "data.csv:2: year: 'x' is not a whole year");
  CHECK(series_error("yr,packets\n2005,1\n") == "data.csv:1: year: missing column in header");
}

TEST_CASE("series_csv: trend data must be positive", "[io][csv]") {
  try {
    read_yearly_series("year,packets\n2005,1\n2006,0\n", "data.csv", "packets", SeriesValues::positive);
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) == "data.csv:3: packets: '0' is not > 0");
  }
  CHECK(read_yearly_series("year,packets\n2006,0\n", "data.csv", "packets").size() == 1);
}

}  // namespace
}  // namespace gapsim
