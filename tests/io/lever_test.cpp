// [levers] declarations: what is accepted, the grid a step makes, and the exact message for
// each kind of mistake.
#include "io/lever.hpp"

#include <catch2/catch.hpp>

#include "io/input_error.hpp"
#include "study/policy_scenario.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

using test::MemoryFiles;
using test::minimal_ini;

// The minimal scenario (7 lines) with a programme whose intake is a schedule (line 8 on), an
// [uncertain] declaration on line 13, then the [levers] section from line 14.
MemoryFiles with_levers(const std::string& levers) {
  return {{{"main.ini", minimal_ini() +
                            "[programme.uni]\nintake = 2013:100, 2020:300\nduration = 2\n"
                            "cost_per_trainee = 1000\n"
                            "[uncertain]\nprogramme.uni.duration = uniform(1, 3)\n"
                            "[levers]\n" +
                            levers}}};
}

std::vector<Lever> levers_of(const std::string& levers) {
  const MemoryFiles files = with_levers(levers);
  return PolicyScenario("main.ini", files.reader()).levers;
}

std::string error_of(const std::string& levers) {
  try {
    levers_of(levers);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("levers: bounds, steps and schedule points are read in key order", "[io][levers]") {
  const std::vector<Lever> levers =
      levers_of("programme.uni.intake@2020 = 100:900:50\nworkforce.underskilled_effectiveness = 0.2:0.8\n");
  REQUIRE(levers.size() == 2);
  CHECK(levers[0].key.label == "programme.uni.intake@2020");
  CHECK(levers[0].key.at == 2020.0);
  CHECK(levers[0].lower == 100.0);
  CHECK(levers[0].upper == 900.0);
  CHECK(levers[0].step == 50.0);
  CHECK(levers[0].line == 15);
  CHECK(levers[1].key.label == "workforce.underskilled_effectiveness");
  CHECK_FALSE(levers[1].step.has_value());
  CHECK(lever_bounds_text(levers[0]) == "100:900:50");
  CHECK(lever_bounds_text(levers[1]) == "0.2:0.8");
}

TEST_CASE("levers: a value snaps to the nearest grid point within the bounds", "[io][levers]") {
  Lever lever{{"k", std::nullopt, "k"}, 0.2, 0.9, 0.01, "f", 1};
  CHECK(lever.snapped(0.2149) == 0.21);  // 0.2 + 0.01 is 0.21000000000000002 unrounded
  CHECK(lever.snapped(0.2151) == 0.22);
  CHECK(lever.snapped(-5.0) == 0.2);
  CHECK(lever.snapped(5.0) == 0.9);
  Lever uneven{{"k", std::nullopt, "k"}, 0.0, 10.0, 3.0, "f", 1};
  CHECK(uneven.snapped(9.9) == 9.0);  // 12 is past the upper bound: the last grid point is 9
  Lever free{{"k", std::nullopt, "k"}, 1.0, 2.0, std::nullopt, "f", 1};
  CHECK(free.snapped(1.2345) == 1.2345);
  CHECK(free.snapped(3.0) == 2.0);
}

TEST_CASE("levers: each mistake is an error naming file, line and key", "[io][levers]") {
  CHECK(error_of("programme.uni.duration = 1:2\n") ==
        "main.ini:15: levers.programme.uni.duration: 'programme.uni.duration' is declared uncertain at main.ini:13; a "
        "key is either a lever (a choice) or uncertain (not known), not both");
  CHECK(error_of("programme.uni.intake@2020 = -100:900\n") ==
        "main.ini:15: levers.programme.uni.intake@2020: the bound -100 is outside the key's range (must be >= 0)");
  CHECK(error_of("workforce.underskilled_effectiveness = 0.5:1.5\n") ==
        "main.ini:15: levers.workforce.underskilled_effectiveness: the bound 1.5 is outside the key's range (must be "
        "between 0 and 1)");
  CHECK(error_of("programme.uni.intake@2020 = 900:100\n") ==
        "main.ini:15: levers.programme.uni.intake@2020: the lower bound 900 is not below the upper bound 100");
  CHECK(error_of("programme.uni.intake@2020 = 100\n") ==
        "main.ini:15: levers.programme.uni.intake@2020: '100' is not LOWER:UPPER or LOWER:UPPER:STEP");
  CHECK(error_of("programme.uni.intake@2020 = 100:x\n") ==
        "main.ini:15: levers.programme.uni.intake@2020: '100:x' is not LOWER:UPPER or LOWER:UPPER:STEP");
  CHECK(error_of("programme.uni.intake@2020 = 100:900:0\n") ==
        "main.ini:15: levers.programme.uni.intake@2020: the step 0 must be above 0 and at most UPPER - LOWER (800)");
  CHECK(error_of("programme.uni.intake@2025 = 100:900\n") ==
        "main.ini:15: levers.programme.uni.intake@2025: 'programme.uni.intake' has no point at 2025 (points at "
        "2013, 2020)");
  CHECK(error_of("programme.uni.intaek@2020 = 100:900\n") ==
        "main.ini:15: levers.programme.uni.intaek@2020: unknown key 'programme.uni.intaek' (did you mean "
        "'programme.uni.intake'?)");
  CHECK(error_of("workforce.min_age = 18:30:0.5\n") ==
        "main.ini:15: levers.workforce.min_age: 'workforce.min_age' is a whole number; give whole bounds and a "
        "whole step (LOWER:UPPER:1)");
  CHECK(error_of("time.end_year = 2020:2030:1\n") ==
        "main.ini:15: levers.time.end_year: 'time.end_year' sets the years reported, which every run of a study "
        "shares; it cannot vary");
}

TEST_CASE("levers: a scenario without levers has nothing to choose", "[io][levers]") {
  CHECK(error_of("") ==
        "main.ini:1: levers: nothing to choose: the scenario declares no [levers] (e.g. "
        "programme.NAME.intake@YEAR = LOWER:UPPER)");
}

TEST_CASE("levers: a run builds the scenario without reading the section", "[io][levers]") {
  const MemoryFiles files = with_levers("programme.uni.intake@2020 = 100:900\n");
  CHECK(test::build_error(files).empty());
}

}  // namespace
}  // namespace gapsim
