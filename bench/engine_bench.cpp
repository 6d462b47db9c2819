// Google Benchmark of the engine: one full baseline run (monthly steps, 2013-2030, ages
// 18-70), with and without building the exogenous inputs.
#include <benchmark/benchmark.h>

#include "fastest.hpp"

#include "io/scenario_builder.hpp"
#include "model/engine.hpp"
#include "model/exogenous.hpp"

namespace {

const gapsim::BuiltScenario& baseline() {
  static const gapsim::BuiltScenario built = gapsim::load_and_build(GAPSIM_SOURCE_DIR "/scenarios/baseline.ini");
  return built;
}

// The step loop alone, reusing workspace and results as a Monte Carlo worker would.
void BM_BaselineStepLoop(benchmark::State& state) {
  const gapsim::ExogenousInputs inputs = gapsim::make_exogenous_inputs(baseline().config);
  gapsim::Workspace workspace;
  gapsim::Results results;
  for (auto _ : state) {
    gapsim::Engine::run(inputs, workspace, results);
    benchmark::DoNotOptimize(results.table.data());
  }
}
BENCHMARK(BM_BaselineStepLoop)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", gapsim::bench::fastest);

// A whole run from a built config: exogenous series, then the step loop.
void BM_BaselineFullRun(benchmark::State& state) {
  gapsim::Workspace workspace;
  gapsim::Results results;
  for (auto _ : state) {
    const gapsim::ExogenousInputs inputs = gapsim::make_exogenous_inputs(baseline().config);
    gapsim::Engine::run(inputs, workspace, results);
    benchmark::DoNotOptimize(results.table.data());
  }
}
BENCHMARK(BM_BaselineFullRun)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", gapsim::bench::fastest);

}  // namespace

BENCHMARK_MAIN();  // one main for every benchmark file of gapsim_bench
