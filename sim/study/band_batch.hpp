// Runs held back and added to a BandStats in batches. Adding one run touches every cell's
// sums and bins (a few MB in all), so run by run each add misses the cache; a batch adds
// all its runs to one cell before moving to the next (BandStats::add_runs).
#pragma once

#include <cstddef>
#include <vector>

#include "model/results.hpp"
#include "study/band_stats.hpp"

namespace gapsim {

class BandBatch {
 public:
  // REQUIRES: `stats` outlives the batch; capacity >= 1.
  BandBatch(BandStats& stats, std::size_t capacity);

  // Holds the run; adds the whole batch to the stats when `capacity` runs are held.
  // REQUIRES: as BandStats::add.
  void add(const Results& results);
  // Holds the cell-by-cell difference a - b of two runs (the time column becomes 0, which
  // the stats do not read). REQUIRES: tables of the stats' shape.
  void add_difference(const ResultTable& a, const ResultTable& b);
  // Adds the runs held so far. Call before reading or merging the stats.
  void flush();

 private:
  BandStats* m_stats;
  std::size_t m_capacity;  // runs per batch
  std::size_t m_held = 0;  // runs in m_tables
  std::vector<double> m_tables;

  // The slot for the next run, allocated on the first.
  double* next_slot(std::size_t table_size);
  void count_held();
};

}  // namespace gapsim
