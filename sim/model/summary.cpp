// Headline figures of a run.
#include "model/summary.hpp"

#include <cmath>

namespace gapsim {

std::string_view metric_name(Metric metric) {
  static constexpr std::array<std::string_view, k_metric_count> k_names = {
      "shortage_2020",      "skill_gap_2020",           "final_year",
      "shortage_final",     "skill_gap_final",          "peak_shortage",
      "peak_shortage_year", "first_zero_shortage_year", "total_cost"};
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

Summary summarize(const Results& results) {
  Summary summary;
  auto set = [&summary](Metric metric, double value) { summary[static_cast<int>(metric)] = value; };
  const int row_2020 = row_of_year(results, 2020);
  if (row_2020 >= 0) {
    set(Metric::shortage_2020, results.at(row_2020, Column::shortage));
    set(Metric::skill_gap_2020, results.at(row_2020, Column::skill_gap));
  }
  const int last = results.rows() - 1;
  set(Metric::final_year, std::floor(results.at(last, Column::time)));
  set(Metric::shortage_final, results.at(last, Column::shortage));
  set(Metric::skill_gap_final, results.at(last, Column::skill_gap));
  set(Metric::peak_shortage, results.peak_shortage);
  set(Metric::peak_shortage_year, std::floor(results.peak_time));
  if (results.first_zero_time >= 0.0) {
    set(Metric::first_zero_shortage_year, std::floor(results.first_zero_time));
  }
  set(Metric::total_cost, results.at(last, Column::cost_cumulative));
  return summary;
}

Summary difference(const Summary& a, const Summary& b) {
  Summary diff;
  for (int i = 0; i < k_metric_count; ++i) {
    if (a[i] && b[i]) {
      diff[i] = *a[i] - *b[i];
    }
  }
  return diff;
}

}  // namespace gapsim
