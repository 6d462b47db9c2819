// Parsing of the options shared by the study commands.
#include "cli/study_options.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/options.hpp"
#include "cli/usage_error.hpp"
#include "io/declaration_centre.hpp"
#include "io/output_variable.hpp"
#include "io/value_parser.hpp"
#include "study/inert_inputs.hpp"
#include "study/threshold_counts.hpp"

namespace gapsim {

namespace po = boost::program_options;

int thread_count(const po::variables_map& vm) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!vm.count("threads")) {
    return cores;
  }
  const int threads = vm["threads"].as<int>();
  if (threads < 1) {
    throw UsageError("--threads must be at least 1");
  }
  // Each worker holds a workspace and a band batch; more workers than this only cost memory.
  const int most = k_threads_per_core * cores;
  if (threads > most) {
    throw UsageError("--threads must be at most " + std::to_string(most) + " (" + std::to_string(k_threads_per_core) +
                     " per core, " + std::to_string(cores) + " cores)");
  }
  return threads;
}

std::uint64_t seed_option(const po::variables_map& vm, const std::string& name) {
  // Read as text: Boost's conversion to an unsigned type takes "-1" as 2^64 - 1.
  const std::string text = vm[name].as<std::string>();
  std::uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || text.front() == '-' || error != std::errc{} || end != text.data() + text.size()) {
    throw UsageError("--" + name + " must be a whole number from 0 to 18446744073709551615, not '" + text + "'");
  }
  return seed;
}

SamplerKind sampler_option(const po::variables_map& vm) {
  const std::string name = vm["sampler"].as<std::string>();
  const auto kind = parse_sampler(name);
  if (!kind) {
    throw UsageError("--sampler must be random, lhs or sobol, not '" + name + "'");
  }
  return *kind;
}

std::vector<Column> variable_list(const std::string& text, const std::string& option) {
  std::vector<Column> columns;
  for (const std::string& name : comma_items(text)) {
    const auto column = output_variable(name);
    if (!column) {
      throw UsageError(option + ": unknown variable '" + name + "' (did you mean '" + column.error() + "'?)");
    }
    columns.push_back(*column);
  }
  return columns;
}

void add_study_options(po::options_description& options) {
  options.add_options()("threads", po::value<int>(), "worker threads (default: every core; at most 4 per core)")(
      "quiet", "no progress bar (it is drawn only when stderr is a terminal anyway)");
}

bool quiet_option(const po::variables_map& vm) { return vm.count("quiet") > 0; }

std::string seconds_text(double seconds) {
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, seconds, std::chars_format::fixed, 2);
  return {buffer, written.ptr};
}

std::string output_path(const std::string& out_dir, const std::string& name) {
  return (std::filesystem::path(out_dir) / name).string();
}

MonteCarloOptions monte_carlo_options(const po::variables_map& vm) {
  MonteCarloOptions options;
  StudyPlan& plan = options.plan;
  plan.runs = vm["runs"].as<std::int64_t>();
  if (plan.runs < 1) {
    throw UsageError("--runs must be at least 1");
  }
  plan.seed = seed_option(vm);
  plan.sampler = sampler_option(vm);
  plan.threads = thread_count(vm);
  if (vm.count("series")) {
    plan.series = variable_list(vm["series"].as<std::string>(), "--series");
  }
  if (vm.count("thresholds")) {
    const std::string text = vm["thresholds"].as<std::string>();
    plan.thresholds.clear();
    for (const std::string& item : comma_items(text)) {
      const auto value = parse_number(item);
      if (!value) {
        throw UsageError("--thresholds " + text + ": '" + item + "' is not a number");
      }
      plan.thresholds.push_back(*value);
    }
    if (const std::string problem = threshold_problem(plan.thresholds); !problem.empty()) {
      throw UsageError("--thresholds " + text + ": " + problem);
    }
  }
  if (vm.count("shard")) {
    const auto shard = parse_shard(vm["shard"].as<std::string>(), plan.runs);
    if (!shard) {
      throw UsageError("--shard " + shard.error());
    }
    options.shard = *shard;
  }
  std::tie(plan.first, plan.last) = shard_range(plan.runs, options.shard.index, options.shard.count);
  return options;
}

SensitivityOptions sensitivity_options(const po::variables_map& vm, const std::string& usage) {
  if (!vm.count("output")) {
    throw UsageError(usage);
  }
  auto metric = parse_output_metric(vm["output"].as<std::string>());
  if (!metric) {
    throw UsageError("--output: " + metric.error());
  }
  const SensitivityOptions options{*metric,         vm["runs"].as<std::int64_t>(), sampler_option(vm),
                                   seed_option(vm), vm["bootstrap"].as<int>(),     thread_count(vm)};
  if (options.runs < 2 || options.resamples < 1) {
    throw UsageError("--runs must be at least 2 and --bootstrap at least 1");
  }
  return options;
}

std::vector<SweepAxis> sweep_axes(const std::vector<std::string>& texts) {
  std::vector<SweepAxis> axes;
  for (const std::string& text : texts) {
    auto axis = parse_sweep_axis(text);
    if (!axis) {
      throw UsageError("--set " + text + ": " + axis.error());
    }
    axes.push_back(std::move(*axis));
  }
  return axes;
}

void check_declarations(const UncertainScenario& scenario, int threads) {
  for (const OverriddenDeclaration& overridden : overridden_declarations(scenario.raw)) {
    std::cerr << "note: " << scenario.raw.name << ": " << overridden_declaration_text(overridden) << "\n";
  }
  for (const UncertainInput& input : scenario.inputs) {
    if (const auto off_centre = off_centre_text(scenario.raw, input)) {
      std::cerr << "warning: " << scenario.raw.name << ": " << *off_centre << "\n";
    }
  }
  for (const std::size_t i : inputs_without_effect(scenario.variants, scenario.inputs, threads)) {
    std::cerr << "warning: " << scenario.raw.name << ": " << scenario.inputs[i].key.label
              << " is declared uncertain but changes no output between its 5th and 95th percentile\n";
  }
}

}  // namespace gapsim
