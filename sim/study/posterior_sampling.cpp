// Posterior sampling of a scenario's uncertain keys.
#include "study/posterior_sampling.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <span>

#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "model/engine.hpp"
#include "model/summary.hpp"
#include "stats/chain_diagnostics.hpp"
#include "stats/ensemble_sampler.hpp"
#include "stats/sampling.hpp"
#include "study/parallel_for.hpp"
#include "study/study_inputs.hpp"

namespace gapsim {
namespace {

constexpr double k_max_rhat = 1.01;
constexpr double k_min_ess = 400.0;
// Streams of the seed apart from the sampler's own: the walkers' start and the observation
// errors of the posterior predictive.
constexpr std::uint64_t k_start_stream = 0x5354415254ULL;
constexpr std::uint64_t k_predictive_stream = 0x50524544ULL;

const boost::math::normal k_standard_normal;

double normal_probability(double z) { return boost::math::cdf(k_standard_normal, z); }

// One worker's model: its own copy of the variants and its own workspace, so that workers
// run in parallel without sharing anything they write.
struct TargetModel {
  ScenarioVariants variants;
  std::vector<double> values;  // every input's value; the calibrated keys' are set per call
  Workspace workspace;
  Results results;
};

class Likelihood {
 public:
  Likelihood(const UncertainScenario& scenario, const std::vector<PosteriorKey>& keys,
             const std::vector<CalibrationTarget>& targets, const std::vector<int>& rows, int workers)
      : m_keys(keys), m_targets(targets), m_rows(rows) {
    const std::vector<double> medians = values_at(scenario.inputs);
    for (int w = 0; w < workers; ++w) {
      m_models.push_back({scenario.variants, medians, {}, {}});
    }
  }

  // The keys at prior probabilities Phi(z), run on `worker`'s model. REQUIRES: every
  // Phi(z_k) in (0, 1).
  const Results& run(std::span<const double> z, int worker) {
    TargetModel& model = m_models[static_cast<std::size_t>(worker)];
    for (std::size_t k = 0; k < m_keys.size(); ++k) {
      model.values[m_keys[k].input] = key_value(k, z[k]);
    }
    Engine::run(model.variants.inputs(model.values), model.workspace, model.results);
    return model.results;
  }

  double model_value(const Results& results, std::size_t target) const {
    return results.at(m_rows[target], m_targets[target].variable);
  }

  double key_value(std::size_t k, double z) const { return m_keys[k].prior.quantile(normal_probability(z)); }

  // log L + sum log phi(z_k), constants dropped: the posterior's log density in z.
  double log_density(std::span<const double> z, int worker) {
    double sum = 0.0;
    for (const double zk : z) {
      const double u = normal_probability(zk);
      if (!(0.0 < u && u < 1.0)) {  // |z| beyond about 8: a prior mass below 1e-15
        return -std::numeric_limits<double>::infinity();
      }
      sum += zk * zk;
    }
    return -0.5 * sum + log_likelihood(run(z, worker));
  }

  double log_likelihood(const Results& results) const {
    double sum = 0.0;
    for (std::size_t t = 0; t < m_targets.size(); ++t) {
      const double z = (model_value(results, t) - m_targets[t].value) / *m_targets[t].sd;
      sum += z * z;
    }
    return -0.5 * sum;
  }

 private:
  const std::vector<PosteriorKey>& m_keys;
  const std::vector<CalibrationTarget>& m_targets;
  const std::vector<int>& m_rows;
  std::vector<TargetModel> m_models;
};

// The report row of every target's year; every target must state its error.
std::vector<int> target_rows(const UncertainScenario& scenario, const std::vector<CalibrationTarget>& targets,
                             const std::string& targets_path) {
  const Results base = scenario.variants.run_base();
  std::vector<int> rows;
  for (const CalibrationTarget& target : targets) {
    if (!target.sd) {
      throw_input_error(targets_path, target.line, "sd",
                        "a posterior needs the observation error of every target; give this row an sd or rel_sd");
    }
    const int row = row_of_year(base, target.year);
    if (row < 0) {
      throw_input_error(targets_path, target.line, "year",
                        std::to_string(target.year) + " is not a report year of " + scenario.raw.name);
    }
    rows.push_back(row);
  }
  return rows;
}

std::string fixed_decimals(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

int default_walkers(std::size_t keys) {
  const int walkers = std::max(32, 4 * static_cast<int>(keys));
  return walkers + walkers % 2;
}

KeySummary summarize_chains(const Chains& chains) {
  return {
      pooled_mean(chains),           pooled_sd(chains),  pooled_quantile(chains, 0.05), pooled_quantile(chains, 0.5),
      pooled_quantile(chains, 0.95), split_rhat(chains), effective_sample_size(chains)};
}

}  // namespace

std::vector<PosteriorKey> posterior_keys(const UncertainScenario& scenario, const std::vector<std::string>& only) {
  std::vector<PosteriorKey> keys;
  for (std::size_t i = 0; i < scenario.inputs.size(); ++i) {
    const UncertainInput& input = scenario.inputs[i];
    if (input.attack_path) {
      continue;
    }
    if (only.empty() || std::find(only.begin(), only.end(), input.key.label) != only.end()) {
      keys.push_back({input.key.label, i, input.distribution});
    }
  }
  for (const std::string& label : only) {
    if (std::none_of(keys.begin(), keys.end(), [&](const PosteriorKey& key) { return key.label == label; })) {
      throw_input_error(
          scenario.raw.path, 1, "uncertain." + label,
          "not declared uncertain in " + scenario.raw.name + ": a posterior needs a prior; declare it in [uncertain]");
    }
  }
  return keys;
}

Posterior sample_posterior(const UncertainScenario& scenario, const std::vector<PosteriorKey>& keys,
                           const std::vector<CalibrationTarget>& targets, const std::string& targets_path,
                           const PosteriorOptions& options) {
  const std::vector<int> rows = target_rows(scenario, targets, targets_path);
  const std::size_t d = keys.size();
  Likelihood likelihood(scenario, keys, targets, rows, options.threads);

  EnsembleOptions ensemble;
  ensemble.walkers = options.walkers > 0 ? options.walkers : default_walkers(d);
  ensemble.samples_per_walker = (options.samples + ensemble.walkers - 1) / ensemble.walkers;
  ensemble.burn_in = options.burn_in;
  ensemble.thin = options.thin;
  ensemble.seed = options.seed;
  ensemble.threads = options.threads;
  std::vector<std::vector<double>> start(static_cast<std::size_t>(ensemble.walkers), std::vector<double>(d));
  const std::uint64_t start_seed = run_seed(options.seed, k_start_stream);
  for (std::size_t w = 0; w < start.size(); ++w) {
    for (std::size_t k = 0; k < d; ++k) {
      start[w][k] = boost::math::quantile(k_standard_normal, open_unit(run_seed(start_seed, w * d + k)));
    }
  }
  const EnsembleChain chain = sample_ensemble(
      [&](std::span<const double> z, int worker) { return likelihood.log_density(z, worker); }, start, ensemble);

  Posterior posterior;
  posterior.keys = keys;
  posterior.walkers = chain.walkers;
  posterior.iterations = chain.iterations;
  posterior.acceptance = chain.overall_acceptance;
  posterior.evaluations = static_cast<std::int64_t>(ensemble.walkers) *
                          (1 + ensemble.burn_in + static_cast<std::int64_t>(chain.iterations) * ensemble.thin);
  const int draws = posterior.draws();
  posterior.values.resize(static_cast<std::size_t>(draws) * d);
  posterior.log_prior.assign(static_cast<std::size_t>(draws), 0.0);
  posterior.log_likelihood.resize(static_cast<std::size_t>(draws));
  for (int i = 0; i < draws; ++i) {
    for (std::size_t k = 0; k < d; ++k) {
      const PosteriorKey& key = posterior.keys[k];
      const double value = likelihood.key_value(k, chain.draws[static_cast<std::size_t>(i) * d + k]);
      posterior.values[static_cast<std::size_t>(i) * d + k] = value;
      posterior.log_prior[static_cast<std::size_t>(i)] += key.prior.log_density(value);
    }
  }
  for (std::size_t k = 0; k < d; ++k) {
    Chains chains(static_cast<std::size_t>(chain.walkers),
                  std::vector<double>(static_cast<std::size_t>(chain.iterations)));
    for (int t = 0; t < chain.iterations; ++t) {
      for (int w = 0; w < chain.walkers; ++w) {
        chains[static_cast<std::size_t>(w)][static_cast<std::size_t>(t)] = posterior.value(t * chain.walkers + w, k);
      }
    }
    posterior.summaries.push_back(summarize_chains(chains));
  }

  // The model at every target for every retained draw, run again (the sampler keeps only
  // positions and log densities), its log likelihood, and each draw's observation error
  // from its own seed.
  std::vector<double> model(static_cast<std::size_t>(draws) * targets.size());
  std::vector<double> observed(model.size());
  const std::uint64_t predictive_seed = run_seed(options.seed, k_predictive_stream);
  parallel_for(0, draws, options.threads,
               [&](int worker, std::int64_t i) {
                 const Results& results = likelihood.run(
                     std::span<const double>(chain.draws).subspan(static_cast<std::size_t>(i) * d, d), worker);
                 posterior.log_likelihood[static_cast<std::size_t>(i)] = likelihood.log_likelihood(results);
                 for (std::size_t t = 0; t < targets.size(); ++t) {
                   const std::size_t cell = static_cast<std::size_t>(i) * targets.size() + t;
                   model[cell] = likelihood.model_value(results, t);
                   const double u = open_unit(run_seed(predictive_seed, cell));
                   observed[cell] = model[cell] + *targets[t].sd * boost::math::quantile(k_standard_normal, u);
                 }
               },
               {});
  for (std::size_t t = 0; t < targets.size(); ++t) {
    std::vector<double> at(static_cast<std::size_t>(draws));
    std::vector<double> noisy(static_cast<std::size_t>(draws));
    for (int i = 0; i < draws; ++i) {
      at[static_cast<std::size_t>(i)] = model[static_cast<std::size_t>(i) * targets.size() + t];
      noisy[static_cast<std::size_t>(i)] = observed[static_cast<std::size_t>(i) * targets.size() + t];
    }
    const Chains at_chains{std::move(at)};
    const Chains noisy_chains{std::move(noisy)};
    TargetPredictive predictive{targets[t]};
    predictive.mean = pooled_mean(at_chains);
    predictive.p5 = pooled_quantile(at_chains, 0.05);
    predictive.p50 = pooled_quantile(at_chains, 0.5);
    predictive.p95 = pooled_quantile(at_chains, 0.95);
    predictive.predictive_p5 = pooled_quantile(noisy_chains, 0.05);
    predictive.predictive_p95 = pooled_quantile(noisy_chains, 0.95);
    posterior.predictive.push_back(predictive);
  }
  return posterior;
}

std::vector<std::string> posterior_warnings(const Posterior& posterior) {
  std::vector<std::string> warnings;
  for (std::size_t k = 0; k < posterior.keys.size(); ++k) {
    const KeySummary& summary = posterior.summaries[k];
    const std::string& label = posterior.keys[k].label;
    if (!(summary.rhat <= k_max_rhat)) {
      warnings.push_back(label + ": R-hat " + fixed_decimals(summary.rhat, 3) + " is above " +
                         format_number(k_max_rhat) + "; the walkers have not mixed: raise --burn-in or --samples");
    }
    if (!(summary.ess >= k_min_ess)) {
      warnings.push_back(label + ": effective sample size " + format_number(std::round(summary.ess)) + " is below " +
                         format_number(k_min_ess) + "; raise --samples or --thin");
    }
  }
  return warnings;
}

}  // namespace gapsim
