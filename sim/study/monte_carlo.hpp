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
#include "study/paired_differences.hpp"
#include "study/scenario_variants.hpp"
#include "study/study_posterior.hpp"
#include "study/threshold_counts.hpp"

namespace gapsim {

struct StudyPlan {
  std::int64_t runs = 1000;  // runs in the whole study
  std::uint64_t seed = 1;
  SamplerKind sampler = SamplerKind::random;
  std::int64_t first = 0;  // this process's runs: [first, last), a shard of the study
  std::int64_t last = 1000;
  int threads = 1;
  std::vector<Column> series;  // variables kept per run and report step
  // Shortages [persons] whose probabilities the study counts (threshold_counts.hpp).
  std::vector<double> thresholds{0.0};
  // Over a posterior: each run's calibrated keys from one of its draws (study_posterior.hpp).
  std::optional<StudyPosterior> posterior;
  // In a paired study, the design the scenarios share (shared_design.hpp): its dimensions,
  // and the coordinate of it that each of this scenario's design coordinates takes. Empty:
  // the scenario's own design.
  int shared_dimensions = 0;
  std::vector<int> shared_coordinates;
};

// The dimensions of the design a study of `inputs` under `plan` draws from.
int study_design_dimensions(const std::vector<UncertainInput>& inputs, const StudyPlan& plan);

// Runs [first, last) of a study of `runs` split into `shards`: shard k (1-based) gets
// floor((k-1) runs / shards) up to floor(k runs / shards).
std::pair<std::int64_t, std::int64_t> shard_range(std::int64_t runs, int shard, int shards);

// The values of run `run` of the study `plan` describes, in ScenarioVariants::inputs order:
// point `run` of `design` (in a paired study, the scenario's coordinates of the shared
// design's point, which `scratch` holds) mapped to the inputs' values (study_inputs.hpp),
// then the run's posterior draw when the plan has one. What run_study and replay_run both
// run. Allocates nothing. REQUIRES: design.dims() == study_design_dimensions(inputs, plan);
// scratch.size() >= plan.shared_dimensions.
void study_run_values(const UnitDesign& design, const std::vector<UncertainInput>& inputs, const StudyPlan& plan,
                      std::int64_t run, std::span<double> values, std::span<double> scratch);

struct StudyResult {
  BandStats bands;                          // over runs [first, last)
  int values_per_run = 0;                   // sampled inputs, then the summary at k_default_summary_years
  std::vector<double> run_values;           // (last - first) x values_per_run; NaN where a metric is empty
  std::vector<double> series;               // (last - first) x report rows x series.size()
  ThresholdCounts thresholds;               // of plan.thresholds, over the same runs
  std::optional<PairedDifferences> paired;  // against the reference, in a paired study
};

// Run i samples point i of the plan's design, maps it to the inputs' values
// (study/study_inputs.hpp: a key's coordinate through its quantile function, the attack
// path's coordinates to a drawn path), builds `variants` with those values and runs it. The
// runs table shows a key's value and the attack path's predictive probability in the last
// report year. The result depends on the plan and i only, whatever the thread count.
// `progress(done)` is called from this thread. REQUIRES: `variants` vary the inputs.
StudyResult run_study(const ScenarioVariants& variants, const std::vector<UncertainInput>& inputs,
                      const StudyPlan& plan, const std::function<void(std::int64_t)>& progress);

// One scenario of a study of several on common random numbers, with its own plan (the
// plans differ only in their posterior, which each scenario matches to its own inputs).
struct StudyMember {
  const ScenarioVariants* variants;
  const std::vector<UncertainInput>* inputs;
  const StudyPlan* plan;
};

// Runs the members' studies together: run i of every member takes point i of one design,
// so members with the same inputs take the same values (common random numbers), and each
// member's result is the one run_study gives it alone. With a reference, every other
// member's result holds its differences from the reference, run by run.
// REQUIRES: the members' plans differ only in their posterior and shared coordinates, and
// their runs as written have the same report times.
std::vector<StudyResult> run_studies(std::span<const StudyMember> members, std::optional<std::size_t> reference,
                                     const std::function<void(std::int64_t)>& progress);

}  // namespace gapsim
