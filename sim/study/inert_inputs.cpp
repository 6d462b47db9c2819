// The check for declared inputs without effect (one at a time around the medians).
#include "study/inert_inputs.hpp"

#include <algorithm>
#include <span>

#include "study/scenario_variants.hpp"
#include "study/study_inputs.hpp"
#include "study/variant_runs.hpp"

namespace gapsim {
namespace {

bool same_results(const Results& a, const Results& b) {
  return (a.table == b.table).all() && a.peak_shortage == b.peak_shortage && a.peak_time == b.peak_time &&
         a.first_zero_time == b.first_zero_time;
}

}  // namespace

std::vector<std::size_t> inputs_without_effect(const ScenarioVariants& variants,
                                               const std::vector<UncertainInput>& inputs, int threads) {
  // Point 0 is the medians; points 2i+1 and 2i+2 move input i to its 5th and 95th percentile.
  std::vector<std::vector<double>> points{values_at(inputs)};
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    points.push_back(values_at(inputs, i, 0.05));
    points.push_back(values_at(inputs, i, 0.95));
  }
  std::vector<Results> results(points.size());
  run_variants(
      variants, 0, static_cast<std::int64_t>(points.size()), threads,
      [&](std::int64_t point, std::span<double> values) {
        const std::vector<double>& chosen = points[static_cast<std::size_t>(point)];
        std::copy(chosen.begin(), chosen.end(), values.begin());
      },
      [&](int, std::int64_t point, const Results& run) { results[static_cast<std::size_t>(point)] = run; }, {});
  std::vector<std::size_t> inert;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (same_results(results[2 * i + 1], results[0]) && same_results(results[2 * i + 2], results[0])) {
      inert.push_back(i);
    }
  }
  return inert;
}

}  // namespace gapsim
