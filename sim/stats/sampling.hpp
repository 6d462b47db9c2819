// Points of the unit cube for the runs of a study: plain random, Latin hypercube or Sobol.
// Each run's point depends only on the base seed and the run index, never on which thread or
// machine computes it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace gapsim {

enum class SamplerKind { random, lhs, sobol };

std::optional<SamplerKind> parse_sampler(std::string_view name);
std::string_view sampler_name(SamplerKind kind);

// The seed of run `run`: SplitMix64 of base_seed + run * golden ratio, so neighbouring runs
// (and neighbouring base seeds) get unrelated generator states.
std::uint64_t run_seed(std::uint64_t base_seed, std::uint64_t run);

// The j-th uniform of a run: from boost::random::mt19937_64 seeded with run_seed, as
// ((x >> 11) + 0.5) * 2^-53, strictly inside (0, 1).
double open_unit(std::uint64_t bits);

class UnitDesign {
 public:
  // REQUIRES dims >= 0, runs >= 1.
  // random: each coordinate from the run's own generator.
  // lhs:    coordinate j of run i is (perm_j[i] + v) / runs, perm_j a permutation of
  //         0..runs-1 drawn from the base seed, v from the run's generator: exactly one run in
  //         each of the `runs` strata of every dimension.
  // sobol:  point i + 1 of Boost's Sobol sequence (Joe-Kuo direction numbers; the origin is
  //         skipped); the seed is not used.
  UnitDesign(SamplerKind kind, int dims, std::int64_t runs, std::uint64_t seed);

  SamplerKind kind() const { return m_kind; }
  int dims() const { return m_dims; }

  // Fills u (size dims) with the point of `run`. Safe to call from several threads.
  void point(std::int64_t run, std::span<double> u) const;

 private:
  SamplerKind m_kind;
  int m_dims;
  std::int64_t m_runs;
  std::uint64_t m_seed;
  std::vector<std::uint32_t> m_strata;  // lhs: dims x runs, row-major
};

}  // namespace gapsim
