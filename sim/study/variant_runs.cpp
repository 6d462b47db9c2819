// The shared parallel loop over scenario variants.
#include "study/variant_runs.hpp"

#include <cmath>
#include <memory>
#include <vector>

#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "model/engine.hpp"
#include "model/non_finite.hpp"
#include "study/parallel_for.hpp"

namespace gapsim {
namespace {

// What one thread owns while it runs its share: a copy of each scenario's variants with
// its workspace and values, and each scenario's results, side by side for `use`.
struct Worker {
  struct Variant {
    explicit Variant(const ScenarioVariants& variants) : variants(variants), values(variants.value_count()) {}
    ScenarioVariants variants;
    Workspace workspace;
    std::vector<double> values;
  };
  explicit Worker(std::span<const ScenarioVariants* const> scenarios) : results(scenarios.size()) {
    for (const ScenarioVariants* variants : scenarios) {
      variants_of.emplace_back(*variants);
    }
  }
  std::vector<Variant> variants_of;
  std::vector<Results> results;
};

// "run 12 (hiring.delay = 1e-300): workforce is not finite in 2031 (it is computed from ...)"
std::string non_finite_run_text(const ScenarioVariants& variants, std::int64_t index, std::span<const double> values,
                                const NonFiniteCell& cell) {
  std::string text = "run " + std::to_string(index) + " (";
  for (std::size_t k = 0; k < variants.keys().size(); ++k) {
    text += (k == 0 ? "" : ", ") + variants.keys()[k].label + " = " + format_number(values[k]);
  }
  if (variants.varies_attack_path()) {
    text += std::string(variants.keys().empty() ? "" : ", ") + "a drawn attack path";
  }
  return text + "): " + non_finite_text(cell);
}

}  // namespace

void run_variants(const ScenarioVariants& variants, std::int64_t first, std::int64_t last, int threads,
                  const std::function<void(std::int64_t, std::span<double>)>& values_of,
                  const std::function<void(int, std::int64_t, const Results&)>& use,
                  const std::function<void(std::int64_t)>& progress) {
  const ScenarioVariants* const scenarios[] = {&variants};
  run_variant_sets(
      scenarios, first, last, threads,
      [&](int, std::size_t, std::int64_t index, std::span<double> values) { values_of(index, values); },
      [&](int worker, std::int64_t index, std::span<const Results> results) { use(worker, index, results[0]); },
      progress);
}

void run_variant_sets(std::span<const ScenarioVariants* const> scenarios, std::int64_t first, std::int64_t last,
                      int threads,
                      const std::function<void(int, std::size_t, std::int64_t, std::span<double>)>& values_of,
                      const std::function<void(int, std::int64_t, std::span<const Results>)>& use,
                      const std::function<void(std::int64_t)>& progress) {
  std::vector<std::unique_ptr<Worker>> workers;
  for (int t = 0; t < threads; ++t) {
    workers.push_back(std::make_unique<Worker>(scenarios));
  }
  parallel_for(
      first, last, threads,
      [&](int id, std::int64_t index) {
        Worker& w = *workers[static_cast<std::size_t>(id)];
        for (std::size_t s = 0; s < scenarios.size(); ++s) {
          Worker::Variant& v = w.variants_of[s];
          Results& results = w.results[s];
          values_of(id, s, index, v.values);
          Engine::run(v.variants.inputs(v.values), v.workspace, results);
          if (!results.table.allFinite() || !std::isfinite(results.peak_shortage)) {
            throw InputError(non_finite_run_text(v.variants, index, v.values, *first_non_finite(results)));
          }
        }
        use(id, index, w.results);
      },
      progress);
}

}  // namespace gapsim
