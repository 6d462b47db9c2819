// The shared parallel loop over scenario variants.
#include "study/variant_runs.hpp"

#include <memory>
#include <stdexcept>
#include <vector>

#include "model/engine.hpp"
#include "study/parallel_for.hpp"

namespace gapsim {
namespace {

// What one thread owns while it runs its share.
struct Worker {
  explicit Worker(const ScenarioVariants& variants) : variants(variants), values(variants.keys().size()) {}
  ScenarioVariants variants;
  Workspace workspace;
  Results results;
  std::vector<double> values;
};

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
        if (!w.results.table.allFinite()) {
          throw std::runtime_error("run " + std::to_string(index) + " produced a value that is not finite");
        }
        use(id, index, w.results);
      },
      progress);
}

}  // namespace gapsim
