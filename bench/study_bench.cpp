// Google Benchmark of Monte Carlo throughput: the baseline with its declared uncertain inputs,
// sampled, built and run, with band statistics, on 1 and 2 threads (wall-clock time, since
// the point is how the threads share the work).
#include <benchmark/benchmark.h>

#include "io/monte_carlo.hpp"
#include "io/uncertainty.hpp"

namespace {

void BM_MonteCarloBaseline(benchmark::State& state) {
  const gapsim::RawScenario raw = gapsim::load_scenario(GAPSIM_SOURCE_DIR "/scenarios/baseline.ini", gapsim::read_disk_file);
  gapsim::ScenarioVariants variants(raw, gapsim::read_disk_file);
  const auto inputs = gapsim::read_uncertain_inputs(raw, variants.base());
  variants.vary(gapsim::varied_keys(inputs));
  std::vector<gapsim::Distribution> distributions;
  for (const auto& input : inputs) {
    distributions.push_back(input.distribution);
  }
  gapsim::StudyPlan plan;
  plan.runs = 4000;
  plan.first = 0;
  plan.last = plan.runs;
  plan.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const gapsim::StudyResult result = gapsim::run_study(variants, distributions, plan, {});
    benchmark::DoNotOptimize(result.bands.runs());
  }
  state.SetItemsProcessed(state.iterations() * plan.runs);  // runs per second
}
BENCHMARK(BM_MonteCarloBaseline)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
