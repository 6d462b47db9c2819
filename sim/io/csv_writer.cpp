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

std::string timeseries_csv(const Results& results, ReportStep step) {
  std::string out = report_time_header(step);
  for (int c = 1; c < k_column_count; ++c) {
    out += ',';
    out += column_name(static_cast<Column>(c));
  }
  out += '\n';
  for (int row = 0; row < results.rows(); ++row) {
    out += report_time_cells(results.at(row, Column::time), step);
    for (int c = 1; c < k_column_count; ++c) {
      out += ',';
      out += format_number(results.table(row, c));
    }
    out += '\n';
  }
  return out;
}

std::string summary_csv(const std::vector<SummaryRow>& rows, const std::optional<Summary>& reference) {
  std::string out = "scenario";
  for (const std::string prefix : {"", "diff_"}) {
    for (int m = 0; m < k_metric_count; ++m) {
      out += ',' + prefix + std::string(metric_name(static_cast<Metric>(m)));
    }
  }
  out += '\n';
  for (const SummaryRow& row : rows) {
    out += row.scenario;
    for (const auto& value : row.summary) {
      out += ',' + format_optional(value);
    }
    const Summary diff = reference ? difference(row.summary, *reference) : Summary{};
    for (const auto& value : diff) {
      out += ',' + format_optional(value);
    }
    out += '\n';
  }
  return out;
}

}  // namespace gapsim
