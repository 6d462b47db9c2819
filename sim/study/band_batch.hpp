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
  // Adds the runs held so far. Call before reading or merging the stats.
  void flush();

 private:
  BandStats* m_stats;
  std::size_t m_capacity;  // runs per batch
  std::size_t m_held = 0;  // runs in m_tables
  std::vector<double> m_tables;
};

}  // namespace gapsim
