// Targets CSV on fast-cpp-csv-parser, cells parsed by our own parsers for our messages.
#include "io/calibration_targets.hpp"

#include <libfccp/csv.h>

#include <algorithm>
#include <optional>

#include "io/csv_error.hpp"
#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/output_variable.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
std::vector<CalibrationTarget> read_calibration_targets(std::string_view text, const std::string& path) {
  using Reader = io::CSVReader<3, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>>;
  std::vector<CalibrationTarget> targets;
  std::optional<Reader> reader;
  try {
    reader.emplace(path, text.data(), text.data() + text.size());
    try {
      reader->read_header(io::ignore_extra_column, "year", "variable", "value");
    } catch (const io::error::missing_column_in_header& error) {
      throw_input_error(path, 1, error.column_name, "missing column in header");
    }
    char* year_cell = nullptr;
    char* variable_cell = nullptr;
    char* value_cell = nullptr;
    while (reader->read_row(year_cell, variable_cell, value_cell)) {
      CalibrationTarget target;
      target.line = static_cast<int>(reader->get_file_line());
      const auto year = parse_integer(year_cell);
      if (!year) {
        throw_input_error(path, target.line, "year", "not a whole year");
      }
      if (*year < k_min_year || *year > k_max_year) {
        throw_input_error(path, target.line, "year",
                          "outside " + std::to_string(k_min_year) + "-" + std::to_string(k_max_year));
      }
      target.year = *year;
      const auto variable = output_variable(variable_cell);
      if (!variable) {
        throw_input_error(path, target.line, "variable",
                          "not an output variable (did you mean '" + variable.error() + "'?)");
      }
      target.variable = *variable;
      const auto value = parse_number(value_cell);
      if (!value) {
        throw_input_error(path, target.line, "value", "not a number");
      }
      if (!(*value > 0.0)) {
        throw_input_error(path, target.line, "value",
                          "'" + std::string(value_cell) + "' is not > 0 (errors are relative to it)");
      }
      target.value = *value;
      for (const CalibrationTarget& earlier : targets) {
        if (earlier.year == target.year && earlier.variable == target.variable) {
          throw_input_error(path, target.line, "variable",
                            std::string(variable_cell) + " in " + std::to_string(target.year) +
                                " is also given on line " + std::to_string(earlier.line));
        }
      }
      targets.push_back(target);
    }
  } catch (const io::error::base& error) {
    throw_csv_error(error, path, reader ? std::max(1, static_cast<int>(reader->get_file_line())) : 1);
  }
  if (targets.empty()) {
    throw_input_error(path, 1, "value", "no target rows");
  }
  return targets;
}

}  // namespace gapsim
