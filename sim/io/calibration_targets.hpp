// Calibration targets: published values of output variables in given years, from CSV.
#pragma once

#include <optional>
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
  // The observation's standard error [the variable's unit], from the file's `sd` or
  // `rel_sd` (times the value); empty when the file states none.
  std::optional<double> sd;

  // (model - value) / sd with a stated error, else model / value - 1 (the relative error,
  // as if sd were the value itself).
  double standardized_error(double model) const { return sd ? (model - value) / *sd : model / value - 1.0; }
};

// Reads the columns "year", "variable" (a time-series column name) and "value" (> 0: errors
// are relative), and the optional "sd" (> 0, absolute) or "rel_sd" (> 0, a share of the
// value) of CSV `text`, at most one of them per row (an empty cell: none); other columns are
// ignored. Throws InputError naming `path`,
// line and column for a missing column, a bad cell, an unknown variable (with a suggestion)
// or a year and variable given twice.
std::vector<CalibrationTarget> read_calibration_targets(std::string_view text, const std::string& path);

}  // namespace gapsim
