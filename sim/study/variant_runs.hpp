// Runs many variants of one scenario on several threads: the loop that Monte Carlo studies,
// sweeps and sensitivity analyses share.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "model/results.hpp"
#include "study/scenario_variants.hpp"

namespace gapsim {

// For every index in [first, last): values_of(index, values) fills the values of
// variants.keys(), the variant is built and run, and use(worker, index, results) sees the
// results (on worker thread `worker` in [0, threads); write only to slots of `index` or of
// `worker`). Each worker has its own copy of `variants`. progress(done) is called from this
// thread. A non-finite result is an error naming the index.
void run_variants(const ScenarioVariants& variants, std::int64_t first, std::int64_t last, int threads,
                  const std::function<void(std::int64_t index, std::span<double> values)>& values_of,
                  const std::function<void(int worker, std::int64_t index, const Results& results)>& use,
                  const std::function<void(std::int64_t done)>& progress);

// As run_variants for several scenarios run on the same indices (a paired study): for every
// index each scenario's values are filled (values_of(worker, scenario, index, values)) and its
// variant is run, then use(worker, index, results) sees all the results, in scenario order.
void run_variant_sets(std::span<const ScenarioVariants* const> scenarios, std::int64_t first, std::int64_t last,
                      int threads,
                      const std::function<void(int worker, std::size_t scenario, std::int64_t index,
                                               std::span<double> values)>& values_of,
                      const std::function<void(int worker, std::int64_t index, std::span<const Results> results)>& use,
                      const std::function<void(std::int64_t done)>& progress);

}  // namespace gapsim
