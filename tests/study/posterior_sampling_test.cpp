// Posterior sampling of the baseline's uncertain keys: the prior returned when the targets
// cannot see the keys, parameter recovery over seeded replications, thread independence,
// and the errors.
#include "study/posterior_sampling.hpp"

#include <boost/math/distributions/normal.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>

#include "io/input_error.hpp"
#include "model/engine.hpp"
#include "model/summary.hpp"
#include "stats/sampling.hpp"
#include "study/posterior_files.hpp"
#include "study/study_inputs.hpp"

namespace gapsim {
namespace {

const std::string k_baseline = GAPSIM_SOURCE_DIR "/scenarios/baseline.ini";

// The baseline with `keys` set to `truth` and every other input at its median, as the
// likelihood runs it.
Results run_at(const UncertainScenario& scenario, const std::vector<PosteriorKey>& keys,
               const std::vector<double>& truth) {
  ScenarioVariants variants = scenario.variants;
  std::vector<double> values = values_at(scenario.inputs);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    values[keys[k].input] = truth[k];
  }
  Workspace workspace;
  Results results;
  Engine::run(variants.inputs(values), workspace, results);
  return results;
}

PosteriorOptions small_options(std::uint64_t seed, int threads) {
  PosteriorOptions options;
  options.walkers = 16;
  options.samples = 16 * 100;
  options.burn_in = 200;
  options.thin = 2;
  options.seed = seed;
  options.threads = threads;
  return options;
}

TEST_CASE("posterior: targets the keys cannot move leave every key at its prior", "[study][posterior][statistical]") {
  // The 2013 row is the initial state, the same for every value of every key: the likelihood
  // is flat and the sampler, moving in z = Phi^-1(F(x)), must return the priors themselves.
  const UncertainScenario scenario(k_baseline, read_disk_file);
  const std::vector<CalibrationTarget> targets = {{2013, Column::workforce, 265000.0, 2, 13250.0},
                                                  {2013, Column::shortage, 80000.0, 3, 12000.0}};
  PosteriorOptions options = small_options(7, 2);
  options.samples = 40 * 1000;
  options.walkers = 40;
  options.burn_in = 100;
  const Posterior posterior = sample_posterior(scenario, posterior_keys(scenario, {}), targets, "flat", options);
  REQUIRE(posterior.keys.size() == 9);
  CHECK(posterior.acceptance > 0.1);  // proposals leaving the cube are rejected
  for (std::size_t k = 0; k < posterior.keys.size(); ++k) {
    const Distribution& prior = posterior.keys[k].prior;
    const KeySummary& s = posterior.summaries[k];
    INFO(posterior.keys[k].label << ": mean " << s.mean << " against " << prior.mean() << ", sd " << s.sd << " against "
                                 << std::sqrt(prior.variance()) << ", ESS " << s.ess);
    const double standard_error = std::sqrt(prior.variance() / s.ess);
    CHECK(std::abs(s.mean - prior.mean()) < 4.0 * standard_error);
    CHECK(std::abs(s.sd / std::sqrt(prior.variance()) - 1.0) < 0.1);
    CHECK(std::abs(s.p5 - prior.quantile(0.05)) < 0.1 * std::sqrt(prior.variance()) + 4.0 * standard_error);
    CHECK(std::abs(s.p95 - prior.quantile(0.95)) < 0.1 * std::sqrt(prior.variance()) + 4.0 * standard_error);
  }
  // The log likelihood is the same constant at every draw, and the log prior is each draw's.
  for (int i = 0; i < posterior.draws(); i += 997) {
    CHECK(posterior.log_likelihood[static_cast<std::size_t>(i)] == posterior.log_likelihood[0]);
    double log_prior = 0.0;
    for (std::size_t k = 0; k < posterior.keys.size(); ++k) {
      log_prior += posterior.keys[k].prior.log_density(posterior.value(i, k));
    }
    CHECK(posterior.log_prior[static_cast<std::size_t>(i)] == log_prior);
  }
}

TEST_CASE("posterior: 90% intervals cover the true keys in at least 85% of 40 replications",
          "[study][posterior][statistical]") {
  // Each replication draws the truth from the prior, runs the baseline there, observes its
  // workforce and shortage in 2014-2016 with a 3% error and samples the posterior: averaged
  // over the prior, a 90% interval covers the truth 90% of the time. The two keys' intervals
  // of one replication miss together more often than apart, so the count varies more than a
  // binomial's: base seed 1 gives 70 of 80; sampling in the unit cube, bases 1, 2, 3 and 2026
  // gave 71, 78, 73 and 65 (89.7% in all), and where 2026 misses the sampler agreed with a
  // 200 x 200 grid integration of the posterior.
  const UncertainScenario scenario(k_baseline, read_disk_file);
  const std::vector<PosteriorKey> keys = posterior_keys(scenario, {"demand.attack_elasticity", "hiring.delay"});
  REQUIRE(keys.size() == 2);
  int covered = 0;
  int intervals = 0;
  for (std::uint64_t replication = 0; replication < 40; ++replication) {
    const std::uint64_t seed = run_seed(1, replication);
    std::vector<double> truth;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      truth.push_back(keys[k].prior.quantile(open_unit(run_seed(seed, k))));
    }
    const Results results = run_at(scenario, keys, truth);
    std::vector<CalibrationTarget> targets;
    int line = 2;
    for (const int year : {2014, 2015, 2016}) {
      for (const Column variable : {Column::workforce, Column::shortage}) {
        const double model = results.at(row_of_year(results, year), variable);
        const double sd = 0.03 * model;
        const double z = boost::math::quantile(boost::math::normal(), open_unit(run_seed(seed, 100 + line)));
        targets.push_back({year, variable, model + sd * z, line++, sd});
      }
    }
    const Posterior posterior = sample_posterior(scenario, keys, targets, "truth", small_options(seed, 2));
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const KeySummary& s = posterior.summaries[k];
      covered += s.p5 <= truth[k] && truth[k] <= s.p95 ? 1 : 0;
      ++intervals;
    }
  }
  const double coverage = static_cast<double>(covered) / intervals;
  std::cout << "posterior recovery: 90% intervals covered the truth in " << covered << " of " << intervals << " ("
            << coverage << ")\n";
  CHECK(coverage >= 0.85);
}

TEST_CASE("posterior: the same bytes for 1 and 2 threads", "[study][posterior]") {
  const UncertainScenario scenario(k_baseline, read_disk_file);
  const std::vector<CalibrationTarget> targets = {{2016, Column::workforce, 280870.0, 2, 14043.5},
                                                  {2016, Column::shortage, 132060.0, 3, 13206.0}};
  const auto keys = posterior_keys(scenario, {"demand.attack_elasticity", "hiring.delay", "demand.growth"});
  const Posterior one = sample_posterior(scenario, keys, targets, "t", small_options(3, 1));
  const Posterior two = sample_posterior(scenario, keys, targets, "t", small_options(3, 2));
  CHECK(posterior_csv(one) == posterior_csv(two));
  CHECK(posterior_summary_csv(one) == posterior_summary_csv(two));
  CHECK(posterior_predictive_csv(one) == posterior_predictive_csv(two));
  CHECK(posterior_csv(one) != posterior_csv(sample_posterior(scenario, keys, targets, "t", small_options(4, 1))));
  // The shortage target pulls the model to the observation: the predictive interval holds it.
  CHECK(one.predictive[1].predictive_p5 < 132060.0);
  CHECK(one.predictive[1].predictive_p95 > 132060.0);
  CHECK(one.evaluations == 16 * (1 + 200 + 100 * 2));
}

TEST_CASE("posterior: a target without an error and a key without a prior are refused", "[study][posterior]") {
  const UncertainScenario scenario(k_baseline, read_disk_file);
  const std::vector<CalibrationTarget> no_sd = {{2016, Column::workforce, 280870.0, 5, {}}};
  CHECK_THROWS_WITH(sample_posterior(scenario, posterior_keys(scenario, {}), no_sd, "t.csv", small_options(1, 1)),
                    "t.csv:5: sd: a posterior needs the observation error of every target; give this row an sd or "
                    "rel_sd");
  const std::vector<CalibrationTarget> late = {{2040, Column::workforce, 280870.0, 4, 1.0}};
  CHECK_THROWS_WITH(sample_posterior(scenario, posterior_keys(scenario, {}), late, "t.csv", small_options(1, 1)),
                    "t.csv:4: year: 2040 is not a report year of baseline");
  CHECK_THROWS_WITH(posterior_keys(scenario, {"programme.riss.intake"}),
                    k_baseline +
                        ":1: uncertain.programme.riss.intake: not declared uncertain in baseline: a posterior "
                        "needs a prior; declare it in [uncertain]");
}

TEST_CASE("posterior: diagnostics that fail are warnings naming the key", "[study][posterior]") {
  Posterior posterior;
  posterior.keys = {{"hiring.delay", 0, Distribution::uniform(1, 6)},
                    {"demand.growth", 1, Distribution::uniform(0, 1)}};
  posterior.summaries = {{0, 0, 0, 0, 0, 1.0312, 5000.0}, {0, 0, 0, 0, 0, 1.002, 212.4}};
  const auto warnings = posterior_warnings(posterior);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] ==
        "hiring.delay: R-hat 1.031 is above 1.01; the walkers have not mixed: raise --burn-in or --samples");
  CHECK(warnings[1] == "demand.growth: effective sample size 212 is below 400; raise --samples or --thin");
}

}  // namespace
}  // namespace gapsim
