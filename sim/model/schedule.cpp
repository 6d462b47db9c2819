// Piecewise-linear schedules.
#include "model/schedule.hpp"

#include <algorithm>
#include <cassert>

namespace gapsim {

Schedule Schedule::constant(double value) { return Schedule({{0.0, value}}); }

Schedule::Schedule(std::vector<std::pair<double, double>> points) : m_points(std::move(points)) {
  assert(!m_points.empty());
}

double Schedule::interpolate(double t) const {
  auto upper =
      std::upper_bound(m_points.begin(), m_points.end(), t, [](double x, const auto& p) { return x < p.first; });
  const auto& [t1, v1] = *upper;
  const auto& [t0, v0] = *(upper - 1);
  return v0 + (v1 - v0) * (t - t0) / (t1 - t0);
}

}  // namespace gapsim
