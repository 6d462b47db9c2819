// The trend of attack volume over time. Fitted curves (fit/fitted_trend.hpp) implement the same
// interface, so the engine never knows where a trend came from.
#pragma once

#include <utility>
#include <vector>

#include "model/schedule.hpp"

namespace gapsim {

class AttackTrend {
 public:
  virtual ~AttackTrend() = default;
  // Attack volume at decimal year t, in the scenario's unit per year (e.g. billion packets/yr).
  virtual double volume(double t) const = 0;
};

// volume(t) = base * (1 + growth)^(t - base_year).
class GrowthTrend final : public AttackTrend {
 public:
  GrowthTrend(double base, double base_year, double growth);
  double volume(double t) const override;

  double base() const { return m_base; }
  double base_year() const { return m_base_year; }
  double growth() const { return m_growth; }

 private:
  double m_base;
  double m_base_year;
  double m_growth;
  double m_log_growth;
};

// A yearly series: the value of year Y stands at t = Y, linear between years, the first
// value before the first year, and last * (1 + growth_after)^(t - last year) after the last.
class SeriesTrend final : public AttackTrend {
 public:
  // REQUIRES: years strictly increasing, at least one point.
  SeriesTrend(std::vector<std::pair<double, double>> year_values, double growth_after);
  double volume(double t) const override;

  const std::vector<std::pair<double, double>>& year_values() const { return m_series.points(); }
  double growth_after() const { return m_growth_after; }

 private:
  Schedule m_series;
  double m_growth_after;
  double m_log_growth_after;
};

}  // namespace gapsim
