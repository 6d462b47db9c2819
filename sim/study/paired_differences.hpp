// A scenario's runs against the same runs of a reference scenario (common random numbers:
// run i of both takes the same inputs): the bands of the differences, and per report step
// how often the scenario's shortage is below or above the reference's.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "model/results.hpp"
#include "study/band_stats.hpp"

namespace gapsim {

class PairedDifferences {
 public:
  // From the two scenarios' runs as written: the bands' reference is `scenario - reference`
  // (and the report times of `scenario`). REQUIRES: tables of the same shape and times.
  PairedDifferences(const ResultTable& scenario, const ResultTable& reference);
  PairedDifferences() = default;

  // Bands of scenario - reference, cell by cell; fed by the study (BandBatch::add_difference).
  BandStats& bands() { return m_bands; }
  const BandStats& bands() const { return m_bands; }
  // Counts one pair of runs' shortages, row by row. Allocates nothing.
  void count(const ResultTable& scenario, const ResultTable& reference);
  // REQUIRES: made from the same tables.
  void merge(const PairedDifferences& other);

  // Pairs counted, and at report row `row` those whose scenario shortage is strictly lower
  // (higher) than the reference's.
  std::uint64_t pairs() const { return m_pairs; }
  std::uint64_t lower(int row) const { return m_lower[static_cast<std::size_t>(row)]; }
  std::uint64_t higher(int row) const { return m_higher[static_cast<std::size_t>(row)]; }

  // "pairs N", "lower C...", "higher C...", "difference_lines L", then the L lines of the
  // bands' state; and its inverse, which checks the counts (lower + higher at most the pairs,
  // the bands holding as many runs) and reads only the lines it declares, so the text may go on.
  std::string serialize() const;
  struct Parsed;
  static std::expected<Parsed, BandStats::ParseError> parse(std::string_view text);

 private:
  BandStats m_bands;
  std::uint64_t m_pairs = 0;
  std::vector<std::uint64_t> m_lower;
  std::vector<std::uint64_t> m_higher;
};

struct PairedDifferences::Parsed {
  PairedDifferences differences;
  std::string_view rest;  // the text after its lines
  int lines = 0;          // how many lines it took
};

}  // namespace gapsim
