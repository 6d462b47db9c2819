// A Monte Carlo study of one scenario: sample the uncertain inputs for every run, build and
// run each variant, and keep the band statistics, one row per run, and chosen series.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "io/uncertainty.hpp"
#include "model/results.hpp"
#include "model/summary.hpp"
#include "stats/distribution.hpp"
#include "stats/sampling.hpp"
#include "study/band_stats.hpp"
#include "study/scenario_variants.hpp"
#include "study/study_posterior.hpp"

namespace gapsim {

struct StudyPlan {
  std::int64_t runs = 1000;  // runs in the whole study
  std::uint64_t seed = 1;
  SamplerKind sampler = SamplerKind::random;
  std::int64_t first = 0;  // this process's runs: [first, last), a shard of the study
  std::int64_t last = 1000;
  int threads = 1;
  std::vector<Column> series;  // variables kept per run and report step
  // Over a posterior: each run's calibrated keys from one of its draws (study_posterior.hpp).
  std::optional<StudyPosterior> posterior;
};

// Runs [first, last) of a study of `runs` split into `shards`: shard k (1-based) gets
// floor((k-1) runs / shards) up to floor(k runs / shards).
std::pair<std::int64_t, std::int64_t> shard_range(std::int64_t runs, int shard, int shards);

// The values of run `run` of the study `plan` describes, in ScenarioVariants::inputs order:
// point `run` of `design` mapped to the inputs' values (study/study_inputs.hpp), then the
// run's posterior draw when the plan has one. What run_study and replay_run both run.
// Allocates nothing.
void study_run_values(const UnitDesign& design, const std::vector<UncertainInput>& inputs, const StudyPlan& plan,
                      std::int64_t run, std::span<double> values);

struct StudyResult {
  BandStats bands;                 // over runs [first, last)
  int values_per_run = 0;          // sampled inputs, then the summary at k_default_summary_years
  std::vector<double> run_values;  // (last - first) x values_per_run; NaN where a metric is empty
  std::vector<double> series;      // (last - first) x report rows x series.size()
};

// Run i samples point i of the plan's design, maps it to the inputs' values
// (study/study_inputs.hpp: a key's coordinate through its quantile function, the attack
// path's coordinates to a drawn path), builds `variants` with those values and runs it. The
// runs table shows a key's value and the attack path's predictive probability in the last
// report year. The result depends on the plan and i only, whatever the thread count.
// `progress(done)` is called from this thread. REQUIRES: `variants` vary the inputs.
StudyResult run_study(const ScenarioVariants& variants, const std::vector<UncertainInput>& inputs,
                      const StudyPlan& plan, const std::function<void(std::int64_t)>& progress);

}  // namespace gapsim
