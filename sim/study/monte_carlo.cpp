// The Monte Carlo study loop.
#include "study/monte_carlo.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>

#include "study/band_batch.hpp"
#include "study/parallel_for.hpp"
#include "study/study_inputs.hpp"
#include "study/threshold_counts.hpp"
#include "study/variant_runs.hpp"

namespace gapsim {
namespace {

// How much of its runs' results a worker holds back before adding them to its bands, cell
// by cell. Adding a value costs one bin of the cell's sketch, most likely a cache miss: the
// sketches of all cells take megabytes. The more runs a batch holds, the more of a cell's
// adds fall on bins already in cache (the annual baseline: 2 MB is 790 runs; a Monte Carlo
// run went from 2.0 to 1.85 engine runs, the million-run study from 16.8 s to 14.5 s wall).
constexpr std::size_t k_band_batch_bytes = 2048 * 1024;

// What one worker accumulates for one member of a study.
struct MemberPart {
  MemberPart(const ResultTable& reference, const StudyPlan& plan)
      : bands(reference), thresholds(plan.thresholds, static_cast<int>(reference.rows())) {}
  BandStats bands;
  ThresholdCounts thresholds;
  std::optional<PairedDifferences> paired;
};

}  // namespace

std::pair<std::int64_t, std::int64_t> shard_range(std::int64_t runs, int shard, int shards) {
  return {(shard - 1) * runs / shards, shard * runs / shards};
}

int study_design_dimensions(const std::vector<UncertainInput>& inputs, const StudyPlan& plan) {
  return plan.shared_coordinates.empty() ? design_dimensions(inputs) : plan.shared_dimensions;
}

void study_run_values(const UnitDesign& design, const std::vector<UncertainInput>& inputs, const StudyPlan& plan,
                      std::int64_t run, std::span<double> values, std::span<double> scratch) {
  if (plan.shared_coordinates.empty()) {
    design.point(run, values.first(static_cast<std::size_t>(design.dims())));
  } else {
    const std::span<double> point = scratch.first(static_cast<std::size_t>(design.dims()));
    design.point(run, point);
    for (std::size_t j = 0; j < plan.shared_coordinates.size(); ++j) {
      values[j] = point[static_cast<std::size_t>(plan.shared_coordinates[j])];
    }
  }
  unit_to_values(inputs, values);
  if (plan.posterior) {
    apply_posterior_draw(*plan.posterior, plan.seed, run, values);
  }
}

StudyResult run_study(const ScenarioVariants& variants, const std::vector<UncertainInput>& inputs,
                      const StudyPlan& plan, const std::function<void(std::int64_t)>& progress) {
  const StudyMember member{&variants, &inputs, &plan};
  return std::move(run_studies({&member, 1}, std::nullopt, progress).front());
}

std::vector<StudyResult> run_studies(std::span<const StudyMember> members, std::optional<std::size_t> reference,
                                     const std::function<void(std::int64_t)>& progress) {
  const StudyPlan& plan = *members.front().plan;
  assert(plan.threads >= 1);
  const UnitDesign design(plan.sampler, study_design_dimensions(*members.front().inputs, plan), plan.runs, plan.seed);
  std::vector<Results> bases;
  for (const StudyMember& member : members) {
    assert(study_design_dimensions(*member.inputs, *member.plan) == design.dims());
    bases.push_back(member.variants->run_base());
  }
  // Each worker's point of the shared design, in a paired study.
  std::vector<std::vector<double>> scratch(static_cast<std::size_t>(plan.threads),
                                           std::vector<double>(static_cast<std::size_t>(plan.shared_dimensions)));
  // The year the runs table gives the attack path's predictive probability for: the last
  // report row's, 1 January, whatever the report interval.
  const int rows = bases.front().rows();
  const double last_year = std::floor(bases.front().at(rows - 1, Column::time));
  const int series_count = static_cast<int>(plan.series.size());
  const std::int64_t count = plan.last - plan.first;
  const std::span<const int> years(k_default_summary_years);

  std::vector<StudyResult> results(members.size());
  for (std::size_t m = 0; m < members.size(); ++m) {
    StudyResult& result = results[m];
    result.values_per_run = static_cast<int>(members[m].inputs->size() + summary_size(years));
    result.run_values.assign(static_cast<std::size_t>(count * result.values_per_run), 0.0);
    result.series.assign(static_cast<std::size_t>(count * rows * series_count), 0.0);
  }

  // Each worker's parts, merged at the end: the merges are exact, so the split does not
  // matter. parts[worker * members + m]; the batches point into them, so they never move.
  const std::size_t n = members.size();
  std::vector<MemberPart> parts;
  parts.reserve(static_cast<std::size_t>(plan.threads) * n);
  std::vector<BandBatch> batches;                        // of parts[i].bands
  std::vector<std::optional<BandBatch>> paired_batches;  // of parts[i].paired->bands()
  const std::size_t table_bytes = static_cast<std::size_t>(bases.front().table.size()) * sizeof(double);
  const std::size_t batch_runs = std::max<std::size_t>(1, k_band_batch_bytes / table_bytes);
  for (int t = 0; t < plan.threads; ++t) {
    for (std::size_t m = 0; m < n; ++m) {
      MemberPart& part = parts.emplace_back(bases[m].table, *members[m].plan);
      batches.emplace_back(part.bands, batch_runs);
      if (reference && m != *reference) {
        part.paired.emplace(bases[m].table, bases[*reference].table);
      }
    }
  }
  for (MemberPart& part : parts) {
    paired_batches.push_back(part.paired ? std::optional<BandBatch>(std::in_place, part.paired->bands(), batch_runs)
                                         : std::nullopt);
  }
  std::vector<const ScenarioVariants*> variants;
  for (const StudyMember& member : members) {
    variants.push_back(member.variants);
  }
  run_variant_sets(
      variants, plan.first, plan.last, plan.threads,
      [&](int worker, std::size_t m, std::int64_t run, std::span<double> values) {
        const StudyMember& member = members[m];
        study_run_values(design, *member.inputs, *member.plan, run, values, scratch[static_cast<std::size_t>(worker)]);
        StudyResult& result = results[m];
        double* row = result.run_values.data() + (run - plan.first) * result.values_per_run;
        for (std::size_t j = 0; j < member.inputs->size(); ++j) {
          row[j] = shown_value(*member.variants, *member.inputs, j, values, last_year);
        }
      },
      [&](int worker, std::int64_t run, std::span<const Results> runs) {
        const std::int64_t slot = run - plan.first;
        for (std::size_t m = 0; m < n; ++m) {
          const std::size_t i = static_cast<std::size_t>(worker) * n + m;
          const Results& this_run = runs[m];
          batches[i].add(this_run);
          parts[i].thresholds.add(this_run);
          if (parts[i].paired) {
            paired_batches[i]->add_difference(this_run.table, runs[*reference].table);
            parts[i].paired->count(this_run.table, runs[*reference].table);
          }
          StudyResult& result = results[m];
          summarize(this_run, years,
                    {result.run_values.data() + slot * result.values_per_run + members[m].inputs->size(),
                     summary_size(years)});
          double* series = result.series.data() + slot * rows * series_count;
          for (int r = 0; r < rows; ++r) {
            for (int s = 0; s < series_count; ++s) {
              *series++ = this_run.at(r, plan.series[static_cast<std::size_t>(s)]);
            }
          }
        }
      },
      progress);

  // Each worker's last partial batches (up to a batch of runs) are added on its own thread.
  parallel_for(0, plan.threads, plan.threads,
               [&](int, std::int64_t worker) {
                 for (std::size_t m = 0; m < n; ++m) {
                   const std::size_t i = static_cast<std::size_t>(worker) * n + m;
                   batches[i].flush();
                   if (paired_batches[i]) {
                     paired_batches[i]->flush();
                   }
                 }
               },
               {});
  // Worker 0's parts become the results (merging them into empty stats would copy every bin
  // into fresh memory, a serial cost that grew to 5% of a 2-thread study).
  for (std::size_t m = 0; m < n; ++m) {
    StudyResult& result = results[m];
    MemberPart& first = parts[m];
    for (int t = 1; t < plan.threads; ++t) {
      const MemberPart& other = parts[static_cast<std::size_t>(t) * n + m];
      first.bands.merge(other.bands);
      first.thresholds.merge(other.thresholds);
      if (first.paired) {
        first.paired->merge(*other.paired);
      }
    }
    result.bands = std::move(first.bands);
    result.thresholds = std::move(first.thresholds);
    result.paired = std::move(first.paired);
  }
  return results;
}

}  // namespace gapsim
