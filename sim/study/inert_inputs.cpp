// The check for declared inputs without effect (one at a time around the medians).
#include "study/inert_inputs.hpp"

#include <algorithm>
#include <span>

#include "study/scenario_variants.hpp"
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
  std::vector<double> centre;
  for (const UncertainInput& input : inputs) {
    centre.push_back(input.distribution.median());
  }
  // Point 0 is the medians; points 2i+1 and 2i+2 move input i to its 5th and 95th percentile.
  const auto points = static_cast<std::int64_t>(1 + 2 * inputs.size());
  std::vector<Results> results(static_cast<std::size_t>(points));
  run_variants(
      variants, 0, points, threads,
      [&](std::int64_t point, std::span<double> values) {
        std::copy(centre.begin(), centre.end(), values.begin());
        if (point > 0) {
          const auto input = static_cast<std::size_t>((point - 1) / 2);
          values[input] = inputs[input].distribution.quantile(point % 2 == 1 ? 0.05 : 0.95);
        }
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
