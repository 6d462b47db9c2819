// Mean, spread and quantiles of every (report step, variable) cell over the runs of a study,
// accumulated run by run in memory that does not grow with the number of runs.
#pragma once

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/results.hpp"
#include "stats/exact_sum.hpp"
#include "stats/quantile_sketch.hpp"

namespace gapsim {

class BandStats {
 public:
  // Cells are every report row of `reference` and every column but time. Sums are of
  // differences from `reference` (a run of the scenario as written), so a variable that does
  // not vary between runs has a standard deviation of exactly 0.
  explicit BandStats(const ResultTable& reference);
  BandStats() = default;

  // REQUIRES: results has the reference's shape and only finite values.
  void add(const Results& results);
  // Adds several runs at once: `tables` holds whole result tables back to back, each in
  // ResultTable's layout. The state is exactly what adding them one by one gives (sums and
  // counts do not depend on order); it is faster because each cell's sums and bins stay in
  // cache while all the runs are added to it. REQUIRES as add, for every table.
  void add_runs(std::span<const double> tables);
  // REQUIRES: the same reference.
  void merge(const BandStats& other);

  std::uint64_t runs() const { return m_runs; }
  int rows() const { return static_cast<int>(m_reference.rows()); }
  const ResultTable& reference() const { return m_reference; }

  double mean(int row, Column column) const;
  // Sample standard deviation (divisor runs - 1); 0 for a single run.
  double sd(int row, Column column) const;
  // See QuantileSketch::quantile for the definition and the error bound.
  double quantile(int row, Column column, double q) const;
  // Runs in which the cell was exactly 0.
  std::uint64_t zeros(int row, Column column) const;

  // Report rows a parsed state may have: 8,000 years of months.
  static constexpr long long k_max_rows = 100'000;
  // What is wrong with a state text, and on which of its lines (1-based).
  struct ParseError {
    int line = 0;
    std::string what;
  };
  // The whole state as text lines (exact: integer limbs and counts, hexadecimal floats),
  // and its inverse. parse() checks every line and count (finite references, one sum, sum of
  // squares and sketch per cell, every sketch counting `runs` values, nothing after the last
  // cell) and allocates in proportion to the text, not to a number read from it.
  std::string serialize() const;
  static std::expected<BandStats, ParseError> parse(std::string_view text);

 private:
  struct Cell {
    ExactSum sum;          // of x - reference
    ExactSum sum_squares;  // of (x - reference)^2
    QuantileSketch sketch;
  };
  const Cell& cell(int row, Column column) const;

  ResultTable m_reference;
  std::vector<Cell> m_cells;  // row-major over (row, column 1..k_column_count-1)
  std::uint64_t m_runs = 0;
};

}  // namespace gapsim
