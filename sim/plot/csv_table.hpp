// The CSV files gapsim writes, read back for figures and reports: plain comma-separated cells
// (gapsim quotes nothing in the tables it plots), the first line the header.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gapsim {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  // The index of column `name`, or nullopt.
  std::optional<std::size_t> column(std::string_view name) const;
  // The values of column `name` from the first row up to the first value seen before: the
  // names within one report step of a long table (variables, thresholds, programmes). Empty
  // when there is no such column.
  std::vector<std::string> first_step_values(std::string_view name) const;
};

CsvTable parse_csv_table(std::string_view text);

}  // namespace gapsim
