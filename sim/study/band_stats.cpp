// Band statistics over runs (docs/MODEL.md, section 14).
#include "study/band_stats.hpp"

#include <cassert>
#include <charconv>
#include <cmath>
#include <optional>

#include "stats/hex_float.hpp"

namespace gapsim {
namespace {

constexpr int k_band_columns = k_column_count - 1;  // every column but time

// The lines of a text, counted from 1.
class Lines {
 public:
  explicit Lines(std::string_view text) : m_rest(text) {}
  // The next line without its newline; empty past the end.
  std::string_view next() {
    ++m_number;
    const std::size_t end = m_rest.find('\n');
    const std::string_view line = m_rest.substr(0, end);
    m_rest = end == std::string_view::npos ? std::string_view{} : m_rest.substr(end + 1);
    return line;
  }
  bool done() const { return m_rest.empty(); }
  int number() const { return m_number; }

 private:
  std::string_view m_rest;
  int m_number = 0;
};

// The decimal number after `prefix` filling the rest of `line`.
std::optional<long long> number_after(std::string_view line, std::string_view prefix) {
  long long value = 0;
  const char* const end = line.data() + line.size();
  if (!line.starts_with(prefix) || line.size() == prefix.size()) {
    return std::nullopt;
  }
  const auto [stop, error] = std::from_chars(line.data() + prefix.size(), end, value);
  if (error != std::errc() || stop != end) {
    return std::nullopt;
  }
  return value;
}

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

std::expected<BandStats, BandStats::ParseError> BandStats::parse(std::string_view text) {
  BandStats stats;
  Lines lines(text);
  const auto error = [&lines](std::string what) {
    return std::unexpected(ParseError{lines.number(), std::move(what)});
  };
  const auto runs = number_after(lines.next(), "runs ");
  if (!runs || *runs < 1) {
    return error("malformed run count");
  }
  stats.m_runs = static_cast<std::uint64_t>(*runs);
  const auto rows = number_after(lines.next(), "rows ");
  if (!rows || *rows < 1 || *rows > k_max_rows) {
    return error("malformed row count (1 to " + std::to_string(k_max_rows) + ")");
  }
  stats.m_reference.resize(*rows, k_column_count);
  for (long long row = 0; row < *rows; ++row) {
    std::string_view line = lines.next();
    if (!line.starts_with("reference ")) {
      return error("expected reference row " + std::to_string(row));
    }
    line.remove_prefix(10);
    for (int column = 0; column < k_column_count; ++column) {
      const std::size_t space = line.find(' ');
      const std::string_view value_text = line.substr(0, space);
      const auto value = parse_hex_float(value_text);
      if (!value || !std::isfinite(*value) || (column + 1 < k_column_count) == (space == std::string_view::npos)) {
        return error("malformed reference value '" + std::string(value_text) + "'");
      }
      stats.m_reference(row, column) = *value;
      line.remove_prefix(space == std::string_view::npos ? line.size() : space + 1);
    }
  }
  // Cells are added as their lines come, so the memory follows the text, not the row count.
  const auto cells = static_cast<std::size_t>(*rows) * k_band_columns;
  while (stats.m_cells.size() < cells) {
    Cell& c = stats.m_cells.emplace_back();
    for (const auto& [name, sum] : {std::pair{"sum", &c.sum}, std::pair{"sum_squares", &c.sum_squares}}) {
      const std::string_view line = lines.next();
      const std::size_t name_size = std::string_view(name).size();
      if (!line.starts_with(name) || line.substr(name_size, 1) != " ") {
        return error(std::string("expected '") + name + " ...'");
      }
      auto parsed = ExactSum::parse(line.substr(name_size + 1));
      if (!parsed) {
        return error(name + (": " + parsed.error()));
      }
      *sum = *parsed;
    }
    std::string_view line = lines.next();
    if (!line.starts_with("sketch ")) {
      return error("expected 'sketch ...'");
    }
    auto sketch = QuantileSketch::parse(line.substr(7));
    if (!sketch) {
      return error("sketch: " + sketch.error());
    }
    if (sketch->count() != stats.m_runs) {
      return error("sketch: " + std::to_string(sketch->count()) + " values, not the " + std::to_string(stats.m_runs) +
                   " runs");
    }
    c.sketch = std::move(*sketch);
  }
  if (!lines.done()) {
    lines.next();
    return error("unexpected line after the last cell");
  }
  return stats;
}

}  // namespace gapsim
