// Work over a range of run indices on several threads. Which thread runs which index is
// left to timing, so callers must make each index's result depend on the index alone.
#pragma once

#include <cstdint>
#include <functional>

namespace gapsim {

// Calls work(worker, index) for every index in [first, last) on `threads` threads (worker
// in [0, threads)), handing out small blocks of indices. On the calling thread, calls
// progress(done) about every `progress_seconds` and once at the end. The first exception
// from `work` stops the other threads at their next block and is rethrown here.
// REQUIRES threads >= 1.
void parallel_for(std::int64_t first, std::int64_t last, int threads,
                  const std::function<void(int worker, std::int64_t index)>& work,
                  const std::function<void(std::int64_t done)>& progress, double progress_seconds = 0.1);

}  // namespace gapsim
