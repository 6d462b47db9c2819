// One number out of a run, named on the command line: a summary metric ("shortage_end",
// "peak_shortage", ...), or a variable in a year: "skill_gap@2025", or as summary.csv names
// it, "skill_gap_2025".
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "model/results.hpp"
#include "model/summary.hpp"

namespace gapsim {

struct OutputMetric {
  std::string name;                  // as given
  std::optional<Metric> summary;     // a summary metric, or
  Column column = Column::shortage;  // this variable in calendar year `year` (value_in_year)
  int year = 0;
};

// The metric `text` names; the error says why (with the closest valid name) when it names neither.
std::expected<OutputMetric, std::string> parse_output_metric(std::string_view text);

// The metric's value in `results`; nullopt when the run has none (a year outside the run,
// or a metric that is empty, such as first_zero_shortage_year when the gap never closes).
std::optional<double> metric_value(const OutputMetric& metric, const Results& results);

}  // namespace gapsim
