// Tornado and Sobol studies through their study functions: an input without effect has a
// swing and indices of exactly 0, and the indices of the baseline's inputs are fractions.
#include "study/sensitivity.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "io/scenario_builder.hpp"
#include "model/engine.hpp"
#include "model/summary.hpp"
#include "study/uncertain_scenario.hpp"
#include "support/cli_run.hpp"

namespace gapsim {
namespace {

const std::string k_baseline = GAPSIM_SOURCE_DIR "/scenarios/baseline.ini";

// The baseline with `uncertain` appended to its [uncertain] section, as a file in `dir`.
UncertainScenario baseline_with(const test::TempDir& dir, const std::string& uncertain) {
  const std::string path = (dir.path / "scenario.ini").string();
  std::ofstream(path) << "extends = " << k_baseline << "\n[uncertain]\n" << uncertain;
  return UncertainScenario(path, read_disk_file);
}

SensitivityOptions options_for(const std::string& metric, std::int64_t runs) {
  SensitivityOptions options;
  options.metric = parse_output_metric(metric).value();
  options.runs = runs;
  options.resamples = 200;
  options.threads = 2;
  return options;
}

TEST_CASE("sensitivity: metrics as summary.csv names them", "[study][sensitivity]") {
  // Given the baseline, hires_2020 and hires@2020 are the hires over calendar 2020 and
  // shortage_end the state after the final step; names that are neither are refused.
  const BuiltScenario built = load_and_build(k_baseline);
  Workspace workspace;
  Results results;
  Engine::run(make_exogenous_inputs(built.config), workspace, results);
  const auto value = [&](const std::string& name) { return *metric_value(*parse_output_metric(name), results); };
  CHECK(value("hires_2020") == results.year_at(2020 - 2013, Column::hires));
  CHECK(value("hires@2020") == value("hires_2020"));
  CHECK(value("shortage_end") == results.end_at(Column::shortage));
  CHECK(value("shortage_2031") == value("shortage_end"));
  CHECK(value("total_cost_hiring") == results.end_at(Column::cost_hiring_cumulative));
  CHECK(!metric_value(*parse_output_metric("hires_2031"), results));
  const auto unknown = parse_output_metric("shortage_fnal");
  REQUIRE(!unknown);
  CHECK(unknown.error().find("did you mean 'shortage_end'?") != std::string::npos);
}

TEST_CASE("sensitivity: a tornado bar of an input without effect has swing 0", "[study][sensitivity]") {
  // Given the hiring delay (which moves the 2020 shortage) and the upskilling cost per person
  // (which cannot), the cost's bar should have swing exactly 0 and come last.
  test::TempDir dir("sensitivity_tornado");
  const UncertainScenario scenario =
      baseline_with(dir,
                    "demand.attack_elasticity = none\ndemand.growth = none\nattrition.qualified = none\n"
                    "upskilling.rate = none\nretirement.age_mean = none\noutsourcing.share@2030 = none\n"
                    "hiring.pool@2030 = none\ndemand.threat_ceiling = none\nattack.path = none\n"
                    "upskilling.cost_per_person = uniform(0, 1000000)\n");
  REQUIRE(scenario.inputs.size() == 2);
  std::int64_t reported = 0;
  const Tornado tornado =
      run_tornado(scenario.variants, scenario.inputs, options_for("shortage_2020", 16), [&](std::int64_t done) {
        reported = done;
      }).value();
  CHECK(reported == 5);  // the medians, then each input low and high
  REQUIRE(tornado.bars.size() == 2);
  const TornadoBar& delay = tornado.bars[0];
  const TornadoBar& cost = tornado.bars[1];
  CHECK(scenario.inputs[delay.input].key.label == "hiring.delay");
  CHECK(delay.swing > 10'000.0);
  CHECK(delay.swing == std::abs(delay.metric_at_high - delay.metric_at_low));
  CHECK(scenario.inputs[cost.input].key.label == "upskilling.cost_per_person");
  CHECK(cost.low == 50'000.0);  // uniform(0, 1e6) at 5% and 95%
  CHECK(cost.high == 950'000.0);
  CHECK(cost.swing == 0.0);
  CHECK(cost.metric_at_low == tornado.metric_at_medians);
  CHECK(cost.metric_at_high == tornado.metric_at_medians);
  CHECK(tornado_csv(tornado, scenario.inputs, options_for("shortage_2020", 16).metric)
            .starts_with("key,low,high,shortage_2020_at_low,shortage_2020_at_high,shortage_2020_at_medians,swing\n"
                         "hiring.delay,"));
}

TEST_CASE("sensitivity: the attack path is one input, moved whole to its 5th and 95th predictive percentile",
          "[study][sensitivity]") {
  // Given the hiring delay and the attack path, the path's bar runs from the path at the 5th
  // to the path at the 95th percentile in every year; at the medians the run is the scenario
  // as written (the median path), and the 2030 shortage rises with the threat.
  test::TempDir dir("sensitivity_path");
  const UncertainScenario scenario =
      baseline_with(dir,
                    "demand.attack_elasticity = none\ndemand.growth = none\nattrition.qualified = none\n"
                    "upskilling.rate = none\nretirement.age_mean = none\noutsourcing.share@2030 = none\n"
                    "hiring.pool@2030 = none\ndemand.threat_ceiling = none\n");
  REQUIRE(scenario.inputs.size() == 2);
  REQUIRE(scenario.inputs[1].attack_path);
  const SensitivityOptions options = options_for("shortage@2030", 64);
  const Tornado tornado = run_tornado(scenario.variants, scenario.inputs, options, {}).value();
  // The same delay with the trend as written (its median path), the path not varied at all.
  ScenarioVariants median_path = scenario.variants;
  median_path.vary(scenario.variants.keys());
  const std::vector<double> delay{scenario.inputs[0].distribution.median()};
  Workspace workspace;
  Results written;
  Engine::run(median_path.inputs(delay), workspace, written);
  CHECK(tornado.metric_at_medians == written.at(row_of_year(written, 2030), Column::shortage));
  const auto path_bar =
      std::find_if(tornado.bars.begin(), tornado.bars.end(), [](const TornadoBar& bar) { return bar.input == 1; });
  REQUIRE(path_bar != tornado.bars.end());
  CHECK(path_bar->low == 0.05);
  CHECK(path_bar->high == 0.95);
  CHECK(path_bar->metric_at_high > tornado.metric_at_medians + 10'000.0);
  CHECK(path_bar->metric_at_low < tornado.metric_at_medians - 10'000.0);
  CHECK(tornado_csv(tornado, scenario.inputs, options.metric).find("\nattack.path,0.05,0.95,") != std::string::npos);

  const SobolIndices sobol = run_sobol(scenario.variants, scenario.inputs, options, {}).value();
  CHECK(sobol.total[1].value > 0.05);  // the path's six uniforms act as one input
  CHECK(sobol.total[1].lo <= 1.0);     // Jansen's estimate can pass 1 by sampling noise
}

TEST_CASE(
    "sensitivity: Sobol indices of the baseline's inputs lie between 0 and 1, and are 0 for an input without effect",
    "[study][sensitivity]") {
  // Given the baseline's nine keys and its attack path plus the upskilling cost (no effect on the shortage),
  // the study's indices should be fractions, with exactly 0 for the cost, intervals included.
  test::TempDir dir("sensitivity_sobol");
  const UncertainScenario scenario = baseline_with(dir, "upskilling.cost_per_person = uniform(0, 1000000)\n");
  REQUIRE(scenario.inputs.size() == 11);
  const SensitivityOptions options = options_for("shortage_2020", 512);
  std::int64_t reported = 0;
  const Sensitivity result =
      run_sensitivity(scenario.variants, scenario.inputs, options, [&](std::int64_t done) { reported = done; }).value();
  CHECK(reported == sensitivity_runs(11, 512));
  CHECK(sensitivity_runs(11, 512) == 1 + 22 + 512 * 13);
  const SobolIndices& sobol = result.sobol;
  double first_order_sum = 0.0;
  for (std::size_t i = 0; i < scenario.inputs.size(); ++i) {
    INFO(scenario.inputs[i].key.label);
    const IndexEstimate& first = sobol.first_order[i];
    const IndexEstimate& total = sobol.total[i];
    // An input of almost no effect can come out a little below 0 from sampling noise.
    CHECK(first.value >= -0.01);
    CHECK(first.hi >= 0.0);
    CHECK(first.value <= 1.0);
    CHECK(total.value >= 0.0);
    CHECK(total.value <= 1.0);
    first_order_sum += first.value;
    if (scenario.inputs[i].key.label == "upskilling.cost_per_person") {
      for (const double value : {first.value, first.lo, first.hi, total.value, total.lo, total.hi}) {
        CHECK(value == 0.0);
      }
    }
  }
  CHECK(first_order_sum <= 1.05);  // first-order effects share the variance (up to sampling noise)
}

TEST_CASE("sensitivity: a metric without a value names the run", "[study][sensitivity]") {
  test::TempDir dir("sensitivity_empty");
  const UncertainScenario scenario = baseline_with(dir, "");
  const auto tornado = run_tornado(scenario.variants, scenario.inputs, options_for("shortage@2040", 16), {});
  REQUIRE(!tornado);
  CHECK(tornado.error() ==
        "the metric is empty in run 0 (a year outside the run, or a gap that never closes); choose another metric");
}

}  // namespace
}  // namespace gapsim
