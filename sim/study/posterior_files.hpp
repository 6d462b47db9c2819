// The files of `gapsim calibrate --posterior`.
#pragma once

#include <string>

#include "study/posterior_sampling.hpp"

namespace gapsim {

// draw, walker, iteration, every key, log_prior, log_likelihood: one row per retained draw,
// draw = iteration * walkers + walker, numbers in shortest round-trip form (read back
// exactly by read_posterior_draws).
std::string posterior_csv(const Posterior& posterior);

// key, mean, sd, p5, p50, p95, rhat, ess, acceptance (the ensemble's, the same on every row).
std::string posterior_summary_csv(const Posterior& posterior);

// year, variable, observed, sd, mean, p5, p50, p95 (the model's value over the posterior),
// predictive_p5, predictive_p95 (with the observation error), z = (mean - observed) / sd, and
// covered: 1 when the observation lies in the predictive 90% interval.
std::string posterior_predictive_csv(const Posterior& posterior);

// For the terminal: per key its mean and 90% interval, R-hat and effective sample size, then
// the acceptance rate and the model runs.
std::string posterior_summary_text(const Posterior& posterior);

}  // namespace gapsim
