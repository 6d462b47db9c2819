// Yearly data series from CSV files (fast-cpp-csv-parser).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gapsim {

// Reads (year, value) pairs from the columns "year" and `column` of CSV `text` (the contents
// of `path`, used in messages). Other columns are ignored. Throws InputError naming file,
// line and column for a missing column, a non-numeric cell, or a duplicate or unsorted year.
std::vector<std::pair<double, double>> read_yearly_series(std::string_view text,
                                                          const std::string& path,
                                                          const std::string& column);

}  // namespace gapsim
