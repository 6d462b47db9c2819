// Split R-hat and effective sample size on chains whose answers are known: independent normal
// draws, chains with different means, AR(1) chains, and a split R-hat worked by hand.
#include "stats/chain_diagnostics.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

namespace gapsim {
namespace {

// m chains of n draws of x_t = phi x_{t-1} + sqrt(1 - phi^2) e_t, started in the stationary
// law N(0, 1), chain c shifted by offsets[c].
Chains ar1_chains(int m, int n, double phi, std::uint64_t seed, const std::vector<double>& offsets = {}) {
  boost::random::mt19937_64 generator(seed);
  boost::random::normal_distribution<double> normal;
  Chains chains(m, std::vector<double>(n));
  const double innovation_sd = std::sqrt(1.0 - phi * phi);
  for (int c = 0; c < m; ++c) {
    double x = normal(generator);
    for (int t = 0; t < n; ++t) {
      if (t > 0) {
        x = phi * x + innovation_sd * normal(generator);
      }
      chains[c][t] = x + (offsets.empty() ? 0.0 : offsets[c]);
    }
  }
  return chains;
}

}  // namespace

TEST_CASE("mcmc chain_diagnostics: split R-hat of two short chains by hand", "[core][mcmc]") {
  // Halves {1,2} {3,4} {2,3} {4,5}: W = 0.5, B/n' = var(1.5, 3.5, 2.5, 4.5) = 5/3,
  // var_plus = 0.5 * 0.5 + 5/3.
  const Chains chains = {{1, 2, 3, 4}, {2, 3, 4, 5}};
  CHECK(split_rhat(chains) == Approx(std::sqrt((0.25 + 5.0 / 3.0) / 0.5)).epsilon(1e-14));
}

TEST_CASE("mcmc chain_diagnostics: R-hat of independent normal chains is 1", "[core][mcmc]") {
  const Chains chains = ar1_chains(4, 2000, 0.0, 11);
  const double rhat = split_rhat(chains);
  CHECK(rhat == Approx(1.0).margin(0.01));
}

TEST_CASE("mcmc chain_diagnostics: R-hat of chains with different means is large", "[core][mcmc]") {
  const Chains chains = ar1_chains(4, 2000, 0.0, 12, {0.0, 1.0, 2.0, 3.0});
  CHECK(split_rhat(chains) > 1.1);
}

TEST_CASE("mcmc chain_diagnostics: R-hat sees a drift within each chain", "[core][mcmc]") {
  // Every chain has the same mean, but its first half lies below its second: only the split
  // finds it.
  Chains chains = ar1_chains(4, 2000, 0.0, 13);
  for (auto& chain : chains) {
    for (std::size_t t = 0; t < chain.size(); ++t) {
      chain[t] += 3.0 * static_cast<double>(t) / static_cast<double>(chain.size());
    }
  }
  CHECK(split_rhat(chains) > 1.1);
}

TEST_CASE("mcmc chain_diagnostics: ESS of AR(1) chains is n (1 - phi) / (1 + phi)", "[core][mcmc]") {
  for (const double phi : {0.0, 0.5, 0.9}) {
    const int m = 4;
    const int n = 10000;
    const Chains chains = ar1_chains(m, n, phi, 21);
    const double expected = m * n * (1.0 - phi) / (1.0 + phi);
    INFO("phi " << phi << " ESS " << effective_sample_size(chains) << " expected " << expected);
    CHECK(effective_sample_size(chains) == Approx(expected).epsilon(0.15));
  }
}

TEST_CASE("mcmc chain_diagnostics: pooled mean, sd and quantiles", "[core][mcmc]") {
  const Chains chains = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
  CHECK(pooled_mean(chains) == Approx(6.5));
  CHECK(pooled_sd(chains) == Approx(std::sqrt(13.0)));  // 12 * 13 / 12 = 13
  CHECK(pooled_quantile(chains, 0.0) == 1.0);
  CHECK(pooled_quantile(chains, 1.0) == 12.0);
  CHECK(pooled_quantile(chains, 0.5) == Approx(6.5));
  CHECK(pooled_quantile(chains, 0.05) == Approx(1.55));  // position 0.55
}

TEST_CASE("mcmc chain_diagnostics: unequal or empty chains are refused", "[core][mcmc]") {
  CHECK_THROWS_AS(split_rhat(Chains{}), std::invalid_argument);
  CHECK_THROWS_AS(split_rhat(Chains{{1, 2, 3, 4}, {1, 2, 3}}), std::invalid_argument);
  CHECK_THROWS_AS(effective_sample_size(Chains{{1, 2}}), std::invalid_argument);
}

}  // namespace gapsim
