// Summary metrics: values at 1 January and the end of the run, yearly totals, and their
// independence from the report step.
#include "model/summary.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "io/scenario_builder.hpp"
#include "support/approx.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

using test::run_config;
using test::within_rounding;

TEST_CASE("summary: levels at 1 January, at the end, and flows by calendar year", "[core][summary]") {
  // 1000 people with attrition 0.3/yr over 2013-2015: at 1 January 2013 + k there are
  // 1000 (1 - 0.3/12)^(12k); 2016 is the state after the final step.
  ScenarioConfig config = test::quiet_config(1000.0);
  config.attrition.qualified_rate = 0.3;
  const Results results = run_config(config);
  const auto workforce = [](int years) { return 1000.0 * std::pow(1.0 - 0.3 / 12.0, 12 * years); };
  CHECK_THAT(*value_in_year(results, Column::workforce, 2014), within_rounding(workforce(1)));
  CHECK_THAT(*value_in_year(results, Column::workforce, 2016), within_rounding(workforce(3)));
  CHECK_THAT(*value_in_year(results, Column::attrition, 2015), within_rounding(workforce(2) - workforce(3)));
  CHECK(!value_in_year(results, Column::attrition, 2016));  // no flow after the run
  CHECK(!value_in_year(results, Column::workforce, 2012));
  CHECK(!value_in_year(results, Column::workforce, 2017));
  CHECK(*metric_value(results, Metric::workforce_end) == *value_in_year(results, Column::workforce, 2016));
  CHECK(*metric_value(results, Metric::final_year) == 2015.0);
}

TEST_CASE("summary: names and values line up for the years asked", "[core][summary]") {
  const std::vector<int> years{2014, 2030};
  const std::vector<std::string> names = summary_names(years);
  REQUIRE(names.size() == summary_size(years));
  CHECK(names[0] == "final_year");
  CHECK(names[k_metric_count] == "shortage_2014");
  CHECK(names[k_metric_count + k_year_columns.size()] == "shortage_2030");
  const Summary summary = summarize(run_config(test::quiet_config(1000.0)), years);
  REQUIRE(summary.size() == names.size());
  CHECK(*summary[k_metric_count + 2] == 1000.0);            // workforce_2014
  CHECK(!summary[k_metric_count + k_year_columns.size()]);  // 2030 is outside 2013-2015
}

TEST_CASE("summary: annual and monthly reports of one run give the same bits", "[core][summary]") {
  // Given the baseline with 12 steps a year reported annually and monthly, every summary
  // value (levels at 1 January and at the end, yearly flows, costs by kind) is identical.
  BuiltScenario built = load_and_build(GAPSIM_SOURCE_DIR "/scenarios/baseline.ini");
  REQUIRE(built.config.time.steps_per_year == 12);
  built.config.time.report = ReportStep::annual;
  const Results annual = run_config(built.config);
  built.config.time.report = ReportStep::monthly;
  const Results monthly = run_config(built.config);
  REQUIRE(monthly.rows() == 12 * annual.rows());
  const std::vector<int> years{2013, 2016, 2020, 2025, 2030, 2031};
  const Summary a = summarize(annual, years);
  const Summary m = summarize(monthly, years);
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO(summary_names(years)[i]);
    CHECK(a[i] == m[i]);
  }
}

}  // namespace
}  // namespace gapsim
