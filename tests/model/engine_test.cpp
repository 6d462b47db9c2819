// Analytic and hand-computed cases of the stock-and-flow engine.
#include "model/engine.hpp"

#include <cmath>
#include <vector>

#include "io/scenario_builder.hpp"
#include "model/calendar.hpp"
#include "model/exogenous.hpp"
#include "model/programme_flows.hpp"
#include "support/allocation_counter.hpp"
#include "support/approx.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

using test::quiet_config;
using test::run_config;
using test::within_rounding;

TEST_CASE("engine: pure attrition follows (1 - a dt)^n", "[core][engine]") {
  // Given only attrition at rate a, the stock after n Euler steps is N0 (1 - a dt)^n.
  ScenarioConfig config = quiet_config(1000.0);
  config.attrition.qualified_rate = 0.3;
  const int steps_per_year = GENERATE(1, 4, 12);
  config.time.steps_per_year = steps_per_year;
  config.time.report = ReportStep::annual;
  const Results results = run_config(config);
  const double dt = 1.0 / steps_per_year;
  for (int year = 0; year < results.rows(); ++year) {
    const double expected = 1000.0 * std::pow(1.0 - 0.3 * dt, year * steps_per_year);
    CHECK_THAT(results.at(year, Column::workforce), within_rounding(expected));
    const double next = 1000.0 * std::pow(1.0 - 0.3 * dt, (year + 1) * steps_per_year);
    CHECK_THAT(results.at(year, Column::attrition), within_rounding(expected - next));
  }
}

TEST_CASE("engine: a programme delays a pulse by exactly its duration", "[core][engine]") {
  // Given 100 starters in the first month of a 1-year programme, they complete 12 months later,
  // less dropouts, and the pipeline holds them in between.
  ScenarioConfig config = quiet_config(0.0);
  ProgrammeConfig programme = test::default_programme();
  programme.name = "pulse";
  programme.intake = Schedule({{2013.0, 1200.0}, {2013.08, 0.0}});  // 1200/yr * 1/12 yr at step 0
  programme.duration = 1.0;
  programme.completion_rate = 0.8;
  programme.entry_share = 0.5;
  programme.entry_tier = Tier::qualified;
  programme.entry_age = 25;
  programme.cost_per_trainee = 10.0;
  config.programmes = {programme};
  Workspace workspace;
  const Results results = run_config(config, &workspace);
  for (int month = 0; month < results.rows(); ++month) {
    INFO("month " << month);
    const bool in_pipeline = month >= 1 && month <= 12;
    CHECK_THAT(results.at(month, Column::trainees), within_rounding(in_pipeline ? 100.0 : 0.0));
    CHECK_THAT(results.at(month, Column::graduates), within_rounding(month == 12 ? 80.0 : 0.0));
    CHECK_THAT(results.at(month, Column::programme_entrants), within_rounding(month == 12 ? 40.0 : 0.0));
    CHECK_THAT(results.at(month, Column::workforce), within_rounding(month > 12 ? 40.0 : 0.0));
  }
  CHECK_THAT(results.at(0, Column::cost), within_rounding(1000.0));
  // Entered at 25 in January 2014, aged at the start of 2015 and 2016: 27 at the end.
  CHECK_THAT(workspace.qualified()[27 - 18], within_rounding(40.0));
}

TEST_CASE("engine: a zero-duration programme delivers in the same step", "[core][engine]") {
  ScenarioConfig config = quiet_config(0.0);
  ProgrammeConfig programme = test::default_programme();
  programme.name = "instant";
  programme.intake = Schedule::constant(120.0);
  programme.duration = 0.0;
  config.programmes = {programme};
  const Results results = run_config(config);
  CHECK_THAT(results.at(0, Column::programme_entrants), within_rounding(10.0));
  CHECK_THAT(results.at(1, Column::underskilled), within_rounding(10.0));
  CHECK(results.at(5, Column::trainees) == 0.0);
}

TEST_CASE("engine: a cohort ages one year per year and retires at the configured age", "[core][engine]") {
  // Given 1000 people aged 30 on 1 January 2013 and retirement at exactly 33, they are 33 on
  // 1 January 2016 and all retire in that year.
  ScenarioConfig config = quiet_config(1000.0);
  config.retirement = {33.0, 0.0};
  config.time = {2013, 2018, 12, ReportStep::annual};
  const Results results = run_config(config);
  for (int row = 0; row < results.rows(); ++row) {
    const int year = 2013 + row;
    INFO("year " << year);
    CHECK(results.at(row, Column::workforce) == (year <= 2016 ? 1000.0 : 0.0));
    CHECK(results.at(row, Column::retirements) == (year == 2016 ? 1000.0 : 0.0));
  }
  for (int years = 1; years <= 3; ++years) {
    config.time.end_year = 2013 + years - 1;
    Workspace workspace;
    run_config(config, &workspace);
    INFO("after " << years << " years");
    CHECK(workspace.qualified()[30 + years - 18] == 1000.0);
    CHECK(workspace.qualified().sum() == 1000.0);
  }
}

TEST_CASE("engine: people ageing past the oldest bucket retire", "[core][engine]") {
  ScenarioConfig config = quiet_config(500.0);
  config.workforce.max_age = 31;
  config.workforce.initial_age_share.assign(31 - 18 + 1, 0.0);
  config.workforce.initial_age_share.back() = 1.0;  // everyone 31
  config.time.report = ReportStep::annual;
  const Results results = run_config(config);
  CHECK(results.at(0, Column::retirements) == 500.0);
  CHECK(results.at(1, Column::workforce) == 0.0);
}

TEST_CASE("engine: hires fill open positions over the delay, capped by the IT workers outside security",
          "[core][engine]") {
  // One step a year: hires = min(open / delay, share * (IT workforce - workforce)) * 1 yr.
  ScenarioConfig config = quiet_config(1000.0);
  config.time = {2013, 2013, 1, ReportStep::annual};
  config.demand.base_shortage = 600.0;
  config.hiring.delay = 3.0;
  config.hiring.qualified_share = 0.25;
  config.hiring.pool = Schedule::constant(10000.0);
  config.hiring.max_pool_share = 0.05;  // cap 0.05 * 9000 = 450/yr, above 600/3
  Results results = run_config(config);
  CHECK_THAT(results.at(0, Column::hires), within_rounding(200.0));
  CHECK(results.at(0, Column::it_pool) == 9000.0);
  CHECK_THAT(results.at(0, Column::hiring_cap), within_rounding(450.0));
  CHECK(results.at(0, Column::open_positions) == 600.0);
  config.hiring.max_pool_share = 0.01;  // cap 90/yr
  CHECK_THAT(run_config(config).at(0, Column::hires), within_rounding(90.0));
  config.hiring.pool = Schedule::constant(900.0);  // fewer IT workers than security workers
  results = run_config(config);
  CHECK(results.at(0, Column::hires) == 0.0);
  CHECK(results.at(0, Column::it_pool) == 0.0);
}

TEST_CASE("engine: entrants from the IT pool use up the hiring capacity", "[core][engine]") {
  // Cap 0.01 * (10000 - 1000) = 90/yr binds (open 600 / 3 = 200/yr). A programme bringing 30
  // a year from the IT pool leaves 60 for hiring: 90 move in either way, and the IT workers
  // outside security lose exactly what security gains. The same programme drawing new people
  // adds its 30 on top of 90 hires.
  ScenarioConfig config = quiet_config(1000.0);
  config.time = {2013, 2014, 1, ReportStep::annual};
  config.demand.base_shortage = 600.0;
  config.hiring.delay = 3.0;
  config.hiring.pool = Schedule::constant(10000.0);
  config.hiring.max_pool_share = 0.01;
  config.hiring.age_sd = 0.0;                             // everyone hired at 32, far from retirement
  ProgrammeConfig programme = test::default_programme();  // completes and enters whole, at once
  programme.name = "exam";
  programme.intake = Schedule::constant(30.0);
  programme.source = TraineeSource::it_pool;
  programme.entry_tier = Tier::qualified;
  programme.entry_age = 30;
  config.programmes = {programme};
  const Results pool = run_config(config);
  CHECK_THAT(pool.at(0, Column::hires), within_rounding(60.0));
  CHECK_THAT(pool.at(0, Column::programme_entrants), within_rounding(30.0));
  CHECK_THAT(pool.at(1, Column::workforce), within_rounding(1090.0));
  for (int row = 0; row < pool.rows(); ++row) {
    CHECK_THAT(pool.at(row, Column::workforce) + pool.at(row, Column::it_pool), within_rounding(10000.0));
  }
  CHECK_THAT(pool.at(1, Column::hires), within_rounding(0.01 * (10000.0 - 1090.0) - 30.0));

  config.programmes[0].source = TraineeSource::new_entrants;
  const Results fresh = run_config(config);
  CHECK_THAT(fresh.at(0, Column::hires), within_rounding(90.0));
  CHECK_THAT(fresh.at(1, Column::workforce), within_rounding(1120.0));
}

TEST_CASE("engine: hand-computed month with every workforce flow", "[core][engine]") {
  // Given one step of a year (dt = 1) with 1000 qualified and 1000 under-skilled at age 30:
  // attrition 0.1 / 0.2, upskilling rate 0.05 plus capacity 30, retirement at 30 with
  // nobody older, hires 90 (open 270 over 3 years), a quarter qualified.
  ScenarioConfig config = quiet_config(1000.0);
  config.time = {2013, 2013, 1, ReportStep::annual};
  config.workforce.underskilled = 1000.0;
  config.attrition = {0.1, 0.2};
  config.upskilling.rate = Schedule::constant(0.05);
  config.upskilling.capacity = Schedule::constant(30.0);
  config.demand.base_shortage = 270.0;
  config.hiring.delay = 3.0;
  config.hiring.qualified_share = 0.25;
  config.hiring.age_sd = 0.0;
  config.hiring.pool = Schedule::constant(1e6);
  Workspace workspace;
  const Results results = run_config(config, &workspace);
  // Qualified: 1000 - 100 attrition + (0.05 * 1000 + 30) upskilled + 22.5 hires.
  // Under-skilled: 1000 - 200 - 80 + 67.5.
  CHECK_THAT(results.at(0, Column::upskilled), within_rounding(80.0));
  CHECK_THAT(results.at(0, Column::attrition), within_rounding(300.0));
  CHECK_THAT(results.at(0, Column::hires), within_rounding(90.0));
  CHECK_THAT(workspace.qualified().sum(), within_rounding(1002.5));
  CHECK_THAT(workspace.underskilled().sum(), within_rounding(787.5));
  CHECK_THAT(results.at(0, Column::skill_gap), within_rounding(2270.0 - 1000.0 - 0.5 * 1000.0));
}

TEST_CASE("engine: demand grows with the economy and with the threat, up to the threat ceiling", "[core][engine]") {
  // demand(t) = D0 (1 + g)^(t - t0) exp(L tanh(e x / L)), x = ln(A(t) / A(t0)), L = ln(ceiling),
  // D0 = workforce + base shortage.
  ScenarioConfig config = quiet_config(1000.0);
  config.time.report = ReportStep::annual;
  config.demand.base_shortage = 500.0;
  config.demand.growth = Schedule::constant(0.04);
  config.demand.attack_elasticity = 0.3;
  config.demand.threat_ceiling = 2.0;
  config.attack = std::make_shared<GrowthTrend>(5.0, 2013.0, 0.5);
  const Results results = run_config(config);
  for (int k = 0; k < results.rows(); ++k) {
    const double threat = std::exp(std::log(2.0) * std::tanh(0.3 * k * std::log(1.5) / std::log(2.0)));
    const double expected = 1500.0 * std::pow(1.04, k) * threat;
    CHECK_THAT(results.at(k, Column::demand), within_rounding(expected));
    CHECK_THAT(results.at(k, Column::attack_volume), within_rounding(5.0 * std::pow(1.5, k)));
    CHECK_THAT(results.at(k, Column::threat_index), within_rounding(std::pow(1.5, k)));
  }
  // A ceiling of 1 turns the threat off.
  config.demand.threat_ceiling = 1.0;
  CHECK_THAT(run_config(config).at(2, Column::demand), within_rounding(1500.0 * 1.04 * 1.04));
}

TEST_CASE("engine: near the start the threat factor is the constant-elasticity index^e", "[core][engine]") {
  // d ln(factor) / d ln(index) = e at index 1: a 1% rise in the index gives e% more demand.
  ScenarioConfig config = quiet_config(1000.0);
  config.time = {2013, 2014, 1, ReportStep::annual};
  config.demand.base_shortage = 500.0;
  config.demand.attack_elasticity = 0.3;
  config.demand.threat_ceiling = 1.5;
  config.attack = std::make_shared<GrowthTrend>(5.0, 2013.0, 1e-4);
  const Results results = run_config(config);
  CHECK_THAT(results.at(1, Column::demand) / 1500.0, Catch::Matchers::WithinRel(std::pow(1.0 + 1e-4, 0.3), 1e-11));
}

TEST_CASE("engine: outsourcing moves demand to providers, foreign staff draw on no one", "[core][engine]") {
  // Domestic demand = demand (1 - s + s (1 - f) / L); total demand is set so that domestic
  // demand at the start is workforce + base shortage.
  ScenarioConfig config = quiet_config(1000.0);
  config.time = {2013, 2014, 1, ReportStep::annual};
  config.demand.base_shortage = 200.0;
  config.outsourcing.share = Schedule::constant(0.4);
  config.outsourcing.leverage = Schedule::constant(2.0);
  config.outsourcing.foreign_share = Schedule({{2013.0, 0.0}, {2014.0, 0.5}});
  config.outsourcing.cost_per_fte = 10.0;
  const Results results = run_config(config);
  const double demand = 1200.0 / (0.6 + 0.4 / 2.0);
  CHECK_THAT(results.at(0, Column::demand), within_rounding(demand));
  CHECK_THAT(results.at(0, Column::domestic_demand), within_rounding(1200.0));
  CHECK_THAT(results.at(1, Column::domestic_demand), within_rounding(demand * (0.6 + 0.4 * 0.5 / 2.0)));
  CHECK_THAT(results.at(0, Column::cost), within_rounding(0.4 * demand * 10.0));
}

TEST_CASE("engine: logistic adoption follows its curve", "[core][engine]") {
  ScenarioConfig config = quiet_config(1000.0);
  config.time.report = ReportStep::annual;
  config.outsourcing.adoption = Adoption::logistic;
  config.outsourcing.floor = 0.1;
  config.outsourcing.ceiling = 0.7;
  config.outsourcing.midpoint = 2014.0;
  config.outsourcing.steepness = 0.8;
  const Results results = run_config(config);
  for (int k = 0; k < results.rows(); ++k) {
    const double expected = 0.1 + 0.6 / (1.0 + std::exp(-0.8 * (2013.0 + k - 2014.0)));
    CHECK_THAT(results.at(k, Column::outsourced_share), within_rounding(expected));
  }
}

TEST_CASE("engine: an event scales attacks and demand by the share of the step it covers", "[core][engine]") {
  // Steps are twelfths of a year, not calendar months: step 6 is [2013.5, 2013.5833), which
  // holds the window 3-30 July 2013 entirely.
  ScenarioConfig config = quiet_config(1000.0);
  config.demand.base_shortage = 0.0;
  EventConfig event = test::default_event();
  event.name = "games";
  event.from = decimal_year({2013, 7, 3});
  event.to = decimal_year_end({2013, 7, 30});
  event.attack_multiplier = 3.0;
  event.demand_extra = 100.0;
  config.events = {event};
  const Results results = run_config(config);
  const double share = (event.to - event.from) * 12.0;  // the window lies inside the step
  CHECK_THAT(results.at(6, Column::attack_volume), within_rounding(1.0 + 2.0 * share));
  CHECK_THAT(results.at(6, Column::demand), within_rounding(1000.0 + 100.0 * share));
  CHECK(results.at(5, Column::attack_volume) == 1.0);
  CHECK(results.at(7, Column::attack_volume) == 1.0);
}

TEST_CASE("engine: upskilling programmes move under-skilled workers to qualified", "[core][engine]") {
  ScenarioConfig config = quiet_config(0.0);
  config.workforce.underskilled = 1000.0;
  config.time = {2013, 2013, 1, ReportStep::annual};
  ProgrammeConfig programme = test::default_programme();
  programme.name = "course";
  programme.intake = Schedule::constant(100.0);
  programme.duration = 0.0;
  programme.source = TraineeSource::underskilled;
  programme.entry_share = 0.5;
  config.programmes = {programme};
  Workspace workspace;
  const Results results = run_config(config, &workspace);
  CHECK_THAT(results.at(0, Column::upskilled), within_rounding(50.0));
  CHECK(results.at(0, Column::programme_entrants) == 0.0);
  CHECK_THAT(workspace.qualified().sum(), within_rounding(50.0));
  CHECK_THAT(workspace.underskilled().sum(), within_rounding(950.0));
}

// Two years of one step each: 1000 under-skilled aged 30, domestic demand 1300 (base
// shortage 300), hires over 3 years at 5 yen all aged 32, a tenth qualified; on-the-job
// upskilling at 1%/yr for 7 yen; outsourcing 10% of demand at 10 yen per FTE-year; an
// upskilling course (100 starters at 2 yen, no delay, half upgraded) and a one-year school
// (40 starters at 3 yen, half complete, half of those enter the under-skilled tier at 22).
ScenarioConfig costed_config() {
  ScenarioConfig config = quiet_config(0.0);
  config.time = {2013, 2014, 1, ReportStep::annual};
  config.workforce.underskilled = 1000.0;
  config.demand.base_shortage = 300.0;
  config.hiring.pool = Schedule::constant(1e6);
  config.hiring.delay = 3.0;
  config.hiring.qualified_share = 0.1;
  config.hiring.age_sd = 0.0;
  config.hiring.cost_per_hire = 5.0;
  config.upskilling.rate = Schedule::constant(0.01);
  config.upskilling.cost_per_person = 7.0;
  config.outsourcing.share = Schedule::constant(0.1);
  config.outsourcing.cost_per_fte = 10.0;
  ProgrammeConfig course = test::default_programme();
  course.name = "course";
  course.intake = Schedule::constant(100.0);
  course.source = TraineeSource::underskilled;
  course.entry_share = 0.5;
  course.cost_per_trainee = 2.0;
  ProgrammeConfig school = test::default_programme();
  school.name = "school";
  school.intake = Schedule::constant(40.0);
  school.duration = 1.0;
  school.completion_rate = 0.5;
  school.entry_share = 0.5;
  school.cost_per_trainee = 3.0;
  config.programmes = {course, school};
  return config;
}

TEST_CASE("engine: hand-computed costs by kind, each upskilled person charged once", "[core][engine]") {
  // 2013: 1300 open minus 1000 workers: 300 / 3 = 100 hires (500 yen). Upskilling wants
  // 0.01 * 1000 + 50 course completers = 60; the 10 on the job pay 7 yen, the 50 completers
  // paid as starters and are not charged again: training is 100 * 2 + 40 * 3 + 10 * 7 = 390. Outsourcing 0.1 * 1300 *
  // 10 = 1300 (demand = domestic demand with leverage 1 and no foreign staff). 2014: Q = 60 + 10 = 70, U = 1000 - 60 +
  // 90 = 1030; 200 / 3 hires; upskilling 10.3 + 50, training 320 + 10.3 * 7 = 392.1.
  const Results results = run_config(costed_config());
  CHECK_THAT(results.at(0, Column::cost_training), within_rounding(390.0));
  CHECK_THAT(results.at(0, Column::cost_hiring), within_rounding(500.0));
  CHECK_THAT(results.at(0, Column::cost_outsourcing), within_rounding(1300.0));
  CHECK_THAT(results.at(0, Column::cost), within_rounding(2190.0));
  CHECK_THAT(results.at(1, Column::cost_training), within_rounding(392.1));
  CHECK_THAT(results.at(1, Column::cost_hiring), within_rounding(1000.0 / 3.0));
  CHECK_THAT(results.at(1, Column::cost_outsourcing), within_rounding(1300.0));
  CHECK_THAT(results.at(1, Column::cost_training_cumulative), within_rounding(782.1));
  CHECK_THAT(results.at(1, Column::cost_hiring_cumulative), within_rounding(500.0 + 1000.0 / 3.0));
  CHECK_THAT(results.at(1, Column::cost_outsourcing_cumulative), within_rounding(2600.0));
  CHECK_THAT(results.at(1, Column::cost_cumulative), within_rounding(2190.0 + 392.1 + 1000.0 / 3.0 + 1300.0));
  for (int row = 0; row < results.rows(); ++row) {
    CHECK(results.at(row, Column::cost) == results.at(row, Column::cost_training) +
                                               results.at(row, Column::cost_hiring) +
                                               results.at(row, Column::cost_outsourcing));
  }
}

TEST_CASE("engine: hand-computed programme table", "[core][engine]") {
  // Per report row and programme: starters, pipeline content at the start of the row,
  // completers, those who enter (the course's are upgraded and counted in upskilled), cost;
  // the school's entrants are the run's programme entrants.
  const ExogenousInputs inputs = make_exogenous_inputs(costed_config());
  Workspace workspace;
  Results results;
  Engine::run(inputs, workspace, results);
  record_programme_flows(inputs, results);
  REQUIRE(results.programme_count == 2);
  REQUIRE(results.programmes.rows() == 4);
  const auto row = [&](int report_row, int programme) {
    std::vector<double> cells;
    for (int c = 0; c < k_programme_column_count; ++c) {
      cells.push_back(results.programme_at(report_row, programme, static_cast<ProgrammeColumn>(c)));
    }
    return cells;
  };
  CHECK(row(0, 0) == std::vector<double>{100.0, 0.0, 100.0, 50.0, 200.0});
  CHECK(row(0, 1) == std::vector<double>{40.0, 0.0, 0.0, 0.0, 120.0});
  CHECK(row(1, 0) == std::vector<double>{100.0, 0.0, 100.0, 50.0, 200.0});
  CHECK(row(1, 1) == std::vector<double>{40.0, 40.0, 20.0, 10.0, 120.0});
  CHECK(results.at(1, Column::trainees) == 40.0);
  CHECK(results.at(1, Column::programme_entrants) == 10.0);
  CHECK_THAT(results.at(0, Column::upskilled), within_rounding(60.0));
}

TEST_CASE("engine: the state after the final step and yearly totals", "[core][engine]") {
  // 1 January 2015: Q = 70 + 60.3 + 200/3 * 0.1, U = 1030 - 60.3 + 200/3 * 0.9 + 10.
  const Results results = run_config(costed_config());
  const double qualified = 70.0 + 60.3 + 20.0 / 3.0;
  const double underskilled = 1030.0 - 60.3 + 60.0 + 10.0;
  CHECK(results.end_at(Column::time) == 2015.0);
  CHECK_THAT(results.end_at(Column::qualified), within_rounding(qualified));
  CHECK_THAT(results.end_at(Column::underskilled), within_rounding(underskilled));
  CHECK_THAT(results.end_at(Column::shortage), within_rounding(1300.0 - qualified - underskilled));
  CHECK_THAT(results.end_at(Column::demand), within_rounding(1300.0));
  CHECK_THAT(results.end_at(Column::hires), within_rounding(100.0 + 200.0 / 3.0));
  CHECK(results.end_at(Column::cost_cumulative) == results.at(1, Column::cost_cumulative));
  REQUIRE(results.years.rows() == 2);
  CHECK(results.year_at(1, Column::hires) == results.at(1, Column::hires));
}

TEST_CASE("engine: the carried tier totals equal the sums over ages", "[core][engine]") {
  // The engine carries Qtot and Utot through each step (section 1 of MODEL.md) instead of
  // re-summing the arrays. Given the baseline (entrants into both tiers, upskilling, hires,
  // ageing out) run to the end of year Y, its final arrays summed must equal the levels a
  // longer run reports for 1 January Y+1.
  BuiltScenario built = load_and_build(GAPSIM_SOURCE_DIR "/scenarios/baseline.ini");
  built.config.time.report = ReportStep::annual;
  const Results full = run_config(built.config);
  const int end_year = GENERATE(2013, 2016, 2020, 2029);
  built.config.time.end_year = end_year;
  Workspace workspace;
  run_config(built.config, &workspace);
  const int row = end_year + 1 - built.config.time.start_year;
  INFO("end of " << end_year);
  CHECK_THAT(full.at(row, Column::qualified), within_rounding(workspace.qualified().sum()));
  CHECK_THAT(full.at(row, Column::underskilled), within_rounding(workspace.underskilled().sum()));
}

TEST_CASE("engine: a run allocates nothing when reused", "[core][engine]") {
  // Given a workspace and results already shaped by a first run of the shipped baseline
  // (programmes, events, full age structure), a second run makes no heap allocation at all.
  const BuiltScenario built = load_and_build(GAPSIM_SOURCE_DIR "/scenarios/olympics_2021.ini");
  const ExogenousInputs inputs = make_exogenous_inputs(built.config);
  Workspace workspace;
  Results results;
  Engine::run(inputs, workspace, results);
  const std::size_t before = test::allocations_so_far();
  Engine::run(inputs, workspace, results);
  CHECK(test::allocations_so_far() == before);
}

}  // namespace
}  // namespace gapsim
