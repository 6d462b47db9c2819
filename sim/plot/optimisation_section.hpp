// The report section and figures of a `gapsim optimize` directory (DIR/<scenario>/
// evaluations.csv): for one objective, the optimum's table, the shortage fan of the chosen
// policy against the scenario as written, and the objective of every candidate in the
// order evaluated; for a Pareto search, the front among every candidate evaluated.
#pragma once

#include <filesystem>

#include "plot/report_html.hpp"
#include "plot/section_support.hpp"

namespace gapsim {

bool is_optimisation_directory(const std::filesystem::path& dir);

ReportSection optimisation_section(const std::filesystem::path& dir, FigureSet& set);

}  // namespace gapsim
