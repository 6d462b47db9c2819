// Options shared by the commands that run many variants of a scenario (mc, sweep,
// sensitivity): thread count, sampler, variable lists.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "model/results.hpp"
#include "stats/sampling.hpp"

namespace gapsim {

// --threads: a positive count; the default is every core the machine has.
int thread_count(const boost::program_options::variables_map& vm);

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

// DIR/<scenario>: where a study writes the files of one scenario.
std::string scenario_directory(const std::string& out_dir, const std::string& scenario_name);

}  // namespace gapsim
