// The CSV outputs of `gapsim run`: per-scenario time series and programme table, and the
// cross-scenario summary.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/results.hpp"
#include "model/summary.hpp"

namespace gapsim {

enum class ReportStep;  // model/scenario_config.hpp

// The time of a report step as CSV cells: "2020", or "2020,3" (year, month) for monthly
// reports; and the matching header, "year" or "year,month".
std::string report_time_cells(double time, ReportStep step);
std::string report_time_header(ReportStep step);

// Every column but time, in Column order: what timeseries.csv holds unless told otherwise.
std::vector<Column> all_output_columns();

// Wide time series, one row per report step: "year" (and "month" for monthly reports), then
// `columns` in the order given (not Column::time). Ends with a newline.
std::string timeseries_csv(const Results& results, ReportStep step, std::span<const Column> columns);
std::string timeseries_csv(const Results& results, ReportStep step);

// Tidy per-programme table: "year" (and "month"), "programme", then every ProgrammeColumn; one
// row per report step and programme, programmes in the order of `names` (the configuration's).
std::string programmes_csv(const Results& results, ReportStep step, std::span<const std::string> names);

struct SummaryRow {
  std::string scenario;
  Summary summary;  // summarize(results, years) with the years the summary names
};

// One row per scenario: the values named by summary_names(years), then "diff_<name>" against
// `reference` (empty cells when there is no reference).
std::string summary_csv(const std::vector<SummaryRow>& rows, const std::optional<Summary>& reference,
                        std::span<const int> years);

}  // namespace gapsim
