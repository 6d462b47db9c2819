// The calibration targets reader and its error messages.
#include "io/calibration_targets.hpp"

#include <catch2/catch.hpp>

#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"

namespace gapsim {
namespace {

std::string targets_error(const std::string& text) {
  try {
    read_calibration_targets(text, "targets.csv");
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("calibration_targets: reads year, variable and value", "[io][csv][calibration]") {
  const auto targets = read_calibration_targets(
      "year,variable,value,source\n2016,workforce,280870,\"METI, 2016\"\n2020,shortage,1e5,x\n", "targets.csv");
  REQUIRE(targets.size() == 2);
  CHECK(targets[0].year == 2016);
  CHECK(targets[0].variable == Column::workforce);
  CHECK(targets[0].value == 280870.0);
  CHECK(targets[0].line == 2);
  CHECK(targets[1].variable == Column::shortage);
  CHECK(targets[1].value == 100000.0);
}

TEST_CASE("calibration_targets: an absolute or relative standard error per row, or none", "[io][csv][calibration]") {
  const auto targets = read_calibration_targets(
      "year,variable,value,sd,rel_sd\n2013,workforce,265000,,0.05\n2016,shortage,132060,13206,\n"
      "2020,workforce,371000,,\n",
      "targets.csv");
  REQUIRE(targets.size() == 3);
  CHECK(*targets[0].sd == 265000.0 * 0.05);
  CHECK(*targets[1].sd == 13206.0);
  CHECK(!targets[2].sd);
  // Standardised errors: (model - value) / sd, or the relative error without an sd.
  CHECK(targets[1].standardized_error(132060.0 + 2.0 * 13206.0) == 2.0);
  CHECK(targets[2].standardized_error(371000.0 * 1.5) == 0.5);
  CHECK(targets_error("year,variable,value,sd,rel_sd\n2013,workforce,265000,1000,0.05\n") ==
        "targets.csv:2: rel_sd: give sd or rel_sd, not both");
  CHECK(targets_error("year,variable,value,rel_sd\n2013,workforce,265000,-0.05\n") ==
        "targets.csv:2: rel_sd: '-0.05' is not a number > 0");
  CHECK(targets_error("year,variable,value,sd\n2013,workforce,265000,many\n") ==
        "targets.csv:2: sd: 'many' is not a number > 0");
  CHECK(targets_error("year,variable,sd\n2013,workforce,5\n") == "targets.csv:1: value: missing column in header");
}

TEST_CASE("calibration_targets: the shipped observations carry an error each", "[io][csv][calibration]") {
  const std::string path = GAPSIM_SOURCE_DIR "/scenarios/data/observed_targets.csv";
  const auto targets = read_calibration_targets(*read_disk_file(path), path);
  REQUIRE(targets.size() == 6);
  for (const CalibrationTarget& target : targets) {
    INFO("line " << target.line);
    REQUIRE(target.sd);
    CHECK(*target.sd / target.value >= 0.05);
    CHECK(*target.sd / target.value <= 0.15);
  }
  CHECK(targets[2].variable == Column::shortage);
  CHECK(*targets[2].sd == 80000.0 * 0.15);
}

TEST_CASE("calibration_targets: errors name file, line and column", "[io][csv][calibration]") {
  CHECK(targets_error("year,value\n2016,1\n") == "targets.csv:1: variable: missing column in header");
  CHECK(targets_error("year,variable,value\n2016.5,workforce,1\n") == "targets.csv:2: year: not a whole year");
  CHECK(targets_error("year,variable,value\n2016,security_workforce,1\n") ==
        "targets.csv:2: variable: not an output variable (did you mean 'workforce'?)");
  CHECK(targets_error("year,variable,value\n2016,time,1\n") ==
        "targets.csv:2: variable: not an output variable (did you mean 'hires'?)");
  CHECK(targets_error("year,variable,value\n2016,workforce,many\n") == "targets.csv:2: value: not a number");
  CHECK(targets_error("year,variable,value\n2016,workforce,0\n") ==
        "targets.csv:2: value: '0' is not > 0 (errors are relative to it)");
  CHECK(targets_error("year,variable,value\n2016,workforce,1\n2016,workforce,2\n") ==
        "targets.csv:3: variable: workforce in 2016 is also given on line 2");
  CHECK(targets_error("year,variable,value\n") == "targets.csv:1: value: no target rows");
  // Years outside 1900-2200, and the CSV library's errors in our words.
  CHECK(targets_error("year,variable,value\n-2147483648,workforce,1\n") == "targets.csv:2: year: outside 1900-2200");
  CHECK(targets_error("year,variable,value\n2201,workforce,1\n") == "targets.csv:2: year: outside 1900-2200");
  CHECK(targets_error("year,variable,value\n2016,workforce,1\n2017,\"workforce,1\n") ==
        "targets.csv:3: malformed CSV: a quoted cell is not closed");
  CHECK(targets_error("year,variable,value\n2016,workforce\n") ==
        "targets.csv:2: malformed CSV: fewer cells than the header has columns");
  CHECK(targets_error("") == "targets.csv:1: malformed CSV: no header line");
}

}  // namespace
}  // namespace gapsim
