// Declared uncertain inputs that change nothing: a study over them spends runs and reports
// indices of exactly zero, which usually means a declaration that cannot work as meant (a
// constant outsourcing share cancels against the demand anchored to the start, for example).
#pragma once

#include <cstddef>
#include <vector>

#include "io/uncertainty.hpp"

namespace gapsim {

class ScenarioVariants;

// Indices of the inputs that leave every output column of every report row, and the run's
// extremes, bit for bit unchanged when moved alone from their median to their 5th and to
// their 95th percentile (1 + 2 d runs). `variants` must vary the inputs' keys.
std::vector<std::size_t> inputs_without_effect(const ScenarioVariants& variants,
                                               const std::vector<UncertainInput>& inputs, int threads);

}  // namespace gapsim
