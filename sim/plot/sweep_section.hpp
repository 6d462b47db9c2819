// The report section and figures of a `gapsim sweep` directory (DIR/<scenario>/sweep.csv):
// for one swept key, the variable over the years with one line per value, coloured by it;
// for two or more, a heat map of the variable in one year over the first two keys (the
// others at their first values). The variable is the shortage when the sweep wrote it.
#pragma once

#include <filesystem>

#include "plot/report_html.hpp"
#include "plot/section_support.hpp"

namespace gapsim {

bool is_sweep_directory(const std::filesystem::path& dir);

ReportSection sweep_section(const std::filesystem::path& dir, FigureSet& set);

}  // namespace gapsim
