// The CSV outputs of `gapsim run`: per-scenario time series and the cross-scenario summary.
#pragma once

#include <optional>
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

// Wide time series, one row per report step: "year" (and "month" for monthly reports), then
// every other Column. Ends with a newline.
std::string timeseries_csv(const Results& results, ReportStep step);

struct SummaryRow {
  std::string scenario;
  Summary summary;
};

// One row per scenario: every Metric, then "diff_<metric>" against `reference` (empty
// columns when there is no reference).
std::string summary_csv(const std::vector<SummaryRow>& rows, const std::optional<Summary>& reference);

}  // namespace gapsim
