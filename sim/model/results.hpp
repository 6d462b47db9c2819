// What a run produces: one row per report step, plus extremes tracked over every time step.
#pragma once

#include <Eigen/Core>
#include <array>
#include <string_view>

namespace gapsim {

// Columns of the time series. Levels are the values at the start of the report step;
// flows are totals over the report step; cost_cumulative runs to the end of the report step.
enum class Column : int {
  time,                // decimal year at the start of the report step
  attack_volume,       // attack volume [scenario unit per year]
  demand,              // total security FTE needed [persons]
  domestic_demand,     // FTE needed from Japanese workers after outsourcing [persons]
  outsourced_share,    // provider share of demand
  workforce,           // qualified + underskilled [persons]
  qualified,           // [persons]
  underskilled,        // [persons]
  trainees,            // people inside programme pipelines [persons]
  graduates,           // programme completers [persons per report step]
  programme_entrants,  // completers of new-entrant programmes joining the workforce [persons/step]
  upskilled,           // under-skilled becoming qualified: rate, capacity, upskilling programmes
  hires,               // mid-career hires from the IT pool [persons/step]
  attrition,           // leavers out of the field [persons/step]
  retirements,         // retirements, including ageing past max age [persons/step]
  shortage,            // max(0, domestic_demand - workforce) [persons]
  skill_gap,           // max(0, domestic_demand - qualified - e * underskilled) [persons]
  open_positions,      // mean over the report step of the open positions hiring works on [persons]
  hiring_cap,          // mean over the report step of the most that may move in from IT [persons/yr]
  it_pool,             // IT workers outside security: IT workforce - workforce, at least 0 [persons]
  threat_index,        // attack volume / attack trend at the start [-]
  cost,                // spending in the report step [yen]
  cost_cumulative,     // spending from the start to the end of the report step [yen]
  count
};

constexpr int k_column_count = static_cast<int>(Column::count);

// CSV names, in Column order ("time" is written as year/month by the writers).
std::string_view column_name(Column column);

using ResultTable = Eigen::Array<double, Eigen::Dynamic, k_column_count, Eigen::RowMajor>;

struct Results {
  ResultTable table;
  double peak_shortage = 0.0;   // largest shortage at the start of any time step [persons]
  double peak_time = 0.0;       // decimal year of that step
  double first_zero_time = -1;  // decimal year of the first step with no shortage; < 0: never
  // Decimal year of the first step whose domestic demand exceeds the IT workforce; < 0: never.
  double first_demand_over_it_time = -1;
  double peak_demand_it_ratio = 0.0;  // largest domestic demand / IT workforce of any step

  double& at(int row, Column column) { return table(row, static_cast<int>(column)); }
  double at(int row, Column column) const { return table(row, static_cast<int>(column)); }
  int rows() const { return static_cast<int>(table.rows()); }
};

}  // namespace gapsim
