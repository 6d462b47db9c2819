// Convergence diagnostics of Markov chains of one scalar: split R-hat and the effective sample
// size, as Stan computes them, plus the mean, sd and quantiles of the pooled draws. For an
// ensemble sampler each walker's path is one chain (EnsembleChain::parameter_chains); the
// walkers are not independent of each other, so the pooled effective sample size is an
// estimate of the ensemble's, not a guarantee.
#pragma once

#include <vector>

namespace gapsim {

// Chains of equal length n; every function below REQUIRES at least one chain and throws
// std::invalid_argument on chains of unequal length.
using Chains = std::vector<std::vector<double>>;

// Split R-hat (Gelman et al. 2013, BDA3 section 11.4), not rank-normalised: every chain cut
// into its first and last floor(n/2) draws (the middle one dropped when n is odd), then with
// m' = 2m half-chains of length n', W the mean of their variances (divisor n' - 1) and B/n'
// the variance of their means (divisor m' - 1):
// R-hat = sqrt(((n' - 1)/n' W + B/n') / W). REQUIRES n >= 4.
double split_rhat(const Chains& chains);

// Effective sample size of the pooled draws (Stan's ess, Geyer's initial monotone sequence on
// the chains as given, not split): rho_t = 1 - (W - mean_m acov_m(t)) / var_plus, acov the
// biased autocovariance (divisor n), W the mean within-chain variance (divisor n - 1),
// var_plus = (n - 1)/n W + B/n (B/n = 0 for one chain). Pairs P_k = rho_2k + rho_2k+1 are
// summed while positive, each capped by the previous one; tau = -1 + 2 sum P_k, and
// ESS = m n / tau, capped at m n log10(m n). The autocovariances are summed lag by lag only
// as far as the sequence goes (cost m n times about the autocorrelation time), so a strongly
// correlated long chain is better thinned first. REQUIRES n >= 4.
double effective_sample_size(const Chains& chains);

double pooled_mean(const Chains& chains);
// Standard deviation of the pooled draws, divisor (total - 1).
double pooled_sd(const Chains& chains);
// Quantile p of the pooled draws, linear interpolation between order statistics (type 7:
// position p (N - 1) in the sorted draws). REQUIRES 0 <= p <= 1.
double pooled_quantile(const Chains& chains, double p);

}  // namespace gapsim
