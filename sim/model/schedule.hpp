// A value that changes over time: piecewise linear between (time, value) points, flat outside.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace gapsim {

class Schedule {
 public:
  // A schedule that is `value` at every time.
  static Schedule constant(double value);

  // REQUIRES: points non-empty, times strictly increasing (decimal calendar years).
  explicit Schedule(std::vector<std::pair<double, double>> points);

  // Value at decimal year t: linear interpolation between neighbouring points; the first
  // point's value before it and the last point's value after it.
  double at(double t) const;

  const std::vector<std::pair<double, double>>& points() const { return m_points; }
  // Sets the value of point `index`, keeping its time (a study varying one schedule point).
  // REQUIRES: index < points().size().
  void set_value(std::size_t index, double value) { m_points[index].second = value; }

 private:
  std::vector<std::pair<double, double>> m_points;
};

}  // namespace gapsim
