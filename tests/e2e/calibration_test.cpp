// The shipped scenarios against the published figures they are calibrated to.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "io/calibration_targets.hpp"
#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"
#include "model/engine.hpp"
#include "model/exogenous.hpp"
#include "model/summary.hpp"
#include "support/approx.hpp"

namespace gapsim {
namespace {

Results run_shipped(const std::string& name) {
  const BuiltScenario built = load_and_build(GAPSIM_SOURCE_DIR "/scenarios/" + name + ".ini");
  Workspace workspace;
  Results results;
  Engine::run(make_exogenous_inputs(built.config), workspace, results);
  return results;
}

double value_in(const Results& results, int year, Column column) {
  const int row = row_of_year(results, year);
  REQUIRE(row >= 0);
  return results.at(row, column);
}

TEST_CASE("calibration: baseline reproduces its METI 2016 targets", "[e2e][calibration]") {
  // Given the baseline, which starts from IPA 2013 and whose hiring.delay and
  // demand.attack_elasticity were fitted to data/calibration_targets.csv, the run should reach
  // every target (METI 2016: workforce 280,870, shortage 132,060) three years later.
  const std::string path = GAPSIM_SOURCE_DIR "/scenarios/data/calibration_targets.csv";
  const std::vector<CalibrationTarget> targets = read_calibration_targets(read_disk_file(path).value(), path);
  REQUIRE(targets.size() == 2);
  const Results baseline = run_shipped("baseline");
  for (const CalibrationTarget& target : targets) {
    INFO("line " << target.line << ": " << column_name(target.variable) << " in " << target.year);
    CHECK_THAT(value_in(baseline, target.year, target.variable),
               Catch::Matchers::WithinRel(target.value, test::k_calibrated));
  }
}

TEST_CASE("calibration: meti2016 reproduces METI's 2020 projection within 2%", "[e2e][calibration]") {
  const Results meti = run_shipped("meti2016");
  CHECK_THAT(value_in(meti, 2016, Column::workforce), test::within_rounding(280870.0));
  CHECK_THAT(value_in(meti, 2016, Column::shortage), test::within_rounding(132060.0));
  const double workforce = value_in(meti, 2020, Column::workforce);
  const double shortage = value_in(meti, 2020, Column::shortage);
  INFO("meti2016 2020: workforce " << workforce << ", shortage " << shortage);
  CHECK(std::abs(workforce / 371000.0 - 1.0) <= 0.02);
  CHECK(std::abs(shortage / 193010.0 - 1.0) <= 0.02);
}

TEST_CASE("conservation: people are conserved every step of the baseline", "[e2e][conservation]") {
  // Given monthly reports of a monthly run, each row's change in workforce equals
  // programme entrants + hires - attrition - retirements of that step.
  BuiltScenario built = load_and_build(GAPSIM_SOURCE_DIR "/scenarios/baseline.ini");
  built.config.time.report = ReportStep::monthly;
  Workspace workspace;
  Results r;
  Engine::run(make_exogenous_inputs(built.config), workspace, r);
  REQUIRE(r.rows() == 18 * 12);
  for (int row = 0; row + 1 < r.rows(); ++row) {
    const double change = r.at(row + 1, Column::workforce) - r.at(row, Column::workforce);
    const double net = r.at(row, Column::programme_entrants) + r.at(row, Column::hires) - r.at(row, Column::attrition) -
                       r.at(row, Column::retirements);
    INFO("step " << row);
    CHECK(std::abs(change - net) <= 1e-9 * r.at(row, Column::workforce));
  }
  const double final_change =
      workspace.qualified().sum() + workspace.underskilled().sum() - r.at(r.rows() - 1, Column::workforce);
  const int last = r.rows() - 1;
  CHECK(std::abs(final_change - (r.at(last, Column::programme_entrants) + r.at(last, Column::hires) -
                                 r.at(last, Column::attrition) - r.at(last, Column::retirements))) <=
        1e-9 * r.at(last, Column::workforce));
}

}  // namespace
}  // namespace gapsim
