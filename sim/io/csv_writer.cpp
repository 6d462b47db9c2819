// CSV text for results. Numbers use format_number so files read back exactly.
#include "io/csv_writer.hpp"

#include <cmath>

#include "io/number_format.hpp"
#include "model/scenario_config.hpp"

namespace gapsim {

std::string report_time_cells(double time, ReportStep step) {
  const double year = std::floor(time);
  std::string out = format_number(year);
  if (step == ReportStep::monthly) {
    out += ',';
    out += format_number(std::round((time - year) * 12.0) + 1.0);
  }
  return out;
}

std::string report_time_header(ReportStep step) { return step == ReportStep::monthly ? "year,month" : "year"; }

std::vector<Column> all_output_columns() {
  std::vector<Column> columns;
  for (int c = 1; c < k_column_count; ++c) {
    columns.push_back(static_cast<Column>(c));
  }
  return columns;
}

std::string timeseries_csv(const Results& results, ReportStep step, std::span<const Column> columns) {
  std::string out = report_time_header(step);
  for (const Column column : columns) {
    out += ',';
    out += column_name(column);
  }
  out += '\n';
  for (int row = 0; row < results.rows(); ++row) {
    out += report_time_cells(results.at(row, Column::time), step);
    for (const Column column : columns) {
      out += ',';
      out += format_number(results.at(row, column));
    }
    out += '\n';
  }
  return out;
}

std::string timeseries_csv(const Results& results, ReportStep step) {
  return timeseries_csv(results, step, all_output_columns());
}

std::string programmes_csv(const Results& results, ReportStep step, std::span<const std::string> names) {
  std::string out = report_time_header(step) + ",programme";
  for (int c = 0; c < k_programme_column_count; ++c) {
    out += ',';
    out += programme_column_name(static_cast<ProgrammeColumn>(c));
  }
  out += '\n';
  for (int row = 0; row < results.rows(); ++row) {
    const std::string time = report_time_cells(results.at(row, Column::time), step);
    for (int k = 0; k < results.programme_count; ++k) {
      out += time + ',' + names[static_cast<std::size_t>(k)];
      for (int c = 0; c < k_programme_column_count; ++c) {
        out += ',';
        out += format_number(results.programme_at(row, k, static_cast<ProgrammeColumn>(c)));
      }
      out += '\n';
    }
  }
  return out;
}

std::string summary_csv(const std::vector<SummaryRow>& rows, const std::optional<Summary>& reference,
                        std::span<const int> years) {
  const std::vector<std::string> names = summary_names(years);
  std::string out = "scenario";
  for (const std::string prefix : {"", "diff_"}) {
    for (const std::string& name : names) {
      out += ',' + prefix + name;
    }
  }
  out += '\n';
  for (const SummaryRow& row : rows) {
    out += row.scenario;
    for (const auto& value : row.summary) {
      out += ',' + format_optional(value);
    }
    const Summary diff = reference ? difference(row.summary, *reference) : Summary(row.summary.size());
    for (const auto& value : diff) {
      out += ',' + format_optional(value);
    }
    out += '\n';
  }
  return out;
}

}  // namespace gapsim
