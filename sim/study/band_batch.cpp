// Batched band statistics.
#include "study/band_batch.hpp"

#include <algorithm>
#include <cassert>
#include <functional>
#include <span>

namespace gapsim {

BandBatch::BandBatch(BandStats& stats, std::size_t capacity) : m_stats(&stats), m_capacity(capacity) {
  assert(capacity >= 1);
}

double* BandBatch::next_slot(std::size_t table_size) {
  if (m_tables.empty()) {
    m_tables.resize(m_capacity * table_size);  // once, on the first run
  }
  assert(m_tables.size() == m_capacity * table_size);  // every run has the first one's shape
  return m_tables.data() + m_held * table_size;
}

void BandBatch::count_held() {
  if (++m_held == m_capacity) {
    flush();
  }
}

void BandBatch::add(const Results& results) {
  const auto table_size = static_cast<std::size_t>(results.table.size());
  std::copy_n(results.table.data(), table_size, next_slot(table_size));
  count_held();
}

void BandBatch::add_difference(const ResultTable& a, const ResultTable& b) {
  assert(a.size() == b.size());
  const auto table_size = static_cast<std::size_t>(a.size());
  std::transform(a.data(), a.data() + table_size, b.data(), next_slot(table_size), std::minus<>());
  count_held();
}

void BandBatch::flush() {
  if (m_held == 0) {
    return;
  }
  const std::size_t table_size = m_tables.size() / m_capacity;
  m_stats->add_runs(std::span<const double>(m_tables.data(), m_held * table_size));
  m_held = 0;
}

}  // namespace gapsim
