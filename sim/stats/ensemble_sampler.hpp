// The affine-invariant ensemble sampler of Goodman and Weare (2010) with the stretch move, as
// emcee runs it: the walkers are split into two halves, and each half moves against the
// other's current positions, so the walkers of one half can be proposed in parallel.
// Every walker draws its random numbers from its own generator, seeded from the seed, the
// walker and the iteration alone, so the chain is the same bytes for any thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace gapsim {

// Log of an unnormalised density; -infinity outside the support. Called from several threads
// at once when threads > 1, each passing its own worker number in [0, threads), so that a
// density that needs scratch space (a model run's workspace) can keep one per worker.
using LogDensity = std::function<double(std::span<const double> x, int worker)>;

struct EnsembleOptions {
  int walkers = 0;             // even, >= 4
  int burn_in = 0;             // iterations discarded before the retained ones
  int samples_per_walker = 0;  // retained iterations
  int thin = 1;                // keep every thin-th iteration after the burn-in
  std::uint64_t seed = 0;
  // Walkers of one half evaluated on this many threads, started anew for every half-step:
  // worth it only when one log density costs much more than starting a thread (tens of us).
  int threads = 1;
};

struct EnsembleChain {
  int dims = 0;
  int walkers = 0;
  int iterations = 0;                 // retained iterations
  std::vector<double> draws;          // [iteration][walker][parameter], row-major
  std::vector<double> log_densities;  // [iteration][walker]
  std::vector<double> acceptance;     // per walker, over burn-in and retained iterations
  double overall_acceptance = 0.0;

  double draw(int iteration, int walker, int parameter) const {
    return draws[(static_cast<std::size_t>(iteration) * walkers + walker) * dims + parameter];
  }
  // The retained values of one parameter along one walker's path.
  std::vector<double> walker_path(int walker, int parameter) const;
  // Every walker's path of one parameter (the chains the diagnostics take).
  std::vector<std::vector<double>> parameter_chains(int parameter) const;
};

// The seed of walker w's generator at iteration t (counting burn-in iterations from 0):
// run_seed(run_seed(seed, t), w), run_seed being SplitMix64 (stats/sampling.hpp).
std::uint64_t walker_step_seed(std::uint64_t seed, std::uint64_t iteration, std::uint64_t walker);

// REQUIRES initial.size() == walkers, all of one dimension d >= 1, each with a finite log
// density; walkers even and >= 4; burn_in >= 0; samples_per_walker >= 1; thin >= 1;
// threads >= 1. Throws std::invalid_argument otherwise; an exception from log_density reaches
// the caller, from whichever thread it came.
EnsembleChain sample_ensemble(const LogDensity& log_density, const std::vector<std::vector<double>>& initial,
                              const EnsembleOptions& options);

}  // namespace gapsim
