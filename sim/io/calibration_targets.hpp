// Calibration targets: published values of output variables in given years, from CSV.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/results.hpp"

namespace gapsim {

struct CalibrationTarget {
  int year = 0;
  Column variable = Column::workforce;  // value of this column in the report row of `year`
  double value = 0.0;
  int line = 0;  // line in the targets file, for messages
};

// Reads the columns "year", "variable" (a time-series column name) and "value" (> 0: errors
// are relative) of CSV `text`; other columns are ignored. Throws InputError naming `path`,
// line and column for a missing column, a bad cell, an unknown variable (with a suggestion)
// or a year and variable given twice.
std::vector<CalibrationTarget> read_calibration_targets(std::string_view text, const std::string& path);

}  // namespace gapsim
