// Named output metrics.
#include "study/output_metric.hpp"

#include "io/edit_distance.hpp"
#include "io/input_error.hpp"
#include "io/output_variable.hpp"
#include "io/value_parser.hpp"

namespace gapsim {

std::expected<OutputMetric, std::string> parse_output_metric(std::string_view text) {
  OutputMetric metric;
  metric.name = std::string(text);
  const std::size_t at = text.find('@');
  if (at != std::string_view::npos) {
    const auto column = output_variable(text.substr(0, at));
    const auto year = parse_integer(text.substr(at + 1));
    if (!column) {
      return std::unexpected("unknown variable '" + std::string(text.substr(0, at)) + "' (did you mean '" +
                             column.error() + "'?)");
    }
    if (!year) {
      return std::unexpected(quoted(text.substr(at + 1)) + " is not a year (VARIABLE@YEAR)");
    }
    metric.column = *column;
    metric.year = *year;
    return metric;
  }
  // VARIABLE_YEAR, as summary.csv names a variable in a year.
  const std::size_t underscore = text.rfind('_');
  if (underscore != std::string_view::npos) {
    const auto column = output_variable(text.substr(0, underscore));
    const auto year = parse_integer(text.substr(underscore + 1));
    if (column && year) {
      metric.column = *column;
      metric.year = *year;
      return metric;
    }
  }
  std::string closest;
  int best = -1;
  for (int m = 0; m < k_metric_count; ++m) {
    const std::string_view name = metric_name(static_cast<Metric>(m));
    if (name == text) {
      metric.summary = static_cast<Metric>(m);
      return metric;
    }
    const int distance = edit_distance(text, name);
    if (best < 0 || distance < best) {
      best = distance;
      closest = name;
    }
  }
  return std::unexpected("unknown metric '" + std::string(text) + "' (did you mean '" + closest +
                         "'? or give VARIABLE_YEAR or VARIABLE@YEAR, e.g. shortage_2025)");
}

std::optional<double> metric_value(const OutputMetric& metric, const Results& results) {
  if (metric.summary) {
    return metric_value(results, *metric.summary);
  }
  return value_in_year(results, metric.column, metric.year);
}

}  // namespace gapsim
