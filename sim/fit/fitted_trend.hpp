// Attack trends from a fitted forecast: its median path, and its path at any predictive
// probability.
#pragma once

#include "fit/trend_forecast.hpp"
#include "model/attack_trend.hpp"

namespace gapsim {

class FittedTrend final : public AttackTrend {
 public:
  explicit FittedTrend(TrendForecast forecast) : m_forecast(std::move(forecast)) {}
  double volume(double t) const override { return m_forecast.median(t); }
  const TrendForecast& forecast() const { return m_forecast; }

 private:
  TrendForecast m_forecast;
};

// The value at one predictive probability in every year (the forecast must outlive it).
// Allocates nothing; the median path (0.5) has the bits of FittedTrend.
class QuantilePath final : public AttackTrend {
 public:
  QuantilePath(const TrendForecast& forecast, double probability) : m_forecast(&forecast), m_probability(probability) {}
  double volume(double t) const override { return m_forecast->quantile(t, m_probability); }

 private:
  const TrendForecast* m_forecast;
  double m_probability;
};

}  // namespace gapsim
