// The baseline's posterior of seven keys against the published figures, 20,000 retained
// draws with the default burn-in and thinning, on 1 or 2 threads: wall time, model runs per
// second and effective samples per second (the smallest effective sample size of the keys).
#include <benchmark/benchmark.h>

#include <algorithm>

#include "fastest.hpp"
#include "io/calibration_targets.hpp"
#include "io/scenario_loader.hpp"
#include "study/posterior_sampling.hpp"

namespace gapsim {
namespace {

void BM_BaselinePosterior(benchmark::State& state) {
  const UncertainScenario scenario(GAPSIM_SOURCE_DIR "/scenarios/baseline.ini", read_disk_file);
  const std::string targets_path = GAPSIM_SOURCE_DIR "/scenarios/data/observed_targets.csv";
  const auto targets = read_calibration_targets(read_disk_file(targets_path).value(), targets_path);
  const auto keys =
      posterior_keys(scenario, {"hiring.delay", "demand.attack_elasticity", "demand.growth", "attrition.qualified",
                                "upskilling.rate", "retirement.age_mean", "demand.threat_ceiling"});
  PosteriorOptions options;
  options.threads = static_cast<int>(state.range(0));
  double min_ess = 0.0;
  std::int64_t runs = 0;
  for (auto _ : state) {
    const Posterior posterior = sample_posterior(scenario, keys, targets, targets_path, options);
    min_ess = std::min_element(posterior.summaries.begin(), posterior.summaries.end(),
                               [](const KeySummary& a, const KeySummary& b) { return a.ess < b.ess; })
                  ->ess;
    runs = posterior.evaluations + posterior.draws();
  }
  state.counters["model_runs_per_s"] = benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
  state.counters["min_ess_per_s"] = benchmark::Counter(min_ess, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BaselinePosterior)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->ComputeStatistics("min", gapsim::bench::fastest);

}  // namespace
}  // namespace gapsim
