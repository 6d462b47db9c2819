// Yearly data series from CSV files (fast-cpp-csv-parser).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gapsim {

enum class SeriesValues { any, positive };

// Reads (year, value) pairs from the columns "year" and `column` of CSV `text` (the contents
// of `path`, used in messages). Other columns are ignored. Throws InputError naming file,
// line and column for a missing column, a non-numeric cell, a duplicate or unsorted year,
// or (SeriesValues::positive) a value that is not > 0.
std::vector<std::pair<double, double>> read_yearly_series(std::string_view text, const std::string& path,
                                                          const std::string& column,
                                                          SeriesValues rule = SeriesValues::any);

}  // namespace gapsim
