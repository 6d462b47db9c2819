// Google Benchmark of Monte Carlo throughput: the baseline with its declared uncertain inputs,
// sampled, built and run, with band statistics, on 1 and 2 threads (wall-clock time, since
// the point is how the threads share the work).
#include <benchmark/benchmark.h>

#include <chrono>

#include "model/engine.hpp"
#include "study/band_batch.hpp"
#include "study/band_stats.hpp"
#include "study/study_inputs.hpp"

#include "fastest.hpp"
#include "io/uncertainty.hpp"
#include "study/monte_carlo.hpp"
#include "study/shared_design.hpp"
#include "study/uncertain_scenario.hpp"

namespace {

// The baseline's declared study, ready to run.
struct BaselineStudy {
  BaselineStudy()
      : raw(gapsim::load_scenario(GAPSIM_SOURCE_DIR "/scenarios/baseline.ini", gapsim::read_disk_file)),
        variants(raw, gapsim::read_disk_file) {
    inputs = gapsim::read_uncertain_inputs(raw, variants.base());
    variants.vary(gapsim::varied_keys(inputs), gapsim::VariantBuild::set_fields, inputs.back().attack_path);
  }
  double run(std::int64_t runs, int threads) const {
    gapsim::StudyPlan plan;
    plan.runs = runs;
    plan.first = 0;
    plan.last = runs;
    plan.threads = threads;
    const gapsim::StudyResult result = gapsim::run_study(variants, inputs, plan, {});
    benchmark::DoNotOptimize(result.bands.runs());
    return static_cast<double>(result.bands.runs());
  }
  gapsim::RawScenario raw;
  gapsim::ScenarioVariants variants;
  std::vector<gapsim::UncertainInput> inputs;
};

void BM_MonteCarloBaseline(benchmark::State& state) {
  const BaselineStudy study;
  const std::int64_t runs = 4000;
  for (auto _ : state) {
    study.run(runs, static_cast<int>(state.range(0)));
  }
  state.SetItemsProcessed(state.iterations() * runs);  // runs per second
}
BENCHMARK(BM_MonteCarloBaseline)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->ComputeStatistics("min", gapsim::bench::fastest);

// The 2-thread speed-up measured in pairs: each iteration times the same 10,000-run study on
// 1 thread and then at once on 2, so the VM's speed drift (up to 1.7x over minutes) mostly
// cancels out of the ratio instead of landing on one side of it. 10,000 runs make the
// per-study serial work (reference run, merging the bands) under 1% of either time.
void BM_MonteCarloSpeedup(benchmark::State& state) {
  const BaselineStudy study;
  const std::int64_t runs = 10000;
  double ratio_sum = 0.0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    study.run(runs, 1);
    const auto middle = std::chrono::steady_clock::now();
    study.run(runs, 2);
    const auto end = std::chrono::steady_clock::now();
    ratio_sum +=
        std::chrono::duration<double>(middle - start).count() / std::chrono::duration<double>(end - middle).count();
  }
  state.counters["speedup"] = benchmark::Counter(ratio_sum, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_MonteCarloSpeedup)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->ComputeStatistics("min", gapsim::bench::fastest);

// What a Monte Carlo run costs against one engine run, measured in pairs: each iteration
// times a 2,000-run 1-thread study of the baseline (7 inputs sampled and set, the exogenous
// series they feed recomputed, the run, its bands, its row of the runs table), then 2,000
// runs of the engine alone on the baseline's inputs (BM_BaselineStepLoop's work). `ratio` is
// the first time over the second; `study_us` and `engine_us` are per run.
void BM_MonteCarloRunCost(benchmark::State& state) {
  const BaselineStudy study;
  const std::int64_t runs = 2000;
  const gapsim::ExogenousInputs inputs = gapsim::make_exogenous_inputs(study.variants.base().config);
  gapsim::Workspace workspace;
  gapsim::Results results;
  double study_seconds = 0.0;
  double engine_seconds = 0.0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    study.run(runs, 1);
    const auto middle = std::chrono::steady_clock::now();
    for (std::int64_t i = 0; i < runs; ++i) {
      gapsim::Engine::run(inputs, workspace, results);
      benchmark::DoNotOptimize(results.table.data());
    }
    const auto end = std::chrono::steady_clock::now();
    study_seconds += std::chrono::duration<double>(middle - start).count();
    engine_seconds += std::chrono::duration<double>(end - middle).count();
  }
  const double per_run = 1e6 / static_cast<double>(runs);
  state.counters["ratio"] = benchmark::Counter(study_seconds / engine_seconds);
  state.counters["study_us"] = benchmark::Counter(study_seconds * per_run, benchmark::Counter::kAvgIterations);
  state.counters["engine_us"] = benchmark::Counter(engine_seconds * per_run, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_MonteCarloRunCost)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->ComputeStatistics("min", gapsim::bench::fastest);

// Where a Monte Carlo run's time goes besides the engine: making the variant (the sampled
// values set on the configuration, an attack path drawn, the exogenous series they feed
// recomputed) ...
void BM_VariantInputs(benchmark::State& state) {
  BaselineStudy study;
  const gapsim::UnitDesign design(gapsim::SamplerKind::random, gapsim::design_dimensions(study.inputs), 1000, 1);
  std::vector<std::vector<double>> samples(1000, std::vector<double>(study.variants.value_count()));
  for (std::size_t i = 0; i < samples.size(); ++i) {
    design.point(static_cast<std::int64_t>(i), std::span(samples[i]).first(static_cast<std::size_t>(design.dims())));
    gapsim::unit_to_values(study.inputs, samples[i]);
  }
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(study.variants.inputs(samples[i]).demand.data());
    i = (i + 1) % samples.size();
  }
}
BENCHMARK(BM_VariantInputs)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", gapsim::bench::fastest);

// ... and adding a run to the bands (324 cells of the annual baseline, in batches as a
// study adds them).
void BM_BandsAdd(benchmark::State& state) {
  const BaselineStudy study;
  const gapsim::Results reference = study.variants.run_base();
  gapsim::BandStats bands(reference.table);
  gapsim::BandBatch batch(bands, 71);
  gapsim::Results run = reference;
  double shift = 0.0;
  for (auto _ : state) {
    shift += 1.0;  // a different run each time, so the sketch bins spread as in a study
    run.table = reference.table + shift;
    batch.add(run);
  }
  batch.flush();
  benchmark::DoNotOptimize(bands.runs());
}
BENCHMARK(BM_BandsAdd)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", gapsim::bench::fastest);

// A paired study (mc --reference) against its two studies run apart, timed in pairs on one
// thread: 2,000 runs of the baseline and the outsourcing push on one shared design, with the
// differences' bands and counts, over the same two studies one after the other. The ratio is
// what pairing costs beyond the runs themselves.
void BM_PairedStudyCost(benchmark::State& state) {
  const gapsim::UncertainScenario baseline(GAPSIM_SOURCE_DIR "/scenarios/baseline.ini", gapsim::read_disk_file);
  const gapsim::UncertainScenario push(GAPSIM_SOURCE_DIR "/scenarios/outsourcing_push.ini", gapsim::read_disk_file);
  gapsim::StudyPlan plan;
  plan.runs = 2000;
  plan.first = 0;
  plan.last = plan.runs;
  std::vector<gapsim::StudyPlan> plans(2, plan);
  const std::vector<const std::vector<gapsim::UncertainInput>*> inputs = {&baseline.inputs, &push.inputs};
  gapsim::share_design(plans, inputs, 0);
  const gapsim::StudyMember members[] = {{&baseline.variants, &baseline.inputs, &plans[0]},
                                         {&push.variants, &push.inputs, &plans[1]}};
  double paired_seconds = 0.0;
  double apart_seconds = 0.0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const auto paired = gapsim::run_studies(members, 0, {});
    const auto middle = std::chrono::steady_clock::now();
    const auto a = gapsim::run_study(baseline.variants, baseline.inputs, plan, {});
    const auto b = gapsim::run_study(push.variants, push.inputs, plan, {});
    const auto end = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(paired.back().paired->pairs() + a.bands.runs() + b.bands.runs());
    paired_seconds += std::chrono::duration<double>(middle - start).count();
    apart_seconds += std::chrono::duration<double>(end - middle).count();
  }
  state.counters["paired_ms"] = benchmark::Counter(paired_seconds * 1e3, benchmark::Counter::kAvgIterations);
  state.counters["apart_ms"] = benchmark::Counter(apart_seconds * 1e3, benchmark::Counter::kAvgIterations);
  state.counters["ratio"] = paired_seconds / apart_seconds;
}
BENCHMARK(BM_PairedStudyCost)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->ComputeStatistics("min", gapsim::bench::fastest);

}  // namespace
