// Stretch-move ensemble sampler (docs/MODEL.md, section 15).
#include "stats/ensemble_sampler.hpp"

#include "stats/sampling.hpp"

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <cmath>
#include <exception>
#include <limits>
#include <stdexcept>
#include <thread>

namespace gapsim {
namespace {

// emcee's default scale: z has density proportional to 1/sqrt(z) on [1/a, a].
constexpr double k_stretch_scale = 2.0;

struct EnsembleState {
  int dims;
  int walkers;
  std::vector<double> positions;  // [walker][parameter]
  std::vector<double> log_densities;
  std::vector<double> proposals;  // [walker][parameter], one slot per walker, set up once
  std::vector<std::int64_t> accepted;
};

// One walker's stretch move against the other half [other_begin, other_begin + other_size).
void move_walker(const LogDensity& log_density, int worker, EnsembleState& state, int walker, int other_begin,
                 int other_size, std::uint64_t seed, std::uint64_t iteration) {
  boost::random::mt19937_64 generator(walker_step_seed(seed, iteration, walker));
  const double u_stretch = open_unit(generator());
  const double u_partner = open_unit(generator());
  const double u_accept = open_unit(generator());
  const double root = (k_stretch_scale - 1.0) * u_stretch + 1.0;
  const double z = root * root / k_stretch_scale;
  const int partner = other_begin + std::min(other_size - 1, static_cast<int>(u_partner * other_size));
  const int d = state.dims;
  const double* x = &state.positions[static_cast<std::size_t>(walker) * d];
  const double* y = &state.positions[static_cast<std::size_t>(partner) * d];
  double* proposal = &state.proposals[static_cast<std::size_t>(walker) * d];
  for (int j = 0; j < d; ++j) {
    proposal[j] = y[j] + z * (x[j] - y[j]);
  }
  const double proposed = log_density(std::span<const double>(proposal, d), worker);
  const double log_ratio = (d - 1) * std::log(z) + proposed - state.log_densities[walker];
  // NaN proposals are rejected: the comparison is false.
  if (std::log(u_accept) < log_ratio) {
    std::copy(proposal, proposal + d, &state.positions[static_cast<std::size_t>(walker) * d]);
    state.log_densities[walker] = proposed;
    ++state.accepted[walker];
  }
}

// Moves walkers [begin, begin + size) against the other half, split into contiguous blocks
// over the threads; which thread moves a walker does not change its result.
void move_half(const LogDensity& log_density, EnsembleState& state, int begin, int size, int other_begin,
               int other_size, std::uint64_t seed, std::uint64_t iteration, int threads) {
  const auto move_block = [&](int worker, int first, int last) {
    for (int w = first; w < last; ++w) {
      move_walker(log_density, worker, state, w, other_begin, other_size, seed, iteration);
    }
  };
  const int used = std::min(threads, size);
  if (used <= 1) {
    move_block(0, begin, begin + size);
    return;
  }
  // A log density that throws on another thread must not terminate the program: each block
  // keeps its exception, and the first one is rethrown here once every block has finished.
  std::vector<std::exception_ptr> failures(used);
  {
    std::vector<std::jthread> workers;
    workers.reserve(used - 1);
    for (int t = 1; t < used; ++t) {
      workers.emplace_back([&, t] {
        try {
          move_block(t, begin + size * t / used, begin + size * (t + 1) / used);
        } catch (...) {
          failures[t] = std::current_exception();
        }
      });
    }
    try {
      move_block(0, begin, begin + size / used);
    } catch (...) {
      failures[0] = std::current_exception();
    }
  }
  for (const auto& failure : failures) {
    if (failure) {
      std::rethrow_exception(failure);
    }
  }
}

}  // namespace

std::uint64_t walker_step_seed(std::uint64_t seed, std::uint64_t iteration, std::uint64_t walker) {
  return run_seed(run_seed(seed, iteration), walker);
}

std::vector<double> EnsembleChain::walker_path(int walker, int parameter) const {
  std::vector<double> path(iterations);
  for (int t = 0; t < iterations; ++t) {
    path[t] = draw(t, walker, parameter);
  }
  return path;
}

std::vector<std::vector<double>> EnsembleChain::parameter_chains(int parameter) const {
  std::vector<std::vector<double>> chains;
  chains.reserve(walkers);
  for (int w = 0; w < walkers; ++w) {
    chains.push_back(walker_path(w, parameter));
  }
  return chains;
}

EnsembleChain sample_ensemble(const LogDensity& log_density, const std::vector<std::vector<double>>& initial,
                              const EnsembleOptions& options) {
  const int walkers = options.walkers;
  if (walkers < 4 || walkers % 2 != 0) {
    throw std::invalid_argument("ensemble sampler: walkers must be even and at least 4");
  }
  if (options.burn_in < 0 || options.samples_per_walker < 1 || options.thin < 1 || options.threads < 1) {
    throw std::invalid_argument(
        "ensemble sampler: need burn_in >= 0, samples_per_walker >= 1, thin >= 1, threads >= 1");
  }
  if (static_cast<int>(initial.size()) != walkers || initial.front().empty()) {
    throw std::invalid_argument("ensemble sampler: one non-empty initial position per walker");
  }
  const int d = static_cast<int>(initial.front().size());
  EnsembleState state{d, walkers, {}, {}, {}, {}};
  state.positions.reserve(static_cast<std::size_t>(walkers) * d);
  state.log_densities.resize(walkers);
  state.proposals.resize(static_cast<std::size_t>(walkers) * d);
  state.accepted.assign(walkers, 0);
  for (int w = 0; w < walkers; ++w) {
    if (static_cast<int>(initial[w].size()) != d) {
      throw std::invalid_argument("ensemble sampler: initial positions differ in dimension");
    }
    state.positions.insert(state.positions.end(), initial[w].begin(), initial[w].end());
    state.log_densities[w] = log_density(initial[w], 0);
    if (!std::isfinite(state.log_densities[w])) {
      throw std::invalid_argument("ensemble sampler: an initial position has no finite log density");
    }
  }

  EnsembleChain chain;
  chain.dims = d;
  chain.walkers = walkers;
  chain.iterations = options.samples_per_walker;
  chain.draws.reserve(static_cast<std::size_t>(chain.iterations) * walkers * d);
  chain.log_densities.reserve(static_cast<std::size_t>(chain.iterations) * walkers);

  const int half = walkers / 2;
  const std::int64_t total = options.burn_in + static_cast<std::int64_t>(options.samples_per_walker) * options.thin;
  for (std::int64_t t = 0; t < total; ++t) {
    const auto iteration = static_cast<std::uint64_t>(t);
    move_half(log_density, state, 0, half, half, half, options.seed, iteration, options.threads);
    move_half(log_density, state, half, half, 0, half, options.seed, iteration, options.threads);
    const std::int64_t after_burn_in = t - options.burn_in + 1;
    if (after_burn_in > 0 && after_burn_in % options.thin == 0) {
      chain.draws.insert(chain.draws.end(), state.positions.begin(), state.positions.end());
      chain.log_densities.insert(chain.log_densities.end(), state.log_densities.begin(), state.log_densities.end());
    }
  }

  chain.acceptance.resize(walkers);
  std::int64_t accepted = 0;
  for (int w = 0; w < walkers; ++w) {
    chain.acceptance[w] = static_cast<double>(state.accepted[w]) / static_cast<double>(total);
    accepted += state.accepted[w];
  }
  chain.overall_acceptance = static_cast<double>(accepted) / (static_cast<double>(total) * walkers);
  return chain;
}

}  // namespace gapsim
