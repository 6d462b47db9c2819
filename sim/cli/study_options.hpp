// Options of the commands that run many variants of a scenario (mc, sweep, sensitivity):
// thread count, sampler and variable lists they share, and each one's options as the
// options struct of its study.
#pragma once

#include <boost/program_options.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "model/results.hpp"
#include "stats/sampling.hpp"
#include "study/monte_carlo.hpp"
#include "study/sensitivity.hpp"
#include "study/shard.hpp"
#include "study/sweep.hpp"
#include "study/uncertain_scenario.hpp"

namespace gapsim {

// Most worker threads per core that --threads may ask for.
inline constexpr int k_threads_per_core = 4;

// --threads: a positive count, at most k_threads_per_core per core; the default is every
// core the machine has. Throws UsageError beyond either bound.
int thread_count(const boost::program_options::variables_map& vm);

// --seed, or the seed option `name` (declared as text): a whole number 0..2^64-1 written
// without a sign. Throws UsageError for anything else, "-1" included.
std::uint64_t seed_option(const boost::program_options::variables_map& vm, const std::string& name = "seed");

// --sampler random|lhs|sobol.
SamplerKind sampler_option(const boost::program_options::variables_map& vm);

// "shortage,workforce" to columns; throws UsageError naming `option`
// and the closest valid name for an unknown one.
std::vector<Column> variable_list(const std::string& text, const std::string& option);

// Adds --threads and --quiet.
void add_study_options(boost::program_options::options_description& options);

// --quiet: no progress bar.
bool quiet_option(const boost::program_options::variables_map& vm);

// A duration for the terminal, with two decimals: "1.25".
std::string seconds_text(double seconds);

// DIR/NAME: the directory of one scenario's files, or a file, in the output directory.
std::string output_path(const std::string& out_dir, const std::string& name);

// --runs, --seed, --sampler, --threads, --series, --thresholds and --shard of `gapsim mc`: the plan of
// this process's runs and its shard of the study.
struct MonteCarloOptions {
  StudyPlan plan;
  Shard shard;
};
// Throws UsageError naming the option.
MonteCarloOptions monte_carlo_options(const boost::program_options::variables_map& vm);

// --output (the metric; `usage` when it is missing), --runs, --sampler, --seed, --bootstrap
// and --threads of `gapsim sensitivity`. Throws UsageError naming the option.
SensitivityOptions sensitivity_options(const boost::program_options::variables_map& vm, const std::string& usage);

// On stderr, naming the scenario: a note for each inherited declaration that a later file's
// value overrides (io/uncertainty.hpp), a warning for each declaration whose median is not
// the scenario's value (io/declaration_centre.hpp), and one for each declared input that
// changes no output (study/inert_inputs.hpp).
void check_declarations(const UncertainScenario& scenario, int threads);

// Each --set KEY=FROM:TO:STEP as an axis. Throws UsageError "--set TEXT: what".
std::vector<SweepAxis> sweep_axes(const std::vector<std::string>& texts);

}  // namespace gapsim
