// The baseline's demand under extreme attack paths: the threat response saturates, so even the
// 99th-percentile path of the fitted forecast, carried a century ahead, moves demand by at most
// the threat ceiling.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>

#include "fit/fitted_trend.hpp"
#include "io/scenario_builder.hpp"
#include "model/exogenous.hpp"
#include "support/cli_run.hpp"

namespace gapsim {
namespace {

TEST_CASE("attack path: demand stays within the threat ceiling under the 99th-percentile path for 100 years",
          "[study][attack_path]") {
  test::TempDir dir("century");
  const std::string path = (dir.path / "century.ini").string();
  std::ofstream(path) << "extends = " GAPSIM_SOURCE_DIR "/scenarios/baseline.ini\n[time]\nend_year = 2112\n";
  const BuiltScenario built = build_scenario(load_scenario(path, read_disk_file), read_disk_file);
  const auto* fitted = dynamic_cast<const FittedTrend*>(built.config.attack.get());
  REQUIRE(fitted != nullptr);
  const QuantilePath extreme(fitted->forecast(), 0.99);

  ExogenousSeries series(built.config);
  series.set_attack_trend(extreme, built.config);
  const ExogenousInputs threatened = series.inputs();
  ScenarioConfig calm = built.config;  // the same economy without a threat response
  calm.demand.threat_ceiling = 1.0;
  series.set_attack_trend(extreme, calm, k_exogenous_threat);
  const ExogenousInputs& without = series.inputs();

  const double ceiling = built.config.demand.threat_ceiling;
  const double elasticity = built.config.demand.attack_elasticity;
  REQUIRE(threatened.steps == 100 * 12);
  double largest = 0.0;
  for (int n = 0; n < threatened.steps; ++n) {
    const double factor = threatened.demand[n] / without.demand[n];
    CHECK(factor <= ceiling * (1.0 + 1e-12));
    CHECK(factor >= 1.0 - 1e-12);  // the 99th-percentile path never falls below its start
    largest = std::max(largest, factor);
  }
  const int last = threatened.steps - 1;
  // The path grows by orders of magnitude, and a constant elasticity would have followed it.
  CHECK(threatened.threat_index[last] > 1e6);
  CHECK(std::pow(threatened.threat_index[last], elasticity) > 5.0 * ceiling);
  CHECK(largest > 0.999 * ceiling);  // saturated, not merely small
}

}  // namespace
}  // namespace gapsim
