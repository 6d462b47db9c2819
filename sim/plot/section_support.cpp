// Reading back what a command wrote, for its report section.
#include "plot/section_support.hpp"

#include <algorithm>
#include <cmath>

#include "io/scenario_loader.hpp"

namespace gapsim {

// Any size: a sweep or a posterior grows past the limit of input files.
std::string read_or_empty(const std::filesystem::path& path) {
  return read_disk_file_any_size(path.string()).value_or("");
}

CsvTable read_table(const std::filesystem::path& path) { return parse_csv_table(read_or_empty(path)); }

double number_in(const CsvTable& table, const std::vector<std::string>& row, std::string_view column) {
  const auto c = table.column(column);
  return c && *c < row.size() && !row[*c].empty() ? std::stod(row[*c]) : std::nan("");
}

std::vector<std::string> distinct_values(const CsvTable& table, std::string_view name) {
  std::vector<std::string> values;
  const auto c = table.column(name);
  for (const auto& row : table.rows) {
    if (c && *c < row.size() && std::find(values.begin(), values.end(), row[*c]) == values.end()) {
      values.push_back(row[*c]);
    }
  }
  return values;
}

std::string manifest_command(const std::string& manifest, std::size_t width) {
  constexpr std::string_view k_prefix = "# command ";
  const std::size_t at = manifest.find(k_prefix);
  if (at == std::string::npos) {
    return "";
  }
  const std::size_t start = at + k_prefix.size();
  std::string command = manifest.substr(start, manifest.find('\n', start) - start);
  if (command.size() > width) {
    command = command.substr(0, width - 3) + "...";
  }
  return command;
}

}  // namespace gapsim
