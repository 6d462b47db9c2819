// The report section and figures of a `gapsim calibrate` directory: the targets against the
// model (least squares: before and after; posterior: the observation's 90% error bar, the
// model's posterior band and the predictive interval), and for a posterior its marginal
// histograms, pairwise scatter and trace plots.
#pragma once

#include <filesystem>

#include "plot/report_html.hpp"
#include "plot/section_support.hpp"

namespace gapsim {

// Whether `dir` holds what calibrate writes (calibration_residuals.csv or posterior.csv).
bool is_calibration_directory(const std::filesystem::path& dir);

ReportSection calibration_section(const std::filesystem::path& dir, FigureSet& set);

}  // namespace gapsim
