// The Monte Carlo study loop.
#include "study/monte_carlo.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <memory>
#include <span>
#include <stdexcept>

#include "study/band_batch.hpp"
#include "study/parallel_for.hpp"
#include "study/study_inputs.hpp"
#include "study/variant_runs.hpp"

namespace gapsim {
namespace {

// How much of its runs' results a worker holds back before adding them to its bands, cell
// by cell. Adding a value costs one bin of the cell's sketch, most likely a cache miss: the
// sketches of all cells take megabytes. The more runs a batch holds, the more of a cell's
// adds fall on bins already in cache (the annual baseline: 2 MB is 790 runs; a Monte Carlo
// run went from 2.0 to 1.85 engine runs, the million-run study from 16.8 s to 14.5 s wall).
constexpr std::size_t k_band_batch_bytes = 2048 * 1024;

}  // namespace

std::pair<std::int64_t, std::int64_t> shard_range(std::int64_t runs, int shard, int shards) {
  return {(shard - 1) * runs / shards, shard * runs / shards};
}

void study_run_values(const UnitDesign& design, const std::vector<UncertainInput>& inputs, const StudyPlan& plan,
                      std::int64_t run, std::span<double> values) {
  design.point(run, values.first(static_cast<std::size_t>(design.dims())));
  unit_to_values(inputs, values);
  if (plan.posterior) {
    apply_posterior_draw(*plan.posterior, plan.seed, run, values);
  }
}

StudyResult run_study(const ScenarioVariants& variants, const std::vector<UncertainInput>& inputs,
                      const StudyPlan& plan, const std::function<void(std::int64_t)>& progress) {
  assert(plan.threads >= 1);
  const int dims = static_cast<int>(inputs.size());  // shown per run
  const UnitDesign design(plan.sampler, design_dimensions(inputs), plan.runs, plan.seed);
  const Results reference = variants.run_base();
  // The year the runs table gives the attack path's predictive probability for: the last
  // report row's, 1 January, whatever the report interval.
  const double last_year = std::floor(reference.at(reference.rows() - 1, Column::time));
  const int rows = reference.rows();
  const int series_count = static_cast<int>(plan.series.size());
  const std::int64_t count = plan.last - plan.first;

  StudyResult result;
  const std::span<const int> years(k_default_summary_years);
  result.values_per_run = dims + static_cast<int>(summary_size(years));
  result.run_values.assign(static_cast<std::size_t>(count * result.values_per_run), 0.0);
  result.series.assign(static_cast<std::size_t>(count * rows * series_count), 0.0);

  // Bands per worker, merged at the end: the merge is exact, so the split does not matter.
  std::vector<BandStats> bands(static_cast<std::size_t>(plan.threads), BandStats(reference.table));
  std::vector<BandBatch> batches;
  const std::size_t table_bytes = static_cast<std::size_t>(reference.table.size()) * sizeof(double);
  for (BandStats& part : bands) {
    batches.emplace_back(part, std::max<std::size_t>(1, k_band_batch_bytes / table_bytes));
  }
  run_variants(
      variants, plan.first, plan.last, plan.threads,
      [&](std::int64_t run, std::span<double> values) {
        study_run_values(design, inputs, plan, run, values);
        double* row = result.run_values.data() + (run - plan.first) * result.values_per_run;
        for (std::size_t j = 0; j < inputs.size(); ++j) {
          row[j] = shown_value(variants, inputs, j, values, last_year);
        }
      },
      [&](int worker, std::int64_t run, const Results& results) {
        batches[static_cast<std::size_t>(worker)].add(results);
        const std::int64_t slot = run - plan.first;
        double* row = result.run_values.data() + slot * result.values_per_run;
        summarize(results, years, {row + dims, summary_size(years)});
        double* series = result.series.data() + slot * rows * series_count;
        for (int r = 0; r < rows; ++r) {
          for (int s = 0; s < series_count; ++s) {
            *series++ = results.at(r, plan.series[static_cast<std::size_t>(s)]);
          }
        }
      },
      progress);

  // Each worker's last partial batch (up to a batch of runs) is added on its own thread.
  parallel_for(0, plan.threads, plan.threads,
               [&](int, std::int64_t worker) { batches[static_cast<std::size_t>(worker)].flush(); }, {});
  // The first part becomes the result (merging it into empty stats would copy every bin
  // into fresh memory, a serial cost that grew to 5% of a 2-thread study).
  result.bands = std::move(bands.front());
  for (std::size_t t = 1; t < bands.size(); ++t) {
    result.bands.merge(bands[t]);
  }
  return result;
}

}  // namespace gapsim
