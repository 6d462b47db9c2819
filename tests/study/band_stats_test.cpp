// Exact sums, the quantile sketch and band statistics: order-free, mergeable, and within the
// stated error of exact quantiles.
#include "study/band_stats.hpp"

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "stats/exact_sum.hpp"
#include "stats/quantile_sketch.hpp"
#include "study/band_batch.hpp"

namespace gapsim {
namespace {

TEST_CASE("an exact sum does not depend on the order of its terms") {
  const std::vector<double> terms = {1e308, 1.0, -1e308, 3e-300, 0.1, -0.1, 2.5, 1e-320, -7.25};
  std::vector<double> order = terms;
  ExactSum forward;
  for (double x : order) {
    forward.add(x);
  }
  // Naive summation loses the 1.0 under 1e308; the exact sum keeps everything.
  CHECK(forward.value() == 1.0 + 2.5 - 7.25 + 3e-300 + 1e-320);
  std::reverse(order.begin(), order.end());
  ExactSum backward;
  for (double x : order) {
    backward.add(x);
  }
  CHECK(forward == backward);
  CHECK(forward.serialize() == backward.serialize());

  ExactSum half;
  ExactSum other_half;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    (i % 2 ? half : other_half).add(terms[i]);
  }
  half.merge(other_half);
  CHECK(half == forward);

  const auto parsed = ExactSum::parse(forward.serialize());
  REQUIRE(parsed);
  CHECK(*parsed == forward);
  CHECK(!ExactSum::parse("3:x"));
}

TEST_CASE("an exact sum of many equal terms is their product") {
  ExactSum sum;
  for (int i = 0; i < 1000000; ++i) {
    sum.add(0.1);
  }
  // Exactly 100000.0000000000055511..., which rounds to 100000; adding in doubles drifts
  // to 100000.00000133288.
  CHECK(sum.value() == 100000.0);
  ExactSum negative;
  negative.add(-3.0);
  negative.add(0.5);
  CHECK(negative.value() == -2.5);
  CHECK(ExactSum{}.value() == 0.0);
}

TEST_CASE("sketch quantiles are within 2^-11 of the exact nearest-rank quantiles") {
  boost::random::mt19937_64 generator(11);
  boost::random::normal_distribution<double> normal(5000.0, 2000.0);
  std::vector<double> values;
  QuantileSketch sketch;
  for (int i = 0; i < 20001; ++i) {
    // A spread of signs and scales, and some exact zeros, as shortages have.
    const double x = i % 10 == 0 ? 0.0 : normal(generator);
    values.push_back(x);
    sketch.add(x);
  }
  std::sort(values.begin(), values.end());
  for (double q : {0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1.0}) {
    const auto rank = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(q * values.size())));
    const double exact = values[rank - 1];
    CHECK(std::abs(sketch.quantile(q) - exact) <= std::ldexp(std::abs(exact), -11));
  }
  CHECK(sketch.quantile(0.0) == values.front());
  CHECK(sketch.quantile(1.0) == values.back());
  CHECK(sketch.zeros() == 2001);
  CHECK(sketch.count() == 20001);
}

TEST_CASE("a sketch of one repeated value gives that value exactly") {
  QuantileSketch sketch;
  for (int i = 0; i < 5; ++i) {
    sketch.add(190579.123);
  }
  CHECK(sketch.quantile(0.05) == 190579.123);
  CHECK(sketch.quantile(0.95) == 190579.123);
}

TEST_CASE("merged sketches equal the sketch of all the values, in any order") {
  boost::random::mt19937_64 generator(5);
  boost::random::normal_distribution<double> normal(0.0, 1e5);
  QuantileSketch all;
  QuantileSketch parts[3];
  for (int i = 0; i < 3000; ++i) {
    const double x = normal(generator);
    all.add(x);
    parts[i % 3].add(x);
  }
  QuantileSketch merged;
  merged.merge(parts[2]);
  merged.merge(parts[0]);
  merged.merge(parts[1]);
  CHECK(merged.serialize() == all.serialize());
  const auto parsed = QuantileSketch::parse(all.serialize());
  REQUIRE(parsed);
  CHECK(parsed->serialize() == all.serialize());
  CHECK(parsed->quantile(0.3) == all.quantile(0.3));
}

Results results_with(double shortage, double workforce) {
  Results r;
  r.table = ResultTable::Zero(2, k_column_count);
  r.at(0, Column::time) = 2013;
  r.at(1, Column::time) = 2014;
  r.at(1, Column::shortage) = shortage;
  r.at(1, Column::workforce) = workforce;
  return r;
}

TEST_CASE("band statistics: mean, sd, zeros and exact merging") {
  const Results reference = results_with(10.0, 100.0);
  BandStats all(reference.table);
  BandStats first(reference.table);
  BandStats second(reference.table);
  const double shortages[] = {0.0, 10.0, 20.0, 30.0};
  for (int i = 0; i < 4; ++i) {
    const Results run = results_with(shortages[i], 100.0);
    all.add(run);
    (i < 2 ? first : second).add(run);
  }
  CHECK(all.runs() == 4);
  CHECK(all.mean(1, Column::shortage) == 15.0);
  CHECK(all.sd(1, Column::shortage) == Approx(std::sqrt(500.0 / 3.0)).epsilon(1e-15));
  CHECK(all.zeros(1, Column::shortage) == 1);
  // A variable that does not vary has sd exactly 0 and its own value as every quantile.
  CHECK(all.sd(1, Column::workforce) == 0.0);
  CHECK(all.mean(1, Column::workforce) == 100.0);
  CHECK(all.quantile(1, Column::workforce, 0.05) == 100.0);
  // The median run has 10; the sketch returns its bin's midpoint, within 2^-11 relative.
  CHECK(std::abs(all.quantile(1, Column::shortage, 0.5) - 10.0) <= std::ldexp(10.0, -11));
  CHECK(all.quantile(1, Column::shortage, 1.0) == 30.0);

  second.merge(first);
  CHECK(second.serialize() == all.serialize());
  const auto parsed = BandStats::parse(all.serialize());
  REQUIRE(parsed);
  CHECK(parsed->serialize() == all.serialize());
  CHECK(BandStats::parse("runs x").error().what == "malformed run count");
  CHECK(BandStats::parse("runs x").error().line == 1);
}

TEST_CASE("band statistics: batched runs give exactly the state of runs added one by one") {
  // Given 10 random 3-row tables, adding them one by one, as one add_runs span, and through
  // batches of 3 (three full batches and a flushed remainder) gives identical states.
  boost::random::mt19937 generator(7);
  boost::random::normal_distribution<double> noise(0.0, 1000.0);
  const auto random_run = [&] {
    Results r;
    r.table = ResultTable::Zero(3, k_column_count);
    for (int row = 0; row < 3; ++row) {
      for (int column = 1; column < k_column_count; ++column) {
        r.table(row, column) = row * 1e4 + noise(generator);
      }
    }
    return r;
  };
  const Results reference = random_run();
  BandStats one_by_one(reference.table);
  BandStats spanned(reference.table);
  BandStats batched(reference.table);
  std::vector<double> tables;
  {
    BandBatch batch(batched, 3);
    for (int run = 0; run < 10; ++run) {
      const Results r = random_run();
      one_by_one.add(r);
      tables.insert(tables.end(), r.table.data(), r.table.data() + r.table.size());
      batch.add(r);
    }
    CHECK(batched.runs() == 9);  // the tenth run waits for the flush
    batch.flush();
    batch.flush();  // a second flush adds nothing
  }
  spanned.add_runs(tables);
  CHECK(one_by_one.runs() == 10);
  CHECK(spanned.serialize() == one_by_one.serialize());
  CHECK(batched.serialize() == one_by_one.serialize());
}

}  // namespace
}  // namespace gapsim
