// Reading back gapsim's CSV tables.
#include "plot/csv_table.hpp"

#include <algorithm>

namespace gapsim {
namespace {

std::vector<std::string> cells(std::string_view line) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t comma = line.find(',');
    out.emplace_back(line.substr(0, comma));
    if (comma == std::string_view::npos) {
      return out;
    }
    line.remove_prefix(comma + 1);
  }
}

}  // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? std::nullopt : std::optional(static_cast<std::size_t>(it - header.begin()));
}

std::vector<std::string> CsvTable::first_step_values(std::string_view name) const {
  std::vector<std::string> values;
  const auto c = column(name);
  for (std::size_t r = 0; c && r < rows.size() && *c < rows[r].size(); ++r) {
    if (std::find(values.begin(), values.end(), rows[r][*c]) != values.end()) {
      break;  // the next report step begins
    }
    values.push_back(rows[r][*c]);
  }
  return values;
}

CsvTable parse_csv_table(std::string_view text) {
  CsvTable table;
  bool first = true;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (first) {
      table.header = cells(line);
      first = false;
    } else if (!line.empty()) {
      table.rows.push_back(cells(line));
    }
  }
  return table;
}

}  // namespace gapsim
