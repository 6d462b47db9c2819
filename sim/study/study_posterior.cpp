// Posterior draws in a Monte Carlo study.
#include "study/study_posterior.hpp"

#include <algorithm>

#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "stats/sampling.hpp"

namespace gapsim {
namespace {

// A stream of the seed of its own, so that the draw a run takes does not follow its design point.
constexpr std::uint64_t k_posterior_stream = 0x504f5354ULL;

}  // namespace

StudyPosterior study_posterior(std::shared_ptr<const PosteriorDraws> draws, const std::vector<UncertainInput>& inputs,
                               const std::string& scenario_name, const std::string& path, const std::string& sha256) {
  StudyPosterior posterior{std::move(draws), {}, path, sha256};
  const PosteriorDraws& d = *posterior.draws;
  for (std::size_t k = 0; k < d.keys.size(); ++k) {
    const auto found = std::find_if(inputs.begin(), inputs.end(), [&](const UncertainInput& input) {
      return !input.attack_path && input.key.label == d.keys[k];
    });
    if (found == inputs.end()) {
      throw_input_error(path, 1, d.keys[k],
                        "not an uncertain input of " + scenario_name +
                            ": this posterior was drawn for another scenario, or the declaration was dropped");
    }
    posterior.inputs.push_back(static_cast<std::size_t>(found - inputs.begin()));
    const Distribution& prior = found->distribution;
    for (std::size_t i = 0; i < d.draws(); ++i) {
      const double value = d.value(i, k);
      if (!(prior.lower() <= value && value <= prior.upper())) {
        throw_input_error(path, d.lines[i], d.keys[k],
                          format_number(value) + " lies outside its prior " + prior.text() + " in " + scenario_name);
      }
    }
  }
  return posterior;
}

std::size_t posterior_draw_of_run(std::uint64_t seed, std::int64_t run, std::size_t draws) {
  const double u = open_unit(run_seed(run_seed(seed, k_posterior_stream), static_cast<std::uint64_t>(run)));
  return std::min(draws - 1, static_cast<std::size_t>(u * static_cast<double>(draws)));
}

void apply_posterior_draw(const StudyPosterior& posterior, std::uint64_t seed, std::int64_t run,
                          std::span<double> values) {
  const PosteriorDraws& d = *posterior.draws;
  const std::size_t draw = posterior_draw_of_run(seed, run, d.draws());
  for (std::size_t k = 0; k < posterior.inputs.size(); ++k) {
    values[posterior.inputs[k]] = d.value(draw, k);
  }
}

std::string study_posterior_text(const StudyPosterior& posterior) {
  std::string out = "# posterior " + posterior.path + " (sha256 " + posterior.sha256 + "), " +
                    std::to_string(posterior.draws->draws()) + " draws, for";
  for (const std::string& key : posterior.draws->keys) {
    out += ' ';
    out += key;
  }
  return out + "\n";
}

}  // namespace gapsim
