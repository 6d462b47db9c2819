// Per-scenario headline figures, and their differences from a reference scenario. None depends
// on the report step: levels come from 1 January or the end of the run, flows are summed over
// calendar years step by step (Results::years, Results::end).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/results.hpp"

namespace gapsim {

// The metrics every summary has, whatever years it names.
enum class Metric : int {
  final_year,                // last simulated year, time.end_year
  shortage_end,              // shortage after the final step, 1 January of final_year + 1 [persons]
  skill_gap_end,             // skill gap then [persons]
  workforce_end,             // workforce then [persons]
  demand_end,                // total demand then [persons]
  domestic_demand_end,       // domestic demand then [persons]
  peak_shortage,             // largest shortage at any time step [persons]
  peak_shortage_year,        // calendar year of that step
  first_zero_shortage_year,  // calendar year of the first step without shortage; empty: never
  demand_over_it_year,       // calendar year of the first step whose domestic demand exceeds the
                             // IT workforce (hiring.pool); empty: never
  peak_demand_it_share,      // largest domestic demand / IT workforce of any step
  total_cost,                // spending over the whole run [yen]
  total_cost_training,       // of which programme starters and on-the-job upskilling [yen]
  total_cost_hiring,         // of which mid-career hires [yen]
  total_cost_outsourcing,    // of which outsourced FTE [yen]
  count
};

constexpr int k_metric_count = static_cast<int>(Metric::count);

std::string_view metric_name(Metric metric);

// The columns a summary gives for each year it names, as "<column>_<year>": levels at
// 1 January of the year, flows summed over the calendar year.
inline constexpr std::array<Column, 7> k_year_columns = {
    Column::shortage,  Column::skill_gap,          Column::workforce, Column::hires,
    Column::upskilled, Column::programme_entrants, Column::cost};

// The years a summary names when none are chosen (each empty when outside the run).
inline constexpr std::array<int, 2> k_default_summary_years = {2020, 2030};

// The report row that starts at 1 January of `year`, or -1.
int row_of_year(const Results& results, int year);

// `column` in calendar year `year`: a level at 1 January of `year` (end_year + 1 gives the
// state after the final step), a flow or cost summed over the year, a cumulative cost to its
// end. Empty when the run does not reach that time.
std::optional<double> value_in_year(const Results& results, Column column, int year);

// The value of one of the fixed metrics; empty when it does not exist for the run.
std::optional<double> metric_value(const Results& results, Metric metric);

// The summary's values in the order of summary_names: every Metric, then k_year_columns for
// each year of `years` in turn. Empty values are std::nullopt.
using Summary = std::vector<std::optional<double>>;

std::vector<std::string> summary_names(std::span<const int> years);
std::size_t summary_size(std::span<const int> years);

// Fills `out` (summary_size(years) values) without allocating; empty values become NaN.
void summarize(const Results& results, std::span<const int> years, std::span<double> out);
Summary summarize(const Results& results, std::span<const int> years);

// a - b for every value present in both; empty otherwise. REQUIRES: same size.
Summary difference(const Summary& a, const Summary& b);

}  // namespace gapsim
