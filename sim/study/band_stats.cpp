// Band statistics over runs (docs/MODEL.md, section 14).
#include "study/band_stats.hpp"

#include <cassert>
#include <cmath>
#include <sstream>

#include "stats/hex_float.hpp"

namespace gapsim {
namespace {

constexpr int k_band_columns = k_column_count - 1;  // every column but time

}  // namespace

BandStats::BandStats(const ResultTable& reference)
    : m_reference(reference), m_cells(static_cast<std::size_t>(reference.rows()) * k_band_columns) {}

const BandStats::Cell& BandStats::cell(int row, Column column) const {
  assert(column != Column::time);
  return m_cells[static_cast<std::size_t>(row) * k_band_columns + static_cast<std::size_t>(column) - 1];
}

void BandStats::add(const Results& results) {
  assert(results.table.rows() == m_reference.rows());
  add_runs({results.table.data(), static_cast<std::size_t>(results.table.size())});
}

void BandStats::add_runs(std::span<const double> tables) {
  const auto table_size = static_cast<std::size_t>(m_reference.size());
  assert(table_size > 0 && tables.size() % table_size == 0);
  const std::size_t runs = tables.size() / table_size;
  Cell* cell = m_cells.data();
  for (int row = 0; row < rows(); ++row) {
    for (int column = 1; column < k_column_count; ++column, ++cell) {
      const double reference = m_reference(row, column);
      const double* x = tables.data() + static_cast<std::size_t>(row) * k_column_count + column;
      for (std::size_t run = 0; run < runs; ++run, x += table_size) {
        const double deviation = *x - reference;
        cell->sum.add(deviation);
        cell->sum_squares.add(deviation * deviation);
        cell->sketch.add(*x);
      }
    }
  }
  m_runs += runs;
}

void BandStats::merge(const BandStats& other) {
  assert(other.m_cells.size() == m_cells.size());
  for (std::size_t i = 0; i < m_cells.size(); ++i) {
    m_cells[i].sum.merge(other.m_cells[i].sum);
    m_cells[i].sum_squares.merge(other.m_cells[i].sum_squares);
    m_cells[i].sketch.merge(other.m_cells[i].sketch);
  }
  m_runs += other.m_runs;
}

double BandStats::mean(int row, Column column) const {
  const double n = static_cast<double>(m_runs);
  return m_reference(row, static_cast<int>(column)) + cell(row, column).sum.value() / n;
}

double BandStats::sd(int row, Column column) const {
  if (m_runs < 2) {
    return 0.0;
  }
  const double n = static_cast<double>(m_runs);
  const double s1 = cell(row, column).sum.value();
  const double s2 = cell(row, column).sum_squares.value();
  return std::sqrt(std::max(0.0, (s2 - s1 * s1 / n) / (n - 1.0)));
}

double BandStats::quantile(int row, Column column, double q) const { return cell(row, column).sketch.quantile(q); }

std::uint64_t BandStats::zeros(int row, Column column) const { return cell(row, column).sketch.zeros(); }

std::string BandStats::serialize() const {
  std::string out = "runs " + std::to_string(m_runs) + "\nrows " + std::to_string(rows()) + "\n";
  for (int row = 0; row < rows(); ++row) {
    out += "reference";
    for (int column = 0; column < k_column_count; ++column) {
      out += ' ';
      append_hex_float(out, m_reference(row, column));
    }
    out += '\n';
  }
  for (const Cell& c : m_cells) {
    out += "sum " + c.sum.serialize() + "\nsum_squares " + c.sum_squares.serialize() + "\nsketch " +
           c.sketch.serialize() + "\n";
  }
  return out;
}

std::expected<BandStats, std::string> BandStats::parse(const std::string& text) {
  BandStats stats;
  std::istringstream in(text);
  std::string word;
  long long rows = 0;
  if (!(in >> word >> stats.m_runs) || word != "runs" || !(in >> word >> rows) || word != "rows" || rows < 0) {
    return std::unexpected("malformed header");
  }
  stats.m_reference.resize(rows, k_column_count);
  for (long long row = 0; row < rows; ++row) {
    if (!(in >> word) || word != "reference") {
      return std::unexpected("missing reference row " + std::to_string(row));
    }
    for (int column = 0; column < k_column_count; ++column) {
      std::string value;
      in >> value;
      const auto parsed = parse_hex_float(value);
      if (!parsed) {
        return std::unexpected("malformed reference value '" + value + "'");
      }
      stats.m_reference(row, column) = *parsed;
    }
  }
  stats.m_cells.assign(static_cast<std::size_t>(rows) * k_band_columns, Cell{});
  std::string line;
  std::getline(in, line);
  for (Cell& c : stats.m_cells) {
    std::string sum;
    std::string squares;
    std::string sketch;
    if (!std::getline(in, sum) || !sum.starts_with("sum ") || !c.sum.parse(sum.substr(4)) ||
        !std::getline(in, squares) || !squares.starts_with("sum_squares ") ||
        !c.sum_squares.parse(squares.substr(12)) || !std::getline(in, sketch) || !sketch.starts_with("sketch ") ||
        !c.sketch.parse(sketch.substr(7))) {
      return std::unexpected("malformed cell");
    }
  }
  return stats;
}

}  // namespace gapsim
