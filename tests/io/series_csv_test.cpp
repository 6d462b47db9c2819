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
  CHECK(series_error("year,packets\n2005,1\n2006,abc\n") == "data.csv:3: packets: not a number");
  CHECK(series_error("year,packets\n2005.5,1\n") == "data.csv:2: year: not a whole year");
  CHECK(series_error("year,packets\n2005,1\n2005,2\n") == "data.csv:3: year: 2005 appears twice");
  CHECK(series_error("year,packets\n2006,1\n2005,2\n") ==
        "data.csv:3: year: 2005 comes after a later year (rows must be sorted)");
  CHECK(series_error("year,packets\n") == "data.csv:1: packets: no data rows");
  CHECK(series_error("year,packets\n2005,\n") == "data.csv:2: packets: not a number");
  CHECK(series_error("year,packets\nx,1\n") == "data.csv:2: year: not a whole year");
  CHECK(series_error("yr,packets\n2005,1\n") == "data.csv:1: year: missing column in header");
}

TEST_CASE("series_csv: years lie in 1900-2200", "[io][csv]") {
  // Given a year that made the fit loop for ever, the reader should refuse it on its line.
  CHECK(series_error("year,packets\n-2147483648,1\n2005,2\n") == "data.csv:2: year: outside 1900-2200");
  CHECK(series_error("year,packets\n2005,1\n2147483647,2\n") == "data.csv:3: year: outside 1900-2200");
  CHECK(series_error("year,packets\n1899,1\n") == "data.csv:2: year: outside 1900-2200");
  CHECK(series_error("year,packets\n2201,1\n") == "data.csv:2: year: outside 1900-2200");
  CHECK(series_error("year,packets\n99999999999,1\n") == "data.csv:2: year: not a whole year");
  CHECK(read_yearly_series("year,packets\n1900,1\n2200,2\n", "data.csv", "packets").size() == 2);
}

TEST_CASE("series_csv: cells that do not parse are never quoted", "[io][csv]") {
  // Given a file that is not the series it was meant to be (a column of secrets), the message
  // should name the file, line and column and print nothing of the cell, whatever the column.
  const std::string column = GENERATE(std::string("api_key"), std::string("packets"), std::string("password"));
  const std::string text = "year," + column + "\n2005,1\n2006,SECRET-TOKEN-123\n";
  CHECK(series_error(text, column) == "data.csv:3: " + column + ": not a number");
  CHECK(series_error("year," + column + "\nSECRET-TOKEN-123,1\n", column) == "data.csv:2: year: not a whole year");
}

TEST_CASE("series_csv: the CSV library's errors are said in our words", "[io][csv]") {
  CHECK(series_error("year,packets\n2005,1\n2006,\"2\n2007,3\n") ==
        "data.csv:3: malformed CSV: a quoted cell is not closed");
  CHECK(series_error("year,packets\n2005\n") == "data.csv:2: malformed CSV: fewer cells than the header has columns");
  CHECK(series_error("year,packets,year\n2005,1,2005\n") ==
        "data.csv:1: malformed CSV: a column name appears twice in the header");
  CHECK(series_error("") == "data.csv:1: malformed CSV: no header line");
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
