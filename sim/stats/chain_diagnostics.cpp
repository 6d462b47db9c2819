// Split R-hat and effective sample size (docs/MODEL.md, section 15).
#include "stats/chain_diagnostics.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace gapsim {
namespace {

std::size_t common_length(const Chains& chains, std::size_t minimum) {
  if (chains.empty()) {
    throw std::invalid_argument("chain diagnostics: no chains");
  }
  const std::size_t n = chains.front().size();
  for (const auto& chain : chains) {
    if (chain.size() != n) {
      throw std::invalid_argument("chain diagnostics: chains of unequal length");
    }
  }
  if (n < minimum) {
    throw std::invalid_argument("chain diagnostics: chains too short");
  }
  return n;
}

double mean_of(const double* x, std::size_t n) { return std::accumulate(x, x + n, 0.0) / static_cast<double>(n); }

double variance_of(const double* x, std::size_t n, double mean) {
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    sum += (x[i] - mean) * (x[i] - mean);
  }
  return sum / static_cast<double>(n - 1);
}

// Within-chain mean variance W and B/n over chains given as (pointer, length n) pieces.
struct Variances {
  double within;
  double between_over_n;
};

Variances variances(const std::vector<const double*>& pieces, std::size_t n, std::vector<double>& means) {
  const std::size_t m = pieces.size();
  means.resize(m);
  double within = 0.0;
  for (std::size_t c = 0; c < m; ++c) {
    means[c] = mean_of(pieces[c], n);
    within += variance_of(pieces[c], n, means[c]);
  }
  within /= static_cast<double>(m);
  double between_over_n = 0.0;
  if (m > 1) {
    const double grand = mean_of(means.data(), m);
    between_over_n = variance_of(means.data(), m, grand);
  }
  return {within, between_over_n};
}

}  // namespace

double split_rhat(const Chains& chains) {
  const std::size_t n = common_length(chains, 4);
  const std::size_t half = n / 2;
  std::vector<const double*> pieces;
  pieces.reserve(2 * chains.size());
  for (const auto& chain : chains) {
    pieces.push_back(chain.data());
    pieces.push_back(chain.data() + (n - half));
  }
  std::vector<double> means;
  const auto [within, between_over_n] = variances(pieces, half, means);
  const double h = static_cast<double>(half);
  const double var_plus = (h - 1.0) / h * within + between_over_n;
  return std::sqrt(var_plus / within);
}

double effective_sample_size(const Chains& chains) {
  const std::size_t n = common_length(chains, 4);
  const std::size_t m = chains.size();
  std::vector<const double*> pieces;
  for (const auto& chain : chains) {
    pieces.push_back(chain.data());
  }
  std::vector<double> means;
  const auto [within, between_over_n] = variances(pieces, n, means);
  const double nd = static_cast<double>(n);
  const double var_plus = (nd - 1.0) / nd * within + between_over_n;
  const double total = nd * static_cast<double>(m);

  // rho_t from the chains' biased autocovariances, computed lag by lag only as far as needed.
  const auto rho = [&](std::size_t lag) {
    double acov = 0.0;
    for (std::size_t c = 0; c < m; ++c) {
      const double* x = pieces[c];
      double sum = 0.0;
      for (std::size_t i = 0; i + lag < n; ++i) {
        sum += (x[i] - means[c]) * (x[i + lag] - means[c]);
      }
      acov += sum / nd;
    }
    acov /= static_cast<double>(m);
    return 1.0 - (within - acov) / var_plus;
  };

  double previous_pair = std::numeric_limits<double>::infinity();
  double pair_sum = 0.0;
  for (std::size_t lag = 0; lag + 1 < n; lag += 2) {
    double pair = rho(lag) + rho(lag + 1);
    if (!(pair > 0.0)) {
      break;
    }
    pair = std::min(pair, previous_pair);
    pair_sum += pair;
    previous_pair = pair;
  }
  const double tau = -1.0 + 2.0 * pair_sum;
  if (!(tau > 0.0)) {
    return total * std::log10(total);
  }
  return std::min(total / tau, total * std::log10(total));
}

double pooled_mean(const Chains& chains) {
  double sum = 0.0;
  std::size_t count = 0;
  for (const auto& chain : chains) {
    sum += std::accumulate(chain.begin(), chain.end(), 0.0);
    count += chain.size();
  }
  return sum / static_cast<double>(count);
}

double pooled_sd(const Chains& chains) {
  const double mean = pooled_mean(chains);
  double sum = 0.0;
  std::size_t count = 0;
  for (const auto& chain : chains) {
    for (double x : chain) {
      sum += (x - mean) * (x - mean);
    }
    count += chain.size();
  }
  return std::sqrt(sum / static_cast<double>(count - 1));
}

double pooled_quantile(const Chains& chains, double p) {
  if (!(p >= 0.0 && p <= 1.0)) {
    throw std::invalid_argument("pooled_quantile: p outside [0, 1]");
  }
  std::vector<double> all;
  for (const auto& chain : chains) {
    all.insert(all.end(), chain.begin(), chain.end());
  }
  if (all.empty()) {
    throw std::invalid_argument("pooled_quantile: no draws");
  }
  std::sort(all.begin(), all.end());
  const double position = p * static_cast<double>(all.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, all.size() - 1);
  return all[below] + (position - static_cast<double>(below)) * (all[above] - all[below]);
}

}  // namespace gapsim
