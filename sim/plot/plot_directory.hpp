// Figures and the report of an output directory, whichever command wrote it: a run
// (DIR/summary.csv and DIR/<scenario>/timeseries.csv); one Monte Carlo study (DIR/study_state),
// sensitivity analysis (DIR/tornado.csv) or sweep (DIR/sweep.csv), or a set of them
// (DIR/<scenario>/...); a fit or backtest (DIR/fit_models.csv or DIR/rolling_summary.csv); a
// calibration (DIR/calibration_residuals.csv or DIR/posterior_summary.csv). Writes each
// figure's script into a figures/ directory beside the CSVs it reads, renders them with
// gnuplot, and writes DIR/report.html.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plot/figure_script.hpp"

namespace gapsim {

struct PlotRequest {
  FigureFormats formats;
  std::optional<std::string> gnuplot;  // the program; nullopt: scripts and report only
  int parallel = 2;                    // gnuplot processes at a time
  std::string reference;               // a run's reference scenario, drawn apart ("" none)
  std::string subtitle;                // under every title, e.g. the seed; the scenario is added
};

struct PlotOutcome {
  int figures = 0;                    // scripts written
  std::vector<std::string> failures;  // gnuplot runs that failed
  std::string report;                 // the report's path
};

// Throws InputError naming `dir` when it is no output directory gapsim writes.
PlotOutcome plot_output_directory(const std::string& dir, const PlotRequest& request);

}  // namespace gapsim
