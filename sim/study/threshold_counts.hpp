// How often a study's shortage is at or below given levels: per report step the runs at or
// below each threshold; per run the first report step it gets there, and the report step
// from which it stays there to the end (or never). Counts are integers, so workers and
// shards merge exactly.
#pragma once

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/results.hpp"
#include "study/band_stats.hpp"

namespace gapsim {

class ThresholdCounts {
 public:
  // Thresholds in persons: finite, at least 0, strictly increasing (threshold_problem).
  ThresholdCounts(std::vector<double> thresholds, int rows);
  ThresholdCounts() = default;

  // Counts the run's shortage column. Allocates nothing.
  // REQUIRES: results has the rows this was made for.
  void add(const Results& results);
  // REQUIRES: the same thresholds and rows.
  void merge(const ThresholdCounts& other);

  std::uint64_t runs() const { return m_runs; }
  int rows() const { return m_rows; }
  const std::vector<double>& thresholds() const { return m_thresholds; }
  // Runs whose shortage at the start of report row `row` is at most threshold `k`.
  std::uint64_t at_or_below(std::size_t k, int row) const { return m_at_or_below[index(k, row)]; }
  // Runs whose shortage is at most threshold `k` at row `row` and at no earlier row.
  std::uint64_t first_at(std::size_t k, int row) const { return m_first[index(k, row)]; }
  // Runs whose shortage is at most threshold `k` at row `row` and every later row, but
  // above it at row - 1 (or row is the first).
  std::uint64_t stays_from(std::size_t k, int row) const { return m_stays[index(k, row)]; }
  // Runs whose shortage stays above threshold `k` at every report row.
  std::uint64_t never(std::size_t k) const;
  // Runs whose shortage is above threshold `k` at the last report row.
  std::uint64_t never_stays(std::size_t k) const;

  bool operator==(const ThresholdCounts&) const = default;

  // One line per threshold, "threshold HEX below C... first C... stays C...", after a line
  // "thresholds K rows R runs N"; and its inverse, which checks the thresholds
  // (threshold_problem) and every count (a row's at most the runs, a threshold's first-row
  // counts adding up to at most the runs), names the line (1-based) of a problem, and
  // allocates in proportion to the text.
  std::string serialize() const;
  static std::expected<ThresholdCounts, BandStats::ParseError> parse(std::string_view text);

 private:
  std::size_t index(std::size_t k, int row) const { return k * static_cast<std::size_t>(m_rows) + row; }
  // The sum of threshold `k`'s counts over the rows.
  std::uint64_t row_sum(const std::vector<std::uint64_t>& counts, std::size_t k) const;

  std::vector<double> m_thresholds;
  int m_rows = 0;
  std::uint64_t m_runs = 0;
  std::vector<std::uint64_t> m_at_or_below;  // thresholds x rows
  std::vector<std::uint64_t> m_first;        // thresholds x rows
  std::vector<std::uint64_t> m_stays;        // thresholds x rows
};

// Most thresholds a study takes.
inline constexpr std::size_t k_max_thresholds = 100;

// What is wrong with a list of thresholds, or empty: none, more than k_max_thresholds, one
// not finite or negative, or not strictly increasing.
std::string threshold_problem(std::span<const double> thresholds);

}  // namespace gapsim
