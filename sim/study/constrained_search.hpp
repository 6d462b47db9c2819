// One objective under constraints: NLopt's COBYLA (Powell's derivative-free linear
// approximations, inequality constraints handled directly) over the levers scaled to
// [0, 1], then the grid points around its best for stepped levers. COBYLA needs no
// gradients, which the futures' order statistics do not have, and is deterministic.
#pragma once

#include <span>

#include "study/policy_search.hpp"

namespace gapsim {

// Starts from `start` (lever values, within bounds). Every candidate is kept in the result.
// When no candidate meets every constraint, a second COBYLA run from the least infeasible
// one minimises the constraints' total excess, and the result names the best achievable
// candidate instead of an optimum. Throws what the scorer throws.
// REQUIRES: exactly one objective; levers.size() == start.size().
PolicySearch constrained_search(PolicyScorer& scorer, const std::vector<Lever>& levers, std::span<const double> start,
                                const SearchOptions& options);

}  // namespace gapsim
