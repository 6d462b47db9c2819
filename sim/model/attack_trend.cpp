// Attack-volume trends given directly by a scenario.
#include "model/attack_trend.hpp"

#include <cmath>

namespace gapsim {

GrowthTrend::GrowthTrend(double base, double base_year, double growth)
    : m_base(base), m_base_year(base_year), m_growth(growth), m_log_growth(std::log1p(growth)) {}

double GrowthTrend::volume(double t) const { return m_base * std::exp(m_log_growth * (t - m_base_year)); }

SeriesTrend::SeriesTrend(std::vector<std::pair<double, double>> year_values, double growth_after)
    : m_series(std::move(year_values)), m_growth_after(growth_after), m_log_growth_after(std::log1p(growth_after)) {}

double SeriesTrend::volume(double t) const {
  const auto& [last_year, last_value] = m_series.points().back();
  if (t > last_year) {
    return last_value * std::exp(m_log_growth_after * (t - last_year));
  }
  return m_series.at(t);
}

}  // namespace gapsim
