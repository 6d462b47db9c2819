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
                         "'? or give VARIABLE@YEAR, e.g. shortage@2025)");
}

std::optional<double> metric_value(const OutputMetric& metric, const Results& results) {
  if (metric.summary) {
    return summarize(results)[static_cast<std::size_t>(*metric.summary)];
  }
  const int row = row_of_year(results, metric.year);
  if (row < 0) {
    return std::nullopt;
  }
  return results.at(row, metric.column);
}

}  // namespace gapsim
