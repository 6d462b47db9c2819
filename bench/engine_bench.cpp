// Google Benchmark of the engine: one full baseline run (monthly steps, 2013-2030, ages
// 18-70), with and without building the exogenous inputs, and a whole run of every shipped
// scenario (to set beside the same scenario's exported model run in SDEverywhere).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

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

// The shipped scenarios, built once, in name order.
const std::vector<gapsim::BuiltScenario>& shipped() {
  static const std::vector<gapsim::BuiltScenario> scenarios = [] {
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::directory_iterator(GAPSIM_SOURCE_DIR "/scenarios")) {
      if (entry.path().extension() == ".ini") {
        paths.push_back(entry.path().string());
      }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<gapsim::BuiltScenario> built;
    for (const std::string& path : paths) {
      built.push_back(gapsim::load_and_build(path));
    }
    return built;
  }();
  return scenarios;
}

// One shipped scenario's whole run from its built config (argument: its index in name order),
// what `gapsim export` hands SDEverywhere to run.
void BM_ShippedScenarioRun(benchmark::State& state) {
  const gapsim::BuiltScenario& scenario = shipped().at(static_cast<std::size_t>(state.range(0)));
  state.SetLabel(scenario.config.name);
  gapsim::Workspace workspace;
  gapsim::Results results;
  for (auto _ : state) {
    const gapsim::ExogenousInputs inputs = gapsim::make_exogenous_inputs(scenario.config);
    gapsim::Engine::run(inputs, workspace, results);
    benchmark::DoNotOptimize(results.table.data());
  }
}
BENCHMARK(BM_ShippedScenarioRun)
    ->DenseRange(0, static_cast<int>(shipped().size()) - 1)
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("min", gapsim::bench::fastest);

}  // namespace

BENCHMARK_MAIN();  // one main for every benchmark file of gapsim_bench
