// The report section and figures of a `gapsim fit` or `gapsim backtest` directory: the
// observations, each model's median and the forecast's 50/80/95% intervals shaded (held-out
// points marked), or, for a rolling-origin backtest, the scores and coverage by horizon.
#pragma once

#include <filesystem>

#include "plot/report_html.hpp"
#include "plot/section_support.hpp"

namespace gapsim {

// Whether `dir` holds what fit or backtest writes (fit_models.csv or rolling_summary.csv).
bool is_trend_directory(const std::filesystem::path& dir);

ReportSection trend_section(const std::filesystem::path& dir, FigureSet& set);

}  // namespace gapsim
