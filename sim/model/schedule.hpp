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
  // Inline where the schedule is flat (before its first point, after its last, or a
  // constant): a study evaluates schedules at every step of every run.
  double at(double t) const {
    if (t <= m_points.front().first) {
      return m_points.front().second;
    }
    if (t >= m_points.back().first) {
      return m_points.back().second;
    }
    return interpolate(t);
  }

  const std::vector<std::pair<double, double>>& points() const { return m_points; }
  // Sets the value of point `index`, keeping its time (a study varying one schedule point).
  // REQUIRES: index < points().size().
  void set_value(std::size_t index, double value) { m_points[index].second = value; }

 private:
  // Linear interpolation between the points around t. REQUIRES: first time < t < last time.
  double interpolate(double t) const;

  std::vector<std::pair<double, double>> m_points;
};

}  // namespace gapsim
