// What a run produces: one row per report step, one row per calendar year, the state at the
// end of the run, per-programme flows, plus extremes tracked over every time step.
#pragma once

#include <Eigen/Core>
#include <array>
#include <string_view>

namespace gapsim {

// Columns of the time series. Levels are the values at the start of the report step;
// flows are totals over the report step; *_cumulative run to the end of the report step.
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
  cost,                // cost_training + cost_hiring + cost_outsourcing [yen]
  cost_cumulative,     // the three cumulative costs added [yen]
  cost_training,       // programme starters and on-the-job upskilling [yen]
  cost_hiring,         // mid-career hires [yen]
  cost_outsourcing,    // outsourced FTE [yen]
  cost_training_cumulative,
  cost_hiring_cumulative,
  cost_outsourcing_cumulative,
  count
};

constexpr int k_column_count = static_cast<int>(Column::count);

// CSV names, in Column order ("time" is written as year/month by the writers).
std::string_view column_name(Column column);

// True for the columns that are values at an instant (time, levels), false for flows,
// means over a period and cumulative sums.
bool is_level(Column column);

// Columns of the per-programme table, for one programme in one report step.
enum class ProgrammeColumn : int {
  intake,     // starters [persons per report step]
  trainees,   // inside the pipeline at the start of the report step [persons]
  graduates,  // completers [persons per report step]
  entrants,   // completers who enter security work, or for an upskilling programme are upgraded
  cost,       // starters * cost_per_trainee [yen]
  count
};

constexpr int k_programme_column_count = static_cast<int>(ProgrammeColumn::count);

std::string_view programme_column_name(ProgrammeColumn column);

using ResultTable = Eigen::Array<double, Eigen::Dynamic, k_column_count, Eigen::RowMajor>;
using ProgrammeTable = Eigen::Array<double, Eigen::Dynamic, k_programme_column_count, Eigen::RowMajor>;

struct Results {
  ResultTable table;  // one row per report step
  // One row per calendar year of the run, whatever the report step: levels at 1 January,
  // flows summed step by step over the year, cumulative costs to its end.
  ResultTable years;
  // One row: the state after the final step (1 January of end_year + 1) in the level columns;
  // the flow and cumulative columns hold totals over the whole run (the sums of `years`).
  ResultTable end;
  // Row r * programme_count + k: programme k (in configuration order) in report row r. Filled
  // by record_programme_flows (model/programme_flows.hpp), not by the engine.
  ProgrammeTable programmes;
  int programme_count = 0;
  double peak_shortage = 0.0;   // largest shortage at the start of any time step [persons]
  double peak_time = 0.0;       // decimal year of that step
  double first_zero_time = -1;  // decimal year of the first step with no shortage; < 0: never
  // Decimal year of the first step whose domestic demand exceeds the IT workforce; < 0: never.
  double first_demand_over_it_time = -1;
  double peak_demand_it_ratio = 0.0;  // largest domestic demand / IT workforce of any step

  double& at(int row, Column column) { return table(row, static_cast<int>(column)); }
  double at(int row, Column column) const { return table(row, static_cast<int>(column)); }
  int rows() const { return static_cast<int>(table.rows()); }

  double year_at(int year_row, Column column) const { return years(year_row, static_cast<int>(column)); }
  double end_at(Column column) const { return end(0, static_cast<int>(column)); }
  double programme_at(int row, int programme, ProgrammeColumn column) const {
    return programmes(row * programme_count + programme, static_cast<int>(column));
  }
};

}  // namespace gapsim
