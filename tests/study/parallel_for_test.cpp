// parallel_for: every index once, progress reported, and a throwing worker stops the pool.
#include "study/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gapsim {
namespace {

TEST_CASE("parallel_for: every index runs exactly once, whatever the thread count", "[study][parallel_for]") {
  // Given 1 to 4 threads, with and without a progress callback, each index should run once.
  for (const int threads : {1, 2, 3, 4}) {
    for (const bool with_progress : {false, true}) {
      INFO(threads << " threads, progress " << with_progress);
      std::vector<std::atomic<int>> runs(10'000);
      std::vector<std::int64_t> reported;
      parallel_for(
          5, 10'005, threads, [&](int, std::int64_t index) { ++runs[static_cast<std::size_t>(index - 5)]; },
          with_progress ? std::function<void(std::int64_t)>([&](std::int64_t done) { reported.push_back(done); })
                        : std::function<void(std::int64_t)>(),
          0.001);
      for (const std::atomic<int>& count : runs) {
        REQUIRE(count.load() == 1);
      }
      if (with_progress) {
        REQUIRE(!reported.empty());
        CHECK(reported.back() == 10'000);  // the final call counts every index
        CHECK(std::is_sorted(reported.begin(), reported.end()));
      }
    }
  }
}

TEST_CASE("parallel_for: the worker number is from 0 to threads - 1", "[study][parallel_for]") {
  std::atomic<int> out_of_range{0};
  parallel_for(0, 5000, 3, [&](int worker, std::int64_t) { out_of_range += worker < 0 || worker >= 3; }, {});
  CHECK(out_of_range.load() == 0);
}

TEST_CASE("parallel_for: a worker that throws stops the others and the caller gets the exception",
          "[study][parallel_for]") {
  // Given a million indices of at least 20 us each where index 700 throws, the exception
  // should reach the caller, the other workers should stop at their next block, and nothing
  // hangs. (Each index sleeps so that the count cannot race far ahead while the failing
  // thread waits for a core: the whole range would take 20 s.)
  for (const int threads : {1, 2, 4}) {
    for (const bool with_progress : {false, true}) {
      INFO(threads << " threads, progress " << with_progress);
      std::atomic<std::int64_t> ran{0};
      std::int64_t last_report = -1;
      const auto work = [&](int, std::int64_t index) {
        if (index == 700) {
          throw std::runtime_error("run 700 failed");
        }
        std::this_thread::sleep_for(std::chrono::microseconds(20));
        ++ran;
      };
      const auto progress = [&](std::int64_t done) { last_report = done; };
      CHECK_THROWS_WITH(
          parallel_for(
              0, 1'000'000, threads, work,
              with_progress ? std::function<void(std::int64_t)>(progress) : std::function<void(std::int64_t)>(), 0.001),
          "run 700 failed");
      CHECK(ran.load() >= 700);        // blocks go out in order and run to their end: 0..699 ran
      CHECK(ran.load() < 50'000);      // and the pool stopped long before the end
      CHECK(last_report < 1'000'000);  // no final "all done" report after a failure
    }
  }
}

TEST_CASE("parallel_for: an empty range calls no work and reports 0", "[study][parallel_for]") {
  std::int64_t reported = -1;
  parallel_for(
      3, 3, 2, [](int, std::int64_t) { FAIL("no index to run"); }, [&](std::int64_t done) { reported = done; });
  CHECK(reported == 0);
}

}  // namespace
}  // namespace gapsim
