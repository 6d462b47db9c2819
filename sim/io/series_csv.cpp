// Yearly series reader on fast-cpp-csv-parser; every cell is parsed by our own number parser
// so the messages are ours and locale-independent.
#include "io/series_csv.hpp"

#include <libfccp/csv.h>

#include <algorithm>
#include <optional>

#include "io/csv_error.hpp"
#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/value_parser.hpp"

namespace gapsim {

std::vector<std::pair<double, double>> read_yearly_series(std::string_view text, const std::string& path,
                                                          const std::string& column, SeriesValues rule) {
  using Reader = io::CSVReader<2, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>>;
  std::vector<std::pair<double, double>> series;
  std::optional<Reader> reader;
  try {
    reader.emplace(path, text.data(), text.data() + text.size());
    try {
      reader->read_header(io::ignore_extra_column, "year", column);
    } catch (const io::error::missing_column_in_header& error) {
      throw_input_error(path, 1, error.column_name, "missing column in header");
    }
    char* year_cell = nullptr;
    char* value_cell = nullptr;
    while (reader->read_row(year_cell, value_cell)) {
      // Cells that fail to parse are not quoted: the file may not be the data file it was
      // meant to be, and its text is not ours to print.
      const int line = static_cast<int>(reader->get_file_line());
      const auto year = parse_integer(year_cell);
      if (!year) {
        throw_input_error(path, line, "year", "not a whole year");
      }
      if (*year < k_min_year || *year > k_max_year) {
        throw_input_error(path, line, "year",
                          "outside " + std::to_string(k_min_year) + "-" + std::to_string(k_max_year));
      }
      const auto value = parse_number(value_cell);
      if (!value) {
        throw_input_error(path, line, column, "not a number");
      }
      if (rule == SeriesValues::positive && !(*value > 0.0)) {
        throw_input_error(path, line, column, "'" + std::string(value_cell) + "' is not > 0");
      }
      if (!series.empty() && *year == series.back().first) {
        throw_input_error(path, line, "year", std::to_string(*year) + " appears twice");
      }
      if (!series.empty() && *year < series.back().first) {
        throw_input_error(path, line, "year",
                          std::to_string(*year) + " comes after a later year (rows must be sorted)");
      }
      series.emplace_back(*year, *value);
    }
  } catch (const io::error::base& error) {
    throw_csv_error(error, path, reader ? std::max(1, static_cast<int>(reader->get_file_line())) : 1);
  }
  if (series.empty()) {
    throw_input_error(path, 1, column, "no data rows");
  }
  return series;
}

}  // namespace gapsim
