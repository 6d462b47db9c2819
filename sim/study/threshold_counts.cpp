// Threshold counts over runs (docs/MODEL.md, section 14.3).
#include "study/threshold_counts.hpp"

#include <cassert>
#include <cmath>

#include "io/number_format.hpp"
#include "io/value_parser.hpp"
#include "stats/hex_float.hpp"

namespace gapsim {

std::string threshold_problem(std::span<const double> thresholds) {
  if (thresholds.empty()) {
    return "give at least one threshold";
  }
  if (thresholds.size() > k_max_thresholds) {
    return "at most " + std::to_string(k_max_thresholds) + " thresholds";
  }
  for (std::size_t k = 0; k < thresholds.size(); ++k) {
    if (!std::isfinite(thresholds[k]) || thresholds[k] < 0) {
      return "a threshold is a shortage in persons, finite and at least 0";
    }
    if (k > 0 && thresholds[k] <= thresholds[k - 1]) {
      return "thresholds must increase strictly (" + format_plain(thresholds[k - 1]) + " then " +
             format_plain(thresholds[k]) + ")";
    }
  }
  return {};
}

ThresholdCounts::ThresholdCounts(std::vector<double> thresholds, int rows)
    : m_thresholds(std::move(thresholds)),
      m_rows(rows),
      m_at_or_below(m_thresholds.size() * static_cast<std::size_t>(rows)),
      m_first(m_at_or_below.size()),
      m_stays(m_at_or_below.size()) {
  assert(threshold_problem(m_thresholds).empty() && rows >= 1);
}

void ThresholdCounts::add(const Results& results) {
  assert(results.table.rows() == m_rows);
  const auto shortage = results.table.col(static_cast<int>(Column::shortage));
  for (std::size_t k = 0; k < m_thresholds.size(); ++k) {
    int first = -1;
    int stays = 0;  // the row after the last one above the threshold
    for (int row = 0; row < m_rows; ++row) {
      if (shortage(row) <= m_thresholds[k]) {
        ++m_at_or_below[index(k, row)];
        first = first < 0 ? row : first;
      } else {
        stays = row + 1;
      }
    }
    if (first >= 0) {
      ++m_first[index(k, first)];
    }
    if (stays < m_rows) {
      ++m_stays[index(k, stays)];
    }
  }
  ++m_runs;
}

void ThresholdCounts::merge(const ThresholdCounts& other) {
  assert(other.m_thresholds == m_thresholds && other.m_rows == m_rows);
  for (std::size_t i = 0; i < m_first.size(); ++i) {
    m_at_or_below[i] += other.m_at_or_below[i];
    m_first[i] += other.m_first[i];
    m_stays[i] += other.m_stays[i];
  }
  m_runs += other.m_runs;
}

std::uint64_t ThresholdCounts::never(std::size_t k) const { return m_runs - row_sum(m_first, k); }

std::uint64_t ThresholdCounts::never_stays(std::size_t k) const { return m_runs - row_sum(m_stays, k); }

std::uint64_t ThresholdCounts::row_sum(const std::vector<std::uint64_t>& counts, std::size_t k) const {
  std::uint64_t sum = 0;
  for (int row = 0; row < m_rows; ++row) {
    sum += counts[index(k, row)];
  }
  return sum;
}

std::string ThresholdCounts::serialize() const {
  std::string out = "thresholds " + std::to_string(m_thresholds.size()) + " rows " + std::to_string(m_rows) + " runs " +
                    std::to_string(m_runs) + "\n";
  for (std::size_t k = 0; k < m_thresholds.size(); ++k) {
    out += "threshold ";
    append_hex_float(out, m_thresholds[k]);
    out += " below";
    for (int row = 0; row < m_rows; ++row) {
      out += ' ' + std::to_string(at_or_below(k, row));
    }
    out += " first";
    for (int row = 0; row < m_rows; ++row) {
      out += ' ' + std::to_string(first_at(k, row));
    }
    out += " stays";
    for (int row = 0; row < m_rows; ++row) {
      out += ' ' + std::to_string(stays_from(k, row));
    }
    out += '\n';
  }
  return out;
}

std::expected<ThresholdCounts, BandStats::ParseError> ThresholdCounts::parse(std::string_view text) {
  int number = 0;
  const auto line = [&] {
    ++number;
    const std::size_t end = text.find('\n');
    const std::string_view first = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    return first;
  };
  const auto error = [&](std::string what) { return std::unexpected(BandStats::ParseError{number, std::move(what)}); };
  std::string_view head = line();
  const bool head_ok = next_word(head) == "thresholds";
  const auto count = parse_count(next_word(head));
  const bool rows_word = next_word(head) == "rows";
  const auto rows = parse_count(next_word(head));
  const bool runs_word = next_word(head) == "runs";
  const auto runs = parse_count(next_word(head));
  if (!head_ok || !count || !rows_word || !rows || !runs_word || !runs || !head.empty() || *count < 1 ||
      *count > k_max_thresholds || *rows < 1 || *rows > static_cast<std::uint64_t>(BandStats::k_max_rows)) {
    return error("malformed 'thresholds K rows R runs N' line");
  }
  ThresholdCounts counts;
  counts.m_rows = static_cast<int>(*rows);
  counts.m_runs = *runs;
  for (std::uint64_t k = 0; k < *count; ++k) {
    std::string_view rest = line();
    const std::string where = "threshold " + std::to_string(k + 1) + ": ";
    if (next_word(rest) != "threshold") {
      return error(where + "expected 'threshold ...'");
    }
    const auto value = parse_hex_float(next_word(rest));
    if (!value) {
      return error(where + "malformed value");
    }
    counts.m_thresholds.push_back(*value);
    if (const std::string problem = threshold_problem(counts.m_thresholds); !problem.empty()) {
      return error(problem);
    }
    for (const auto& [word, store] : {std::pair{"below", &counts.m_at_or_below}, std::pair{"first", &counts.m_first},
                                      std::pair{"stays", &counts.m_stays}}) {
      if (next_word(rest) != word) {
        return error(where + "expected '" + word + "'");
      }
      std::uint64_t runs = 0;
      for (int row = 0; row < counts.m_rows; ++row) {
        const auto n = parse_count(next_word(rest));
        if (!n || *n > counts.m_runs) {
          return error(where + "malformed count (0 to the runs)");
        }
        store->push_back(*n);
        runs += *n;
      }
      if (store != &counts.m_at_or_below && runs > counts.m_runs) {
        return error(where + "its " + word + " counts add up to more than the runs");
      }
    }
    if (!rest.empty()) {
      return error(where + "unexpected text after the counts");
    }
  }
  if (!text.empty()) {
    line();
    return error("unexpected line after the last threshold");
  }
  return counts;
}

}  // namespace gapsim
