// Interval widening from out-of-sample excess ratios.
#include "fit/interval_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace gapsim {

double interval_excess_ratio(double median, Interval interval, double observed) {
  const double distance = std::log(observed / median);
  if (distance == 0.0) {
    return 0.0;
  }
  const double half_width = distance > 0.0 ? std::log(interval.hi / median) : std::log(median / interval.lo);
  return half_width > 0.0 ? std::abs(distance) / half_width : std::numeric_limits<double>::infinity();
}

double widening_factor(std::span<const double> ratios, double level) {
  if (ratios.empty()) {
    return 1.0;
  }
  std::vector<double> sorted(ratios.begin(), ratios.end());
  std::sort(sorted.begin(), sorted.end());
  const auto needed = static_cast<std::size_t>(std::ceil(level * static_cast<double>(sorted.size()) - 1e-9));
  return std::max(1.0, sorted[std::max<std::size_t>(needed, 1) - 1]);
}

Interval widen_interval(double median, Interval interval, double factor) {
  return {median * std::pow(interval.lo / median, factor), median * std::pow(interval.hi / median, factor)};
}

}  // namespace gapsim
