// The stretch-move ensemble sampler against targets with known answers: a correlated Gaussian
// posterior (moments analytic), a banana-shaped target (quantiles by grid integration), and
// the same bytes for any thread count.
#include "stats/ensemble_sampler.hpp"

#include "stats/chain_diagnostics.hpp"
#include "stats/sampling.hpp"
#include "support/allocation_counter.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <array>
#include <atomic>
#include <boost/math/distributions/normal.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

namespace gapsim {
namespace {

// Starting points spread uniformly over [-1, 1]^d, from a fixed seed.
std::vector<std::vector<double>> spread_start(int walkers, int dims, std::uint64_t seed) {
  std::vector<std::vector<double>> start(walkers, std::vector<double>(dims));
  for (int w = 0; w < walkers; ++w) {
    for (int j = 0; j < dims; ++j) {
      start[w][j] = -1.0 + 2.0 * open_unit(run_seed(seed, static_cast<std::uint64_t>(w * dims + j)));
    }
  }
  return start;
}

// A Gaussian log density -0.5 (x - mu)' Sigma^-1 (x - mu).
struct GaussianTarget {
  Eigen::VectorXd mean;
  Eigen::MatrixXd precision;
  double operator()(std::span<const double> x, int /*worker*/ = 0) const {
    const Eigen::Map<const Eigen::VectorXd> point(x.data(), static_cast<Eigen::Index>(x.size()));
    const Eigen::VectorXd r = point - mean;
    return -0.5 * r.dot(precision * r);
  }
};

// The posterior of a normal linear model y = X beta + e, e ~ N(0, I), flat prior, is
// N((X'X)^-1 X'y, (X'X)^-1); a design with nearly collinear columns gives the posterior a
// correlation of about -0.9 between the first two coefficients.
struct LinearModelPosterior {
  Eigen::VectorXd mean;
  Eigen::MatrixXd covariance;
};

LinearModelPosterior linear_model_posterior() {
  const int n = 20;
  Eigen::MatrixXd design(n, 3);
  Eigen::VectorXd y(n);
  for (int i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / (n - 1);
    design(i, 0) = 1.0;
    design(i, 1) = t + 0.1 * std::sin(7.0 * i);
    design(i, 2) = std::cos(3.0 * i);
    y(i) = 0.5 + 2.0 * design(i, 1) - 1.0 * design(i, 2) + 0.3 * std::sin(11.0 * i);
  }
  const Eigen::MatrixXd gram = design.transpose() * design;
  LinearModelPosterior posterior;
  posterior.covariance = gram.inverse();
  posterior.mean = gram.ldlt().solve(design.transpose() * y);
  return posterior;
}

EnsembleOptions sampler_options(int walkers, int burn_in, int samples_per_walker, std::uint64_t seed) {
  EnsembleOptions options;
  options.walkers = walkers;
  options.burn_in = burn_in;
  options.samples_per_walker = samples_per_walker;
  options.seed = seed;
  return options;
}

}  // namespace

TEST_CASE("mcmc ensemble_sampler: normal linear model posterior moments", "[core][mcmc]") {
  const LinearModelPosterior posterior = linear_model_posterior();
  const Eigen::MatrixXd& cov = posterior.covariance;
  const double correlation = cov(0, 1) / std::sqrt(cov(0, 0) * cov(1, 1));
  REQUIRE(std::abs(correlation) > 0.85);
  const GaussianTarget target{posterior.mean, cov.inverse()};

  const EnsembleChain chain = sample_ensemble(target, spread_start(24, 3, 5), sampler_options(24, 500, 2000, 20100101));
  CHECK(chain.overall_acceptance > 0.3);
  CHECK(chain.overall_acceptance < 0.9);

  for (int j = 0; j < 3; ++j) {
    const Chains chains = chain.parameter_chains(j);
    const double sd = std::sqrt(cov(j, j));
    const double ess = effective_sample_size(chains);
    INFO("parameter " << j << " ESS " << ess << " R-hat " << split_rhat(chains) << " mean " << pooled_mean(chains)
                      << " vs " << posterior.mean(j) << " sd " << pooled_sd(chains) << " vs " << sd);
    CHECK(ess > 1000.0);
    CHECK(split_rhat(chains) < 1.05);
    CHECK(pooled_mean(chains) == Approx(posterior.mean(j)).margin(4.0 * sd / std::sqrt(ess)));
    // The sd of a sample sd is about sd / sqrt(2 ESS) for a normal law.
    CHECK(pooled_sd(chains) == Approx(sd).margin(4.0 * sd / std::sqrt(2.0 * ess)));
  }
}

TEST_CASE("mcmc ensemble_sampler: banana quantiles against grid integration", "[core][mcmc]") {
  // log p = -x1^2 / 200 - (x2 + 0.05 x1^2 - 5)^2 / 2: x1 ~ N(0, 10^2), and
  // x2 | x1 ~ N(5 - 0.05 x1^2, 1), so P(x2 <= q) = int phi(x1; 0, 10) Phi(q - 5 + 0.05 x1^2).
  const LogDensity banana = [](std::span<const double> x, int) {
    const double bent = x[1] + 0.05 * x[0] * x[0] - 5.0;
    return -x[0] * x[0] / 200.0 - 0.5 * bent * bent;
  };
  const boost::math::normal standard;
  const boost::math::normal x1_law(0.0, 10.0);
  // Midpoint rule over x1 in [-100, 100] (ten sds) with step 0.02.
  const auto x2_cdf_and_density = [&](double q) {
    double cdf = 0.0;
    double density = 0.0;
    const double step = 0.02;
    for (double x1 = -100.0 + step / 2; x1 < 100.0; x1 += step) {
      const double weight = boost::math::pdf(x1_law, x1) * step;
      cdf += weight * boost::math::cdf(standard, q - 5.0 + 0.05 * x1 * x1);
      density += weight * boost::math::pdf(standard, q - 5.0 + 0.05 * x1 * x1);
    }
    return std::pair{cdf, density};
  };
  const auto x2_quantile = [&](double p) {
    double low = -200.0;
    double high = 20.0;
    for (int k = 0; k < 50; ++k) {
      const double mid = 0.5 * (low + high);
      (x2_cdf_and_density(mid).first < p ? low : high) = mid;
    }
    return 0.5 * (low + high);
  };

  // The walkers start spread over x1 in [-10, 10], x2 in [-1, 1]; the curved target mixes
  // slowly (an autocorrelation time of a few hundred iterations), hence the long run, thinned
  // to keep every tenth iteration.
  auto start = spread_start(32, 2, 9);
  for (auto& walker : start) {
    walker[0] *= 10.0;
  }
  EnsembleOptions options = sampler_options(32, 1000, 2000, 7);
  options.thin = 10;
  const EnsembleChain chain = sample_ensemble(banana, start, options);
  REQUIRE(chain.iterations == 2000);

  for (int j = 0; j < 2; ++j) {
    const Chains chains = chain.parameter_chains(j);
    const double ess = effective_sample_size(chains);
    for (const double p : {0.05, 0.5, 0.95}) {
      double exact = 0.0;
      double density = 0.0;
      if (j == 0) {
        exact = boost::math::quantile(x1_law, p);
        density = boost::math::pdf(x1_law, exact);
      } else {
        exact = x2_quantile(p);
        density = x2_cdf_and_density(exact).second;
      }
      // The sd of a sample quantile is sqrt(p (1 - p) / ESS) / density.
      const double tolerance = 4.0 * std::sqrt(p * (1.0 - p) / ess) / density;
      const double estimate = pooled_quantile(chains, p);
      INFO("x" << j + 1 << " p " << p << " estimate " << estimate << " exact " << exact << " tolerance " << tolerance
               << " ESS " << ess);
      CHECK(estimate == Approx(exact).margin(tolerance));
    }
  }
}

TEST_CASE("mcmc ensemble_sampler: the same bytes for 1, 2 and 3 threads", "[core][mcmc]") {
  const GaussianTarget target{Eigen::Vector3d(1.0, -2.0, 0.5), Eigen::Matrix3d::Identity()};
  EnsembleOptions options = sampler_options(14, 50, 200, 99);
  options.thin = 2;
  const auto start = spread_start(14, 3, 1);
  options.threads = 1;
  const EnsembleChain one = sample_ensemble(target, start, options);
  REQUIRE(one.iterations == 200);
  REQUIRE(one.draws.size() == 200u * 14u * 3u);
  for (const int threads : {2, 3}) {
    options.threads = threads;
    const EnsembleChain many = sample_ensemble(target, start, options);
    REQUIRE(many.draws.size() == one.draws.size());
    REQUIRE(many.log_densities.size() == one.log_densities.size());
    CHECK(std::memcmp(many.draws.data(), one.draws.data(), one.draws.size() * sizeof(double)) == 0);
    CHECK(std::memcmp(many.log_densities.data(), one.log_densities.data(), one.log_densities.size() * sizeof(double)) ==
          0);
    CHECK(many.acceptance == one.acceptance);
  }
  options.seed = 100;
  CHECK(sample_ensemble(target, start, options).draws != one.draws);
}

TEST_CASE("mcmc ensemble_sampler: each thread passes its own worker number", "[core][mcmc]") {
  // Counts per worker slot; a slot written by two threads at once would be a data race that
  // ThreadSanitizer reports, and a worker number out of range would miss the array.
  std::array<std::int64_t, 3> calls{};
  const LogDensity counted = [&calls](std::span<const double> x, int worker) {
    ++calls.at(static_cast<std::size_t>(worker));
    return -0.5 * (x[0] * x[0] + x[1] * x[1]);
  };
  EnsembleOptions options = sampler_options(12, 0, 10, 5);
  options.threads = 3;
  sample_ensemble(counted, spread_start(12, 2, 3), options);
  // 12 initial densities on worker 0, then each half of 6 walkers in blocks of 2 per thread.
  CHECK(calls[0] == 12 + 10 * 2 * 2);
  CHECK(calls[1] == 10 * 2 * 2);
  CHECK(calls[2] == 10 * 2 * 2);
}

TEST_CASE("mcmc ensemble_sampler: walkers stay in the support", "[core][mcmc]") {
  // A uniform law on the unit square: -inf outside, so every retained draw is inside and its
  // mean is near the centre.
  const LogDensity square = [](std::span<const double> x, int) {
    const bool inside = x[0] > 0.0 && x[0] < 1.0 && x[1] > 0.0 && x[1] < 1.0;
    return inside ? 0.0 : -std::numeric_limits<double>::infinity();
  };
  auto start = spread_start(8, 2, 3);
  for (auto& walker : start) {
    for (double& x : walker) {
      x = 0.5 + 0.4 * x;
    }
  }
  const EnsembleChain chain = sample_ensemble(square, start, sampler_options(8, 100, 2000, 4));
  for (const double x : chain.draws) {
    REQUIRE(x > 0.0);
    REQUIRE(x < 1.0);
  }
  const Chains chains = chain.parameter_chains(0);
  const double sd = std::sqrt(1.0 / 12.0);
  CHECK(pooled_mean(chains) == Approx(0.5).margin(4.0 * sd / std::sqrt(effective_sample_size(chains))));
}

TEST_CASE("mcmc ensemble_sampler: bad options are refused", "[core][mcmc]") {
  const LogDensity flat = [](std::span<const double>, int) { return 0.0; };
  EnsembleOptions options;
  options.walkers = 5;
  options.samples_per_walker = 1;
  CHECK_THROWS_AS(sample_ensemble(flat, spread_start(5, 2, 1), options), std::invalid_argument);
  options.walkers = 4;
  CHECK_THROWS_AS(sample_ensemble(flat, spread_start(6, 2, 1), options), std::invalid_argument);
  const LogDensity nowhere = [](std::span<const double>, int) { return -std::numeric_limits<double>::infinity(); };
  CHECK_THROWS_AS(sample_ensemble(nowhere, spread_start(4, 2, 1), options), std::invalid_argument);
}

TEST_CASE("mcmc ensemble_sampler: a throwing log density reaches the caller from any thread", "[core][mcmc]") {
  const auto start = spread_start(8, 2, 1);
  std::atomic<int> calls{0};
  // The eight starting positions evaluate; every proposal's evaluation throws.
  const LogDensity fails_later = [&calls](std::span<const double>, int) {
    if (++calls > 8) {
      throw std::runtime_error("no density here");
    }
    return 0.0;
  };
  EnsembleOptions options = sampler_options(8, 0, 10, 1);
  options.threads = 3;
  CHECK_THROWS_AS(sample_ensemble(fails_later, start, options), std::runtime_error);
}

TEST_CASE("mcmc ensemble_sampler: the allocations do not grow with the iterations", "[core][mcmc]") {
  // Everything is set up before the loop: a run ten times longer makes the same number of
  // allocations (one thread; the log density here allocates nothing).
  const LogDensity normal = [](std::span<const double> x, int) { return -0.5 * (x[0] * x[0] + x[1] * x[1]); };
  const auto start = spread_start(6, 2, 2);
  const auto allocations = [&](int iterations) {
    const std::size_t before = test::allocations_so_far();
    const EnsembleChain chain = sample_ensemble(normal, start, sampler_options(6, iterations, iterations, 3));
    return test::allocations_so_far() - before;
  };
  CHECK(allocations(1000) == allocations(100));
}

}  // namespace gapsim
