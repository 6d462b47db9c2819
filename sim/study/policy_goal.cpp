// Objectives and constraints of policy optimisation, and the statistics they take.
#include "study/policy_goal.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

constexpr double k_z95 = 1.959963984540054;  // two-sided 95% normal quantile

// Rank (0-based) of the order statistic that decides a quantile at p of n values.
std::size_t quantile_index(double p, std::size_t n) {
  const double rank = std::ceil(p * static_cast<double>(n) - 1e-9);  // p * n can be 8.999999 for 9
  return static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(n))) - 1;
}

// "mean", "median" or "pNN"; nullopt otherwise.
std::optional<FutureStatistic> parse_statistic(std::string_view text) {
  if (text == "mean") {
    return FutureStatistic{};
  }
  if (text == "median") {
    return FutureStatistic{false, 0.5};
  }
  if (text.size() < 2 || text.front() != 'p') {
    return std::nullopt;
  }
  const auto percent = parse_number(text.substr(1));
  if (!percent || !(*percent > 0.0 && *percent < 100.0)) {
    return std::nullopt;
  }
  return FutureStatistic{false, *percent / 100.0};
}

// "METRIC" or "METRIC:STAT", each part checked.
std::expected<std::pair<OutputMetric, FutureStatistic>, std::string> metric_and_statistic(std::string_view text) {
  const std::size_t colon = text.find(':');
  auto metric = parse_output_metric(trim(text.substr(0, colon)));
  if (!metric) {
    return std::unexpected(metric.error());
  }
  FutureStatistic statistic;
  if (colon != std::string_view::npos) {
    const std::string_view stat = trim(text.substr(colon + 1));
    const auto parsed = parse_statistic(stat);
    if (!parsed) {
      return std::unexpected(quoted(stat) + " is not a statistic (mean, median, or pNN with 0 < NN < 100, e.g. p90)");
    }
    statistic = *parsed;
  }
  return std::pair{std::move(*metric), statistic};
}

// Index (0-based, ascending) of the value that decides a chance constraint over n futures:
// at least ceil(P n) of them must be on the bound's side.
std::size_t chance_index(const Constraint& constraint, std::size_t n) {
  const std::size_t k = quantile_index(*constraint.probability, n) + 1;  // futures that must comply
  return constraint.comparison == Comparison::at_most ? k - 1 : n - k;
}

}  // namespace

std::string FutureStatistic::text() const { return mean ? "mean" : "p" + format_number(probability * 100.0); }

void sort_into(std::span<const double> values, std::span<double> sorted) {
  std::copy(values.begin(), values.end(), sorted.begin());
  std::sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(values.size()));
}

double statistic_value(const FutureStatistic& statistic, std::span<const double> values, std::span<double> sorted) {
  sort_into(values, sorted);
  if (statistic.mean) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  }
  return sorted[quantile_index(statistic.probability, values.size())];
}

double statistic_standard_error(const FutureStatistic& statistic, std::span<const double> sorted) {
  const std::size_t n = sorted.size();
  if (n < 2) {
    return 0.0;
  }
  const double count = static_cast<double>(n);
  if (statistic.mean) {
    const double mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / count;
    double squares = 0.0;
    for (const double value : sorted) {
      squares += (value - mean) * (value - mean);
    }
    return std::sqrt(squares / (count - 1.0) / count);
  }
  const double p = statistic.probability;
  const double half = k_z95 * std::sqrt(count * p * (1.0 - p));
  const double lower = std::clamp(std::floor(count * p - half), 1.0, count);
  const double upper = std::clamp(std::ceil(count * p + half), 1.0, count);
  return (sorted[static_cast<std::size_t>(upper) - 1] - sorted[static_cast<std::size_t>(lower) - 1]) / (2.0 * k_z95);
}

std::expected<Objective, std::string> parse_objective(std::string_view text, bool maximise) {
  auto parts = metric_and_statistic(trim(text));
  if (!parts) {
    return std::unexpected(parts.error());
  }
  return Objective{std::string(trim(text)), std::move(parts->first), parts->second, maximise};
}

std::expected<Constraint, std::string> parse_constraint(std::string_view text) {
  text = trim(text);
  Constraint constraint;
  constraint.text = std::string(text);
  const std::size_t at_most = text.find("<=");
  const std::size_t at_least = text.find(">=");
  if ((at_most == std::string_view::npos) == (at_least == std::string_view::npos)) {
    return std::unexpected("expected METRIC <= X or METRIC >= X, optionally followed by 'with probability P'");
  }
  const std::size_t op = std::min(at_most, at_least);
  constraint.comparison = op == at_most ? Comparison::at_most : Comparison::at_least;
  std::string_view rest = trim(text.substr(op + 2));
  const std::size_t with = rest.find("with probability");
  const std::string_view bound_text = trim(rest.substr(0, with));
  const auto bound = parse_number(bound_text);
  if (!bound) {
    return std::unexpected(quoted(bound_text) + " is not a number");
  }
  constraint.bound = *bound;
  auto parts = metric_and_statistic(trim(text.substr(0, op)));
  if (!parts) {
    return std::unexpected(parts.error());
  }
  constraint.metric = std::move(parts->first);
  constraint.statistic = parts->second;
  if (with != std::string_view::npos) {
    if (trim(text.substr(0, op)).find(':') != std::string_view::npos) {
      return std::unexpected("a constraint 'with probability' takes the metric itself, not a statistic of it");
    }
    const std::string_view probability_text = trim(rest.substr(with + std::string_view("with probability").size()));
    const auto probability = parse_number(probability_text);
    if (!probability || !(*probability > 0.0 && *probability <= 1.0)) {
      return std::unexpected("the probability " + quoted(probability_text) + " must be a number in (0, 1]");
    }
    constraint.probability = *probability;
    constraint.statistic =
        FutureStatistic{false, constraint.comparison == Comparison::at_most ? *probability : 1.0 - *probability};
  }
  return constraint;
}

double share_meeting(const Constraint& constraint, std::span<const double> values) {
  const auto meets = [&](double value) {
    return constraint.comparison == Comparison::at_most ? value <= constraint.bound : value >= constraint.bound;
  };
  return static_cast<double>(std::count_if(values.begin(), values.end(), meets)) / static_cast<double>(values.size());
}

double constraint_excess(const Constraint& constraint, std::span<const double> sorted) {
  double value = 0.0;
  if (constraint.probability) {
    value = sorted[chance_index(constraint, sorted.size())];
  } else if (constraint.statistic.mean) {
    value = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(sorted.size());
  } else {
    value = sorted[quantile_index(constraint.statistic.probability, sorted.size())];
  }
  return constraint.comparison == Comparison::at_most ? value - constraint.bound : constraint.bound - value;
}

}  // namespace gapsim
