// Batched band statistics.
#include "study/band_batch.hpp"

#include <algorithm>
#include <cassert>
#include <span>

namespace gapsim {

BandBatch::BandBatch(BandStats& stats, std::size_t capacity) : m_stats(&stats), m_capacity(capacity) {
  assert(capacity >= 1);
}

void BandBatch::add(const Results& results) {
  const auto table_size = static_cast<std::size_t>(results.table.size());
  if (m_tables.empty()) {
    m_tables.resize(m_capacity * table_size);  // once, on the first run
  }
  assert(m_tables.size() == m_capacity * table_size);  // every run has the first one's shape
  std::copy_n(results.table.data(), table_size, m_tables.data() + m_held * table_size);
  if (++m_held == m_capacity) {
    flush();
  }
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
