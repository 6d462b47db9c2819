// The figures of a `gapsim run` output directory, as scripts in DIR/figures/ that read
// DIR/<scenario>/timeseries.csv and programmes.csv: shortage and skill gap by scenario
// against the reference, and per scenario supply against demand, cumulative cost by kind and
// entrants by programme.
#pragma once

#include <string>
#include <vector>

#include "plot/figure_script.hpp"

namespace gapsim {

struct RunScenario {
  std::string name;
  bool monthly = false;                 // timeseries.csv has a month column
  std::vector<std::string> programmes;  // in programmes.csv's order within a report step
  std::vector<std::string> columns;     // of timeseries.csv (run --columns may leave some out)

  bool has(const std::string& column) const;
};

// `reference` is drawn black and dashed, and listed first; it may be empty. A line whose
// column a scenario's table lacks is left out, and a figure left with no line.
std::vector<Figure> run_figures(const std::vector<RunScenario>& scenarios, const std::string& reference);

// The x value of a row of a time-series table: the year, plus the month's offset when monthly.
std::string time_axis(bool monthly);

}  // namespace gapsim
