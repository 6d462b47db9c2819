// Paired differences between scenarios (docs/MODEL.md, section 14.3).
#include "study/paired_differences.hpp"

#include <algorithm>
#include <cassert>
#include <optional>

#include "io/value_parser.hpp"

namespace gapsim {
namespace {

ResultTable difference_reference(const ResultTable& scenario, const ResultTable& reference) {
  assert(scenario.rows() == reference.rows());
  ResultTable table = scenario - reference;
  table.col(static_cast<int>(Column::time)) = scenario.col(static_cast<int>(Column::time));
  return table;
}

}  // namespace

PairedDifferences::PairedDifferences(const ResultTable& scenario, const ResultTable& reference)
    : m_bands(difference_reference(scenario, reference)),
      m_lower(static_cast<std::size_t>(scenario.rows())),
      m_higher(static_cast<std::size_t>(scenario.rows())) {}

void PairedDifferences::count(const ResultTable& scenario, const ResultTable& reference) {
  constexpr int shortage = static_cast<int>(Column::shortage);
  for (std::size_t row = 0; row < m_lower.size(); ++row) {
    const double a = scenario(static_cast<Eigen::Index>(row), shortage);
    const double b = reference(static_cast<Eigen::Index>(row), shortage);
    m_lower[row] += a < b ? 1 : 0;
    m_higher[row] += a > b ? 1 : 0;
  }
  ++m_pairs;
}

void PairedDifferences::merge(const PairedDifferences& other) {
  assert(other.m_lower.size() == m_lower.size());
  m_bands.merge(other.m_bands);
  for (std::size_t row = 0; row < m_lower.size(); ++row) {
    m_lower[row] += other.m_lower[row];
    m_higher[row] += other.m_higher[row];
  }
  m_pairs += other.m_pairs;
}

std::string PairedDifferences::serialize() const {
  std::string out = "pairs " + std::to_string(m_pairs) + "\n";
  for (const auto& [name, counts] : {std::pair{"lower", &m_lower}, std::pair{"higher", &m_higher}}) {
    out += name;
    for (const std::uint64_t n : *counts) {
      out += ' ' + std::to_string(n);
    }
    out += '\n';
  }
  const std::string bands = m_bands.serialize();
  out += "difference_lines " + std::to_string(std::count(bands.begin(), bands.end(), '\n')) + "\n";
  return out + bands;
}

std::expected<PairedDifferences::Parsed, BandStats::ParseError> PairedDifferences::parse(std::string_view text) {
  Parsed parsed;
  const auto line = [&] {
    ++parsed.lines;
    const std::size_t end = text.find('\n');
    const std::string_view first = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    return first;
  };
  const auto error = [&](std::string what) {
    return std::unexpected(BandStats::ParseError{parsed.lines, std::move(what)});
  };
  // The count after `word` on a line "WORD N".
  const auto number_after = [](std::string_view text, std::string_view word) -> std::optional<std::uint64_t> {
    return next_word(text) == word ? parse_count(text) : std::nullopt;
  };
  PairedDifferences& d = parsed.differences;
  const auto pairs = number_after(line(), "pairs");
  if (!pairs) {
    return error("expected 'pairs N'");
  }
  d.m_pairs = *pairs;
  for (const auto& [name, counts] : {std::pair{"lower", &d.m_lower}, std::pair{"higher", &d.m_higher}}) {
    std::string_view rest = line();
    if (next_word(rest) != name) {
      return error(std::string("expected '") + name + " ...'");
    }
    while (!rest.empty()) {
      const auto n = parse_count(next_word(rest));
      if (!n || *n > d.m_pairs || counts->size() >= static_cast<std::size_t>(BandStats::k_max_rows)) {
        return error(std::string("malformed ") + name + " count");
      }
      counts->push_back(*n);
    }
  }
  if (d.m_lower.size() != d.m_higher.size()) {
    return error("lower and higher count different rows");
  }
  for (std::size_t row = 0; row < d.m_lower.size(); ++row) {
    if (d.m_lower[row] + d.m_higher[row] > d.m_pairs) {
      return error("more pairs lower and higher than pairs");
    }
  }
  const auto band_lines = number_after(line(), "difference_lines");
  if (!band_lines) {
    return error("expected 'difference_lines L'");
  }
  std::size_t end = 0;
  for (std::uint64_t n = 0; n < *band_lines; ++n) {
    end = text.find('\n', end);
    if (end == std::string_view::npos) {
      return error("fewer lines than 'difference_lines' says");
    }
    ++end;
  }
  auto bands = BandStats::parse(text.substr(0, end));
  if (!bands) {
    return std::unexpected(BandStats::ParseError{parsed.lines + bands.error().line, bands.error().what});
  }
  d.m_bands = std::move(*bands);
  if (d.m_lower.size() != static_cast<std::size_t>(d.m_bands.rows()) || d.m_bands.runs() != d.m_pairs) {
    return error("the counts do not match the difference bands' rows and runs");
  }
  parsed.lines += static_cast<int>(*band_lines);
  parsed.rest = text.substr(end);
  return parsed;
}

}  // namespace gapsim
