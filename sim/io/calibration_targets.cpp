// Targets CSV on fast-cpp-csv-parser, cells parsed by our own parsers for our messages.
#include "io/calibration_targets.hpp"

#include <libfccp/csv.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>

#include "io/csv_error.hpp"
#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/output_variable.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
std::vector<CalibrationTarget> read_calibration_targets(std::string_view text, const std::string& path) {
  using Reader = io::CSVReader<5, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>>;
  std::vector<CalibrationTarget> targets;
  std::optional<Reader> reader;
  try {
    reader.emplace(path, text.data(), text.data() + text.size());
    try {
      reader->read_header(io::ignore_extra_column | io::ignore_missing_column, "year", "variable", "value", "sd",
                          "rel_sd");
    } catch (const io::error::missing_column_in_header& error) {
      throw_input_error(path, 1, error.column_name, "missing column in header");
    }
    for (const char* required : {"year", "variable", "value"}) {
      if (!reader->has_column(required)) {
        throw_input_error(path, 1, required, "missing column in header");
      }
    }
    const bool has_sd = reader->has_column("sd");
    const bool has_rel_sd = reader->has_column("rel_sd");
    char* year_cell = nullptr;
    char* variable_cell = nullptr;
    char* value_cell = nullptr;
    char* sd_cell = nullptr;
    char* rel_sd_cell = nullptr;
    while (reader->read_row(year_cell, variable_cell, value_cell, sd_cell, rel_sd_cell)) {
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
      const std::string_view sd_text = has_sd && sd_cell != nullptr ? sd_cell : "";
      const std::string_view rel_sd_text = has_rel_sd && rel_sd_cell != nullptr ? rel_sd_cell : "";
      if (!sd_text.empty() && !rel_sd_text.empty()) {
        throw_input_error(path, target.line, "rel_sd", "give sd or rel_sd, not both");
      }
      for (const auto& [column, text] : {std::pair{"sd", sd_text}, std::pair{"rel_sd", rel_sd_text}}) {
        if (text.empty()) {
          continue;
        }
        const auto error = parse_number(text);
        if (!error || !(*error > 0.0) || !std::isfinite(*error)) {
          throw_input_error(path, target.line, column, "'" + std::string(text) + "' is not a number > 0");
        }
        target.sd = std::string_view(column) == "sd" ? *error : *error * target.value;
      }
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
