// No `inf` or `nan` reaches an output: a run, a study and a calibration that overflow stop
// with an error naming the variable, the year and the keys behind it (and, in a study, the
// run and its sampled values).
#include <catch2/catch.hpp>

#include "io/calibration_targets.hpp"
#include "io/input_error.hpp"
#include "io/uncertainty.hpp"
#include "study/scenario_calibration.hpp"
#include "study/scenario_run.hpp"
#include "study/variant_runs.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

using test::MemoryFiles;

std::string run_error(const MemoryFiles& files) {
  try {
    run_scenario_file("main.ini", files.reader());
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("non-finite: a run that overflows writes nothing and says where", "[study][non_finite]") {
  // Every stock at 1e308: demand (workforce + shortage) overflows at once.
  const MemoryFiles huge{{{"main.ini",
                           "[workforce]\nqualified = 1e308\nunderskilled = 1e308\n[demand]\nbase_shortage = 1e308\n"
                           "[attack]\nbase = 10\n"}}};
  CHECK(run_error(huge) ==
        "main.ini: demand is not finite in 2013 (it is computed from demand.*, attack.*, workforce.qualified, "
        "workforce.underskilled, outsourcing.*, event.*); nothing is written for this scenario");

  // An attack trend growing tenfold a year for 300 years overflows in 2209.
  const MemoryFiles growth{{{"main.ini", test::minimal_ini() + "[time]\nstart_year = 1900\nend_year = 2200\n"
                                                               "[attack]\ngrowth = 10\n"}}};
  CHECK(run_error(growth).starts_with("main.ini: attack_volume is not finite in 2"));
}

TEST_CASE("non-finite: a study run that overflows names the run and its values", "[study][non_finite]") {
  const MemoryFiles files{{{"main.ini", test::minimal_ini() + "[time]\nstart_year = 1900\nend_year = 2200\n"
                                                              "[uncertain]\nattack.growth = uniform(9, 10)\n"}}};
  const RawScenario raw = load_scenario("main.ini", files.reader());
  ScenarioVariants variants(raw, files.reader());
  variants.vary({*parse_varied_key("attack.growth")});
  try {
    run_variants(
        variants, 0, 4, 1, [](std::int64_t run, std::span<double> values) { values[0] = 9.9 + 0.01 * run; },
        [](int, std::int64_t, const Results&) {}, {});
    FAIL("no error");
  } catch (const InputError& error) {
    const std::string message = error.what();
    INFO(message);
    CHECK(message.starts_with("run 0 (attack.growth = 9.9): attack_volume is not finite in "));
    CHECK(message.ends_with("(it is computed from attack.*, event.*.attack_multiplier)"));
  }
}

TEST_CASE("non-finite: a calibration target too close to 0 is refused before anything is written",
          "[study][non_finite]") {
  const MemoryFiles files{{{"main.ini", test::minimal_ini() + "[hiring]\ndelay = 2\n"}}};
  const RawScenario raw = load_scenario("main.ini", files.reader());
  const std::vector<CalibrationTarget> targets = {{2013, Column::workforce, 1e-320, 2, {}}};
  const auto keys = calibration_keys(raw, {"hiring.delay"});
  REQUIRE(keys.has_value());
  CHECK_THROWS_WITH(calibrate_scenario(raw, files.reader(), *keys, targets, "targets.csv"),
                    "targets.csv:2: value: the relative error of main's workforce (300) against 1e-320 is not "
                    "finite; calibrate to targets of a size the variable can have");
}

}  // namespace
}  // namespace gapsim
