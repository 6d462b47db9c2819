// Two or three objectives: pagmo's NSGA-II (non-dominated sorting with crowding distance)
// over the levers, every candidate snapped to its levers' grids before it is evaluated; the
// front is taken over every candidate evaluated, not only the last generation.
#pragma once

#include <span>

#include "study/policy_search.hpp"

namespace gapsim {

// The first generation is `start` and population - 1 points drawn by pagmo from
// options.seed. Throws what the scorer throws. REQUIRES: 2 or 3 objectives, no constraint;
// options.population a multiple of 4 and >= 8.
PolicySearch pareto_search(PolicyScorer& scorer, const std::vector<Lever>& levers, std::span<const double> start,
                           const SearchOptions& options);

}  // namespace gapsim
