// Sobol indices: one estimator shared by the point estimate (all rows) and every bootstrap
// resample (drawn rows), so the two cannot drift apart.
#include "stats/sobol_indices.hpp"

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cassert>
#include <cmath>
#include <numeric>

namespace gapsim {
namespace {

struct Outputs {
  std::span<const double> a;
  std::span<const double> b;
  const std::vector<std::vector<double>>& ab;
};

// V, S_i and ST_i over the rows `rows` (repeats allowed), written to first[i] and total[i].
// Returns V; the indices are 0 when V is 0, where they are undefined.
double estimate(const Outputs& f, std::span<const std::size_t> rows, std::span<double> first, std::span<double> total) {
  const double n = static_cast<double>(rows.size());
  // Two passes (mean, then squared deviations) rather than E[f^2] - E[f]^2, which loses
  // everything to cancellation when the mean is large next to the spread.
  double sum = 0.0;
  for (std::size_t j : rows) {
    sum += f.a[j] + f.b[j];
  }
  const double mean = sum / (2.0 * n);
  double squares = 0.0;
  for (std::size_t j : rows) {
    const double da = f.a[j] - mean;
    const double db = f.b[j] - mean;
    squares += da * da + db * db;
  }
  const double variance = squares / (2.0 * n);
  for (std::size_t i = 0; i < f.ab.size(); ++i) {
    if (variance == 0.0) {
      first[i] = 0.0;
      total[i] = 0.0;
      continue;
    }
    const std::vector<double>& ab = f.ab[i];
    double first_sum = 0.0;
    double total_sum = 0.0;
    for (std::size_t j : rows) {
      const double step = ab[j] - f.a[j];
      // f_b centred on the mean: the same expectation (the step has mean zero), but without
      // the variance a large mean next to a small spread adds (a shortage of 180,000 +- 37,000).
      first_sum += (f.b[j] - mean) * step;
      total_sum += step * step;
    }
    first[i] = first_sum / n / variance;
    total[i] = total_sum / n / 2.0 / variance;
  }
  return variance;
}

// The 1-based nearest rank ceil(p R), clamped to [1, R]. The small guard keeps the rounding in
// p = (1 - level) / 2 from pushing an exact rank (p R integral) up by one.
std::size_t nearest_rank(double p, std::size_t count) {
  const double rank = std::ceil(p * static_cast<double>(count) - 1e-9);
  return static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(count)));
}

// The percentile interval of the `count` estimates in `samples`, which it sorts.
void percentile_interval(std::span<double> samples, double level, IndexEstimate& out) {
  std::sort(samples.begin(), samples.end());
  const double p = (1.0 - level) / 2.0;
  out.lo = samples[nearest_rank(p, samples.size()) - 1];
  out.hi = samples[nearest_rank(1.0 - p, samples.size()) - 1];
}

}  // namespace

SobolIndices sobol_indices(std::span<const double> f_a, std::span<const double> f_b,
                           const std::vector<std::vector<double>>& f_ab, int resamples, std::uint64_t seed,
                           double level) {
  const std::size_t n = f_a.size();
  const std::size_t d = f_ab.size();
  assert(n >= 2 && f_b.size() == n && resamples >= 1 && level > 0.0 && level < 1.0);
  assert(std::all_of(f_ab.begin(), f_ab.end(), [n](const auto& column) { return column.size() == n; }));
  const Outputs f{f_a, f_b, f_ab};

  std::vector<std::size_t> rows(n);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  std::vector<double> first(d);
  std::vector<double> total(d);
  SobolIndices result;
  result.variance = estimate(f, rows, first, total);
  result.first_order.resize(d);
  result.total.resize(d);
  for (std::size_t i = 0; i < d; ++i) {
    result.first_order[i] = {first[i], first[i], first[i]};
    result.total[i] = {total[i], total[i], total[i]};
  }
  if (result.variance == 0.0) {
    return result;
  }

  // Resampled estimates, index-major so each index's R samples sort in place.
  const std::size_t count = static_cast<std::size_t>(resamples);
  std::vector<double> first_samples(d * count);
  std::vector<double> total_samples(d * count);
  boost::random::mt19937_64 generator(seed);
  boost::random::uniform_int_distribution<std::size_t> pick(0, n - 1);
  for (std::size_t r = 0; r < count; ++r) {
    for (std::size_t& row : rows) {
      row = pick(generator);
    }
    estimate(f, rows, first, total);
    for (std::size_t i = 0; i < d; ++i) {
      first_samples[i * count + r] = first[i];
      total_samples[i * count + r] = total[i];
    }
  }
  for (std::size_t i = 0; i < d; ++i) {
    percentile_interval(std::span(first_samples).subspan(i * count, count), level, result.first_order[i]);
    percentile_interval(std::span(total_samples).subspan(i * count, count), level, result.total[i]);
  }
  return result;
}

std::vector<std::vector<double>> saltelli_design(int n, int d,
                                                 const std::function<void(std::int64_t, std::span<double>)>& point) {
  return saltelli_design(n, std::vector<int>(static_cast<std::size_t>(d), 1), point);
}

std::vector<std::vector<double>> saltelli_design(int n, const std::vector<int>& group_sizes,
                                                 const std::function<void(std::int64_t, std::span<double>)>& point) {
  const auto rows = static_cast<std::size_t>(n);
  const std::size_t groups = group_sizes.size();
  std::size_t dims = 0;
  for (const int size : group_sizes) {
    dims += static_cast<std::size_t>(size);
  }
  std::vector<std::vector<double>> design(rows * (groups + 2), std::vector<double>(dims));
  std::vector<double> coordinates(2 * dims);
  for (std::size_t j = 0; j < rows; ++j) {
    point(static_cast<std::int64_t>(j), coordinates);
    std::vector<double>& a = design[j];
    std::vector<double>& b = design[rows + j];
    std::copy_n(coordinates.begin(), dims, a.begin());
    std::copy_n(coordinates.begin() + static_cast<std::ptrdiff_t>(dims), dims, b.begin());
    std::size_t first = 0;
    for (std::size_t g = 0; g < groups; ++g) {
      std::vector<double>& ab = design[(2 + g) * rows + j];
      ab = a;
      const auto size = static_cast<std::size_t>(group_sizes[g]);
      std::copy_n(b.begin() + static_cast<std::ptrdiff_t>(first), size,
                  ab.begin() + static_cast<std::ptrdiff_t>(first));
      first += size;
    }
  }
  return design;
}

}  // namespace gapsim
