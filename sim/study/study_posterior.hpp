// A Monte Carlo study over a posterior: each run takes the calibrated keys' values from one
// posterior draw, chosen by the run's seed, and samples every other input from its prior.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "io/posterior_draws.hpp"
#include "io/uncertainty.hpp"

namespace gapsim {

struct StudyPosterior {
  std::shared_ptr<const PosteriorDraws> draws;
  std::vector<std::size_t> inputs;  // the input each of draws->keys sets
  std::string path;                 // as given, for the manifest
  std::string sha256;               // of the file's bytes
};

// Matches the draws' keys to the scenario's uncertain inputs. Throws InputError naming
// `path` for a key the scenario does not declare uncertain, and `path`, line and key for a
// value outside its prior's support.
StudyPosterior study_posterior(std::shared_ptr<const PosteriorDraws> draws, const std::vector<UncertainInput>& inputs,
                               const std::string& scenario_name, const std::string& path, const std::string& sha256);

// The draw run `run` takes of `draws`: floor(u draws), u = open_unit(run_seed(run_seed(seed,
// k_posterior_stream), run)), independent of the sampler's design point for the run.
std::size_t posterior_draw_of_run(std::uint64_t seed, std::int64_t run, std::size_t draws);

// Overwrites the calibrated keys' values among `values` (ScenarioVariants::inputs order) with
// the draw of run `run`. Allocates nothing.
void apply_posterior_draw(const StudyPosterior& posterior, std::uint64_t seed, std::int64_t run,
                          std::span<double> values);

// "# posterior PATH (sha256 HEX), N draws, for KEY KEY ...\n", for the study's manifest.
std::string study_posterior_text(const StudyPosterior& posterior);

}  // namespace gapsim
