// A block-handing thread pool for one range of indices.
#include "study/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gapsim {

void parallel_for(std::int64_t first, std::int64_t last, int threads,
                  const std::function<void(int, std::int64_t)>& work, const std::function<void(std::int64_t)>& progress,
                  double progress_seconds) {
  // Blocks small enough to balance two cores, large enough that the counter is not contended.
  const std::int64_t block = std::clamp<std::int64_t>((last - first) / (64 * threads), 1, 256);
  std::atomic<std::int64_t> next{first};
  std::atomic<std::int64_t> done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mutex;
  std::condition_variable finished;
  int running = threads;

  const auto worker = [&](int id) {
    try {
      while (!failed.load(std::memory_order_relaxed)) {
        const std::int64_t begin = next.fetch_add(block);
        if (begin >= last) {
          break;
        }
        const std::int64_t end = std::min(last, begin + block);
        for (std::int64_t index = begin; index < end; ++index) {
          work(id, index);
        }
        done.fetch_add(end - begin, std::memory_order_relaxed);
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!error) {
        error = std::current_exception();
      }
      failed = true;
    }
    std::lock_guard lock(mutex);
    --running;
    finished.notify_all();
  };

  std::vector<std::jthread> pool;
  for (int id = 1; id < threads; ++id) {
    pool.emplace_back(worker, id);
  }
  if (threads == 1 && !progress) {
    worker(0);
  } else {
    // With a progress callback the calling thread reports while the pool works; worker 0
    // then runs on a thread of its own.
    pool.emplace_back(worker, 0);
    const auto period = std::chrono::duration<double>(progress_seconds);
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, period, [&] { return running == 0; })) {
      if (progress) {
        lock.unlock();
        progress(done.load());
        lock.lock();
      }
    }
  }
  pool.clear();  // joins
  if (error) {
    std::rethrow_exception(error);
  }
  if (progress) {
    progress(done.load());
  }
}

}  // namespace gapsim
