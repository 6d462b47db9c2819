// The figures of a `gapsim run` output directory, as scripts in DIR/figures/ that read
// DIR/<scenario>/timeseries.csv and programmes.csv: shortage and skill gap by scenario
// against the reference, and per scenario supply against demand, cumulative cost by kind and
// entrants by programme; a monthly scenario's event windows shaded.
#pragma once

#include <string>
#include <vector>

#include "plot/figure_script.hpp"

namespace gapsim {

// An event's window in decimal years (year + (month - 1 + day fraction) / 12, as the monthly
// time axis counts), inclusive of its last day.
struct EventWindow {
  std::string name;
  double start = 0.0;
  double end = 0.0;
};

struct RunScenario {
  std::string name;
  bool monthly = false;                 // timeseries.csv has a month column
  std::vector<std::string> programmes;  // in programmes.csv's order within a report step
  std::vector<std::string> columns;     // of timeseries.csv (run --columns may leave some out)
  std::vector<EventWindow> events;      // shaded in its figures when monthly

  bool has(const std::string& column) const;
};

// `reference` is drawn black and dashed, and listed first; it may be empty. A line whose
// column a scenario's table lacks is left out, and a figure left with no line.
std::vector<Figure> run_figures(const std::vector<RunScenario>& scenarios, const std::string& reference);

// The windows of the [event.NAME] sections (start, end = YYYY-MM-DD) in a run's manifest.
std::vector<EventWindow> manifest_event_windows(const std::string& manifest);

// The x value of a row of a time-series table: the year, plus the month's offset when monthly.
std::string time_axis(bool monthly);

}  // namespace gapsim
