// Global variance-based sensitivity: first-order and total Sobol indices from Saltelli
// sampling, with bootstrap percentile intervals, and the Saltelli design that feeds them.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace gapsim {

// A point estimate and its bootstrap percentile interval.
struct IndexEstimate {
  double value = 0.0;
  double lo = 0.0;
  double hi = 0.0;
};

struct SobolIndices {
  double variance = 0.0;                   // Var(f) over the 2N outputs of A and B together
  std::vector<IndexEstimate> first_order;  // S_i, one per input
  std::vector<IndexEstimate> total;        // ST_i, one per input
};

// Indices from the outputs of a Saltelli design: f_a[j] = f(A_j), f_b[j] = f(B_j),
// f_ab[i][j] = f(A_j with column i taken from B_j), j < N.
//   V    = population variance of f_a and f_b together (divided by 2N),
//   S_i  = mean_j (f_b[j] - m) (f_ab[i][j] - f_a[j]) / V     (Saltelli 2010, with f_b centred
//          on m, the mean of f_a and f_b: same expectation, far less variance when |m| >> sd),
//   ST_i = mean_j (f_a[j] - f_ab[i][j])^2 / 2 / V            (Jansen 1999).
// Intervals resample the row index j `resamples` times (the same rows for V and every index
// within a resample, so they stay consistent) with boost::random::mt19937_64(seed), and take
// the nearest-rank order statistics ceil(p R) and ceil((1 - p) R), p = (1 - level) / 2,
// of the sorted resampled estimates. A resample whose V is 0 counts as an index of 0.
// REQUIRES: N >= 2; f_b and every f_ab[i] as long as f_a; resamples >= 1; 0 < level < 1.
// V == 0 gives every index 0 with a zero-width interval.
SobolIndices sobol_indices(std::span<const double> f_a, std::span<const double> f_b,
                           const std::vector<std::vector<double>>& f_ab, int resamples, std::uint64_t seed,
                           double level);

// Saltelli's design from N points of a 2d-dimensional unit-cube sequence: A = the first d
// coordinates, B = the last d. Returns the N (d + 2) unit points, d coordinates each, in the
// order A rows (N), B rows (N), then for i = 0..d-1 the N rows of AB_i (A with column i from
// B). `point(j, out)` fills the 2d coordinates of point j; it is called once for each
// j = 0..N-1 in order, so a sequential generator can ignore j.
std::vector<std::vector<double>> saltelli_design(int n, int d,
                                                 const std::function<void(std::int64_t, std::span<double>)>& point);

// The same design for inputs that are groups of coordinates (an input drawn from several
// uniforms, such as a whole attack path): `group_sizes[g]` consecutive coordinates make
// input g, d = their sum, and AB_g takes all of group g's coordinates from B. There are
// N (groups + 2) points, d coordinates each. With groups of 1 it is the design above.
std::vector<std::vector<double>> saltelli_design(int n, const std::vector<int>& group_sizes,
                                                 const std::function<void(std::int64_t, std::span<double>)>& point);

}  // namespace gapsim
