// Policy optimisation of the shipped policy mix: three levers (RISS intake, university places,
// outsourcing share), 1,000 futures per candidate on common random numbers, COBYLA under the
// chance constraint P(shortage in 2030 <= 300,000) >= 0.5, on 1 or 2 threads: wall time,
// candidates evaluated per second and model runs per second.
#include <benchmark/benchmark.h>

#include "fastest.hpp"
#include "io/scenario_loader.hpp"
#include "study/policy_study.hpp"

namespace gapsim {
namespace {

void BM_OptimizePolicyMix(benchmark::State& state) {
  const PolicyScenario scenario(GAPSIM_SOURCE_DIR "/scenarios/policy_mix.ini", read_disk_file);
  PolicyStudyOptions options;
  options.objectives = {parse_objective("total_cost", false).value()};
  options.constraints = {parse_constraint("shortage@2030 <= 300000 with probability 0.5").value()};
  options.plan.runs = 1000;
  options.plan.last = 1000;
  options.plan.threads = static_cast<int>(state.range(0));
  options.fresh_seed = default_fresh_seed(options.plan.seed);
  options.extends_path = "policy_mix.ini";
  std::int64_t candidates = 0;
  for (auto _ : state) {
    const PolicyStudyOutput output = run_policy_study(scenario, options);
    candidates = output.evaluations;
  }
  // Each candidate runs every future; the check adds the optimum on fresh futures, the levers
  // as written, and the two fans.
  const double runs = static_cast<double>((candidates + 4) * options.plan.runs);
  state.counters["candidates"] = static_cast<double>(candidates);
  state.counters["candidates_per_s"] = benchmark::Counter(static_cast<double>(candidates), benchmark::Counter::kIsRate);
  state.counters["model_runs_per_s"] = benchmark::Counter(runs, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_OptimizePolicyMix)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->Repetitions(3)
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->ComputeStatistics("min", gapsim::bench::fastest);

}  // namespace
}  // namespace gapsim
