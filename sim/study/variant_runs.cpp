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

// What one thread owns while it runs its share.
struct Worker {
  explicit Worker(const ScenarioVariants& variants) : variants(variants), values(variants.value_count()) {}
  ScenarioVariants variants;
  Workspace workspace;
  Results results;
  std::vector<double> values;
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
  std::vector<std::unique_ptr<Worker>> workers;
  for (int t = 0; t < threads; ++t) {
    workers.push_back(std::make_unique<Worker>(variants));
  }
  parallel_for(
      first, last, threads,
      [&](int id, std::int64_t index) {
        Worker& w = *workers[static_cast<std::size_t>(id)];
        values_of(index, w.values);
        Engine::run(w.variants.inputs(w.values), w.workspace, w.results);
        if (!w.results.table.allFinite() || !std::isfinite(w.results.peak_shortage)) {
          throw InputError(non_finite_run_text(w.variants, index, w.values, *first_non_finite(w.results)));
        }
        use(id, index, w.results);
      },
      progress);
}

}  // namespace gapsim
