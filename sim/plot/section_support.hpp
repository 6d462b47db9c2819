// What the report sections of every command share: the figures of one figures/ directory,
// and the CSVs and manifests gapsim wrote, read back.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "plot/csv_table.hpp"
#include "plot/figure_script.hpp"

namespace gapsim {

// The figures of one figures/ directory: scripts written, then rendered together.
struct FigureSet {
  std::filesystem::path dir;
  std::string subtitle;
  std::vector<Figure> figures;
};

// The file's text, or "" when it cannot be read.
std::string read_or_empty(const std::filesystem::path& path);

// The CSV file at `path`, parsed; empty when it cannot be read.
CsvTable read_table(const std::filesystem::path& path);

// The number in `column` of `row`, NaN when the cell is missing or empty.
double number_in(const CsvTable& table, const std::vector<std::string>& row, std::string_view column);

// The distinct values of column `name`, in the order first seen.
std::vector<std::string> distinct_values(const CsvTable& table, std::string_view name);

// The command line a manifest records ("# command gapsim fit ..."), shortened to at most
// `width` characters with "..." for a subtitle; "" when there is none.
std::string manifest_command(const std::string& manifest, std::size_t width = 95);

}  // namespace gapsim
