// Headline figures of a run.
#include "model/summary.hpp"

#include <cmath>
#include <limits>

namespace gapsim {

std::string_view metric_name(Metric metric) {
  static constexpr std::array<std::string_view, k_metric_count> k_names = {
      "final_year",          "shortage_end",         "skill_gap_end",
      "workforce_end",       "demand_end",           "domestic_demand_end",
      "peak_shortage",       "peak_shortage_year",   "first_zero_shortage_year",
      "demand_over_it_year", "peak_demand_it_share", "total_cost",
      "total_cost_training", "total_cost_hiring",    "total_cost_outsourcing"};
  return k_names[static_cast<int>(metric)];
}

int row_of_year(const Results& results, int year) {
  for (int row = 0; row < results.rows(); ++row) {
    if (results.at(row, Column::time) == year) {
      return row;
    }
  }
  return -1;
}

std::optional<double> value_in_year(const Results& results, Column column, int year) {
  if (results.years.rows() == 0) {
    return std::nullopt;
  }
  const double first = results.year_at(0, Column::time);
  const double row = year - first;
  const double last = static_cast<double>(results.years.rows()) - 1.0;
  if (row >= 0.0 && row <= last) {
    return results.year_at(static_cast<int>(row), column);
  }
  if (row == last + 1.0 && is_level(column)) {
    return results.end_at(column);
  }
  return std::nullopt;
}

std::optional<double> metric_value(const Results& results, Metric metric) {
  switch (metric) {
    case Metric::final_year: return std::floor(results.end_at(Column::time)) - 1.0;
    case Metric::shortage_end: return results.end_at(Column::shortage);
    case Metric::skill_gap_end: return results.end_at(Column::skill_gap);
    case Metric::workforce_end: return results.end_at(Column::workforce);
    case Metric::demand_end: return results.end_at(Column::demand);
    case Metric::domestic_demand_end: return results.end_at(Column::domestic_demand);
    case Metric::peak_shortage: return results.peak_shortage;
    case Metric::peak_shortage_year: return std::floor(results.peak_time);
    case Metric::first_zero_shortage_year:
      if (results.first_zero_time < 0.0) {
        return std::nullopt;
      }
      return std::floor(results.first_zero_time);
    case Metric::demand_over_it_year:
      if (results.first_demand_over_it_time < 0.0) {
        return std::nullopt;
      }
      return std::floor(results.first_demand_over_it_time);
    case Metric::peak_demand_it_share: return results.peak_demand_it_ratio;
    case Metric::total_cost: return results.end_at(Column::cost_cumulative);
    case Metric::total_cost_training: return results.end_at(Column::cost_training_cumulative);
    case Metric::total_cost_hiring: return results.end_at(Column::cost_hiring_cumulative);
    case Metric::total_cost_outsourcing: return results.end_at(Column::cost_outsourcing_cumulative);
    case Metric::count: break;
  }
  return std::nullopt;
}

std::vector<std::string> summary_names(std::span<const int> years) {
  std::vector<std::string> names;
  names.reserve(summary_size(years));
  for (int m = 0; m < k_metric_count; ++m) {
    names.emplace_back(metric_name(static_cast<Metric>(m)));
  }
  for (const int year : years) {
    for (const Column column : k_year_columns) {
      names.push_back(std::string(column_name(column)) + "_" + std::to_string(year));
    }
  }
  return names;
}

std::size_t summary_size(std::span<const int> years) { return k_metric_count + years.size() * k_year_columns.size(); }

void summarize(const Results& results, std::span<const int> years, std::span<double> out) {
  constexpr double k_empty = std::numeric_limits<double>::quiet_NaN();
  std::size_t i = 0;
  for (int m = 0; m < k_metric_count; ++m) {
    out[i++] = metric_value(results, static_cast<Metric>(m)).value_or(k_empty);
  }
  for (const int year : years) {
    for (const Column column : k_year_columns) {
      out[i++] = value_in_year(results, column, year).value_or(k_empty);
    }
  }
}

Summary summarize(const Results& results, std::span<const int> years) {
  std::vector<double> values(summary_size(years));
  summarize(results, years, values);
  Summary summary(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isnan(values[i])) {
      summary[i] = values[i];
    }
  }
  return summary;
}

Summary difference(const Summary& a, const Summary& b) {
  Summary diff(a.size());
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] && b[i]) {
      diff[i] = *a[i] - *b[i];
    }
  }
  return diff;
}

}  // namespace gapsim
