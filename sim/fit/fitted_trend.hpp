// An attack trend that follows the median path of a fitted forecast.
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

}  // namespace gapsim
