// The fastest repetition, reported beside mean and median: this VM's speed drifts by up to
// 1.7x between minutes, and the minimum is the figure least disturbed by other tenants.
#pragma once

#include <algorithm>
#include <vector>

namespace gapsim::bench {

inline double fastest(const std::vector<double>& times) { return *std::min_element(times.begin(), times.end()); }

}  // namespace gapsim::bench
