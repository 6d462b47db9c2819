// Calibration of scenario keys: recovery of known parameters, the shipped scenarios at
// their optimum, the calibrate command's files, and its errors.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "cli/app.hpp"
#include "io/input_error.hpp"
#include "io/scenario_builder.hpp"
#include "io/varied_key.hpp"
#include "model/engine.hpp"
#include "model/summary.hpp"
#include "study/scenario_calibration.hpp"
#include "support/approx.hpp"
#include "support/cli_run.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::gapsim;
using test::slurp;
using test::TempDir;

const std::string k_scenarios = GAPSIM_SOURCE_DIR "/scenarios/";

Results run_raw(const RawScenario& raw) { return test::run_config(build_scenario(raw, read_disk_file).config); }

TEST_CASE("calibrate: recovers the parameters that generated a scenario's output", "[e2e][calibration]") {
  // Targets: the baseline's own workforce, shortage and hires in 2016, 2020 and 2025.
  const RawScenario baseline = load_scenario(k_scenarios + "baseline.ini", read_disk_file);
  const Results truth = run_raw(baseline);
  std::vector<CalibrationTarget> targets;
  for (int year : {2016, 2020, 2025}) {
    for (Column variable : {Column::workforce, Column::shortage, Column::hires}) {
      targets.push_back({year, variable, truth.at(row_of_year(truth, year), variable), 0, {}});
    }
  }
  // Start far from the truth: attrition 0.096 -> 0.15, elasticity 0.135 -> 0.2, delay
  // 3.09 -> 5. (A start with a delay so short that hires hit the pool cap every year would
  // leave the delay without influence, and so unidentified.)
  RawScenario perturbed = baseline;
  // (Values moved in as std::string: assigning a literal trips GCC 12's false -Wrestrict.)
  perturbed.settings["attrition.qualified"].value = std::string("0.15");
  perturbed.settings["demand.attack_elasticity"].value = std::string("0.2");
  perturbed.settings["hiring.delay"].value = std::string("5");
  const std::vector<std::string> keys = {"attrition.qualified", "demand.attack_elasticity", "hiring.delay"};
  const Calibration calibration =
      calibrate_scenario(perturbed, read_disk_file, calibration_keys(perturbed, keys).value(), targets, "truth");
  REQUIRE(calibration.converged);
  INFO("cost " << calibration.initial_cost << " -> " << calibration.cost << " in " << calibration.evaluations);
  CHECK(calibration.initial_cost > 0.1);
  CHECK(calibration.cost < 1e-20);
  CHECK_THAT(calibration.keys[0].fitted, Catch::Matchers::WithinRel(0.096, 1e-6));
  CHECK_THAT(calibration.keys[1].fitted,
             Catch::Matchers::WithinRel(std::stod(value_text(baseline, "demand.attack_elasticity")), 1e-6));
  CHECK_THAT(calibration.keys[2].fitted,
             Catch::Matchers::WithinRel(std::stod(value_text(baseline, "hiring.delay")), 1e-6));
  CHECK(calibration.keys[0].initial == 0.15);
}

TEST_CASE("calibrate: the shipped calibrated keys sit at the calibration optimum", "[e2e][calibration]") {
  struct Case {
    const char* scenario;
    const char* targets;
    std::vector<std::string> keys;
  };
  for (const Case& c :
       {Case{"baseline.ini", "data/calibration_targets.csv", {"demand.attack_elasticity", "hiring.delay"}},
        Case{"meti2016.ini", "data/meti2016_targets.csv", {"demand.growth", "hiring.delay"}}}) {
    INFO(c.scenario);
    const RawScenario raw = load_scenario(k_scenarios + c.scenario, read_disk_file);
    const std::string targets_path = k_scenarios + c.targets;
    const auto targets = read_calibration_targets(*read_disk_file(targets_path), targets_path);
    const Calibration calibration =
        calibrate_scenario(raw, read_disk_file, calibration_keys(raw, c.keys).value(), targets, targets_path);
    // No better point exists: the keys stay, and the targets are met (meti2016's workforce to
    // 0.15%: hiring is at its cap there, so the delay cannot remove the last 380 people).
    // (Up to rounding: at an exact optimum both costs are about 1e-31, and either can be 0.)
    CHECK(calibration.cost >= calibration.initial_cost * (1.0 - 1e-9) - 1e-20);
    for (const CalibratedKey& key : calibration.keys) {
      CHECK_THAT(key.fitted, Catch::Matchers::WithinRel(key.initial, 1e-9));
    }
    for (const TargetFit& fit : calibration.targets) {
      CHECK_THAT(fit.initial, Catch::Matchers::WithinRel(fit.target.value,
                                                         std::string(c.scenario) == "baseline.ini" ? 1e-12 : 1.5e-3));
    }
  }
}

TEST_CASE("calibrate: writes fitted values, residuals and a scenario that extends the original", "[e2e][calibration]") {
  TempDir out("calibrate");
  const fs::path scenario = out.path / "start.ini";
  // The baseline with elasticity and delay moved off their calibrated values.
  std::ofstream(scenario) << "extends = " << k_scenarios << "baseline.ini\n[demand]\nattack_elasticity = 0.1\n"
                          << "[hiring]\ndelay = 2.5\n";
  const fs::path dir = out.path / "result";
  REQUIRE(gapsim({"calibrate", scenario.string(), "--targets", k_scenarios + "data/calibration_targets.csv", "--fit",
                  "demand.attack_elasticity", "--fit", "hiring.delay", "-o", dir.string()}) == k_exit_success);
  const RawScenario baseline = load_scenario(k_scenarios + "baseline.ini", read_disk_file);
  const std::string elasticity = value_text(baseline, "demand.attack_elasticity").substr(0, 8);
  const std::string delay = value_text(baseline, "hiring.delay").substr(0, 8);
  const std::string values = slurp(dir / "calibration.csv");
  CHECK(values.starts_with("key,initial,fitted,min,max\ndemand.attack_elasticity,0.1," + elasticity));
  CHECK(values.find("\nhiring.delay,2.5," + delay) != std::string::npos);
  CHECK(slurp(dir / "calibration_residuals.csv")
            .starts_with("year,variable,target,initial,fitted,initial_relative_error,relative_error\n"
                         "2016,workforce,280870,"));
  const std::string ini = slurp(dir / "start_calibrated.ini");
  CHECK(ini.find("\nextends = ../start.ini\n\n[demand]\nattack_elasticity = " + elasticity) != std::string::npos);
  CHECK(ini.find("  # calibrated (was 0.1)\n\n[hiring]\ndelay = " + delay) != std::string::npos);

  // The written scenario runs and meets the targets.
  const Results results = run_raw(load_scenario((dir / "start_calibrated.ini").string(), read_disk_file));
  const int row = row_of_year(results, 2016);
  CHECK_THAT(results.at(row, Column::workforce), Catch::Matchers::WithinRel(280870.0, 1e-9));
  CHECK_THAT(results.at(row, Column::shortage), Catch::Matchers::WithinRel(132060.0, 1e-9));
}

TEST_CASE("calibrate: keys and targets it cannot use", "[e2e][calibration][errors]") {
  const RawScenario raw = load_scenario(k_scenarios + "baseline.ini", read_disk_file);
  const std::vector<CalibrationTarget> targets = {{2016, Column::workforce, 280870.0, 2, {}}};
  const auto key_error = [&](const std::vector<std::string>& keys) {
    const auto calibrated = calibration_keys(raw, keys);
    return calibrated ? std::string() : calibrated.error();
  };
  CHECK(key_error({"hiring.dealy"}) == "hiring.dealy: unknown key (did you mean 'hiring.delay'?)");
  CHECK(key_error({"time.start_year"}) == "time.start_year: only number keys can be calibrated");
  CHECK(key_error({"hiring.pool"}) ==
        "hiring.pool: its value '2015:919000, 2030:919000' is not one number (set the schedule to a "
        "constant to calibrate it)");
  CHECK(key_error({"hiring.delay", "hiring.delay"}) == "hiring.delay: given twice");
  const auto target_error = [&](std::vector<CalibrationTarget> use) -> std::string {
    try {
      calibrate_scenario(raw, read_disk_file, calibration_keys(raw, {"hiring.delay"}).value(), use, "targets.csv");
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  CHECK(target_error({{2035, Column::workforce, 1.0, 4, {}}}) ==
        "targets.csv:4: year: 2035 is not a report year of baseline");
  TempDir out("calibrate_usage");
  CHECK(gapsim({"calibrate", k_scenarios + "baseline.ini", "--fit", "hiring.delay", "-o", out.path.string()}) ==
        k_exit_usage);  // --targets is required
  // A key it cannot fit is a usage error of --fit (the study's message, the flag added by the command).
  CHECK(gapsim({"calibrate", k_scenarios + "baseline.ini", "--targets", k_scenarios + "data/calibration_targets.csv",
                "--fit", "hiring.dealy", "-o", out.path.string()}) == k_exit_usage);
  CHECK(fs::is_empty(out.path));
}

}  // namespace
}  // namespace gapsim
