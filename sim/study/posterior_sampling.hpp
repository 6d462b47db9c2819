// Bayesian calibration of a scenario: the [uncertain] declarations of its keys are the prior,
// targets with stated observation errors give a Gaussian likelihood, and the stretch-move
// ensemble sampler (stats/ensemble_sampler.hpp) draws the posterior (docs/MODEL.md, section 15).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/calibration_targets.hpp"
#include "stats/distribution.hpp"
#include "study/uncertain_scenario.hpp"

namespace gapsim {

struct PosteriorOptions {
  int samples = 20000;  // retained draws over all walkers, rounded up to whole iterations
  int walkers = 0;      // 0: max(32, 4 keys), rounded up to even
  // Enough for the baseline's nine keys to reach R-hat below 1.01 (docs/MODEL.md 15.3).
  int burn_in = 2000;  // iterations discarded first
  int thin = 25;       // keep every thin-th iteration after the burn-in
  std::uint64_t seed = 1;
  int threads = 1;
};

// One calibrated key: an uncertain input of the scenario, its prior that input's distribution.
struct PosteriorKey {
  std::string label;  // "hiring.delay", "outsourcing.share@2030"
  std::size_t input;  // its index among the scenario's inputs
  Distribution prior;
};

// Pooled over every retained draw of every walker; R-hat and the effective sample size with
// each walker's path as one chain (stats/chain_diagnostics.hpp).
struct KeySummary {
  double mean = 0.0;
  double sd = 0.0;
  double p5 = 0.0;
  double p50 = 0.0;
  double p95 = 0.0;
  double rhat = 0.0;
  double ess = 0.0;
};

// The model's value at one target over the posterior, and the posterior predictive: the
// model's value plus an observation error drawn from N(0, sd^2).
struct TargetPredictive {
  CalibrationTarget target;
  double mean = 0.0;
  double p5 = 0.0;
  double p50 = 0.0;
  double p95 = 0.0;
  double predictive_p5 = 0.0;
  double predictive_p95 = 0.0;
};

struct Posterior {
  std::vector<PosteriorKey> keys;
  int walkers = 0;
  int iterations = 0;                        // retained per walker
  std::vector<double> values;                // [iteration][walker][key]
  std::vector<double> log_prior;             // [iteration][walker]
  std::vector<double> log_likelihood;        // [iteration][walker]
  std::vector<KeySummary> summaries;         // per key
  std::vector<TargetPredictive> predictive;  // per target
  double acceptance = 0.0;                   // of all proposals, burn-in included
  std::int64_t evaluations = 0;              // model runs by the sampler

  int draws() const { return iterations * walkers; }
  double value(int draw, std::size_t key) const { return values[static_cast<std::size_t>(draw) * keys.size() + key]; }
};

// The keys to calibrate: every uncertain key of `scenario` (the attack path is held at its
// median path: every target lies in the years its data cover), or only those named in
// `only` when it is not empty. Throws InputError naming a key of `only` that the scenario
// does not declare uncertain.
std::vector<PosteriorKey> posterior_keys(const UncertainScenario& scenario, const std::vector<std::string>& only);

// Samples the posterior of `keys` given `targets` (each with an sd). The sampler moves in z,
// each key x_k = F_k^-1(Phi(z_k)): there the prior is a standard normal whatever the
// declaration (bounded, skewed or discrete), so a posterior the data barely move stays
// close to Gaussian, which the stretch move samples well. The log density in z is
// -1/2 sum z_k^2 - 1/2 sum ((model - value) / sd)^2 over the targets. The walkers start at
// independent prior draws. Throws InputError naming `targets_path` and the
// line of a target without an sd or whose year has no report row. The same options give the
// same bytes for any thread count.
Posterior sample_posterior(const UncertainScenario& scenario, const std::vector<PosteriorKey>& keys,
                           const std::vector<CalibrationTarget>& targets, const std::string& targets_path,
                           const PosteriorOptions& options);

// One line per failed diagnostic: "KEY: R-hat 1.03 is above 1.01" or "KEY: effective sample
// size 212 is below 400", naming what would help.
std::vector<std::string> posterior_warnings(const Posterior& posterior);

}  // namespace gapsim
