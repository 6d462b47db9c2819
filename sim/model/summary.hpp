// Per-scenario headline figures, and their differences from a reference scenario.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "model/results.hpp"

namespace gapsim {

enum class Metric : int {
  shortage_2020,             // shortage at 1 January 2020 [persons]
  skill_gap_2020,            // skill gap at 1 January 2020 [persons]
  final_year,                // calendar year of the last report row
  shortage_final,            // shortage in the last report row [persons]
  skill_gap_final,           // skill gap in the last report row [persons]
  peak_shortage,             // largest shortage at any time step [persons]
  peak_shortage_year,        // calendar year of that step
  first_zero_shortage_year,  // calendar year of the first step without shortage; empty: never
  total_cost,                // spending over the whole run [yen]
  count
};

constexpr int k_metric_count = static_cast<int>(Metric::count);

std::string_view metric_name(Metric metric);

// A metric is empty (nullopt) when it does not exist for the run, e.g. 2020 lies outside it.
using Summary = std::array<std::optional<double>, k_metric_count>;

// The row where the report step starts at 1 January of `year`, or -1.
int row_of_year(const Results& results, int year);

Summary summarize(const Results& results);

// a - b for every metric present in both; empty otherwise.
Summary difference(const Summary& a, const Summary& b);

}  // namespace gapsim
