// `gapsim mc`: Monte Carlo studies of scenarios with [uncertain] inputs. Per scenario it
// writes bands.csv, probabilities.csv, runs.csv, optionally series_long.csv, the state a
// merge of shards needs (study_state) and a manifest.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/study_options.hpp"
#include "io/atomic_file.hpp"
#include "io/input_error.hpp"
#include "io/manifest.hpp"
#include "study/monte_carlo.hpp"
#include "study/study_files.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim mc FILE|DIR... [--runs N] [--seed S] [--threads T] [--sampler random|lhs|sobol]\n"
    "                 [--series VAR,...] [--shard K/N] [--quiet] [-o DIR]\n"
    "Samples the [uncertain] inputs of each scenario N times, runs every sample and writes\n"
    "DIR/<scenario>/bands.csv, probabilities.csv, runs.csv (and series_long.csv with --series),\n"
    "study_state and manifest. The results depend on the seed only, not on --threads.\n"
    "--shard K/N runs the K-th of N slices of the runs; 'gapsim merge' joins the slices into\n"
    "the files of the whole study.";

struct Shard {
  int index = 1;
  int count = 1;
};

Shard parse_shard(const po::variables_map& vm, std::int64_t runs) {
  if (!vm.count("shard")) {
    return {};
  }
  const std::string text = vm["shard"].as<std::string>();
  Shard shard;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d/%d%c", &shard.index, &shard.count, &tail) != 2 || shard.count < 1 ||
      shard.index < 1 || shard.index > shard.count) {
    throw po::error("--shard must be K/N with 1 <= K <= N, not '" + text + "'");
  }
  if (shard.count > runs) {
    throw po::error("--shard " + text + ": more shards than runs");
  }
  return shard;
}

struct StudyRequest {
  StudyPlan plan;
  Shard shard;
  std::string out_dir;
  bool quiet = false;
};

std::string study_one(const std::string& path, const StudyRequest& request) {
  const RawScenario raw = load_scenario(path, read_disk_file);
  ScenarioVariants variants(raw, read_disk_file);
  const std::vector<UncertainInput> inputs = read_uncertain_inputs(raw, variants.base());
  if (inputs.empty()) {
    throw_input_error(raw.path, 1, "uncertain", "nothing to sample: the scenario declares no [uncertain] inputs");
  }
  variants.vary(varied_keys(inputs));
  std::vector<Distribution> distributions;
  for (const UncertainInput& input : inputs) {
    distributions.push_back(input.distribution);
  }

  const StudyPlan& plan = request.plan;
  const auto started = std::chrono::steady_clock::now();
  StudyResult result;
  {
    ProgressBar bar(raw.name, plan.last - plan.first, request.quiet);
    result = run_study(variants, distributions, plan, bar.callback());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const bool monthly = variants.base().config.time.report == ReportStep::monthly;
  std::string manifest = study_manifest_text(manifest_text(raw, variants.base(), read_disk_file), inputs, plan);
  if (request.shard.count > 1) {
    manifest += shard_manifest_line(request.shard.index, request.shard.count, plan);
  }
  const std::string dir = (fs::path(request.out_dir) / raw.name).string();
  write_file_atomically(dir + "/bands.csv", bands_csv(result.bands, monthly));
  write_file_atomically(dir + "/probabilities.csv", probabilities_csv(result.bands, monthly));
  write_file_atomically(dir + "/runs.csv", runs_csv_header(inputs) + runs_csv_rows(result, plan));
  if (!plan.series.empty()) {
    write_file_atomically(dir + "/series_long.csv",
                          series_long_csv_header(monthly) + series_long_csv_rows(result, plan, monthly));
  }
  write_file_atomically(dir + "/study_state",
                        study_state_text({plan.runs, request.shard.index, request.shard.count, monthly, result.bands}));
  write_file_atomically(dir + "/manifest", manifest);
  char timing[96];
  std::snprintf(timing, sizeof timing, " (%lld runs in %.2f s)", static_cast<long long>(plan.last - plan.first), seconds);
  return raw.name + ": " + dir + timing;
}

}  // namespace

int mc_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("runs", po::value<std::int64_t>()->default_value(1000), "runs in the whole study")(
      "seed", po::value<std::uint64_t>()->default_value(1), "base seed; run i uses a seed derived from it and i")(
      "sampler", po::value<std::string>()->default_value("random"), "random, lhs (Latin hypercube) or sobol")(
      "series", po::value<std::string>(), "variables to write per run to series_long.csv, e.g. shortage,workforce")(
      "shard", po::value<std::string>(), "K/N: run only the K-th of N slices of the runs");
  options.add_options()("output,o", po::value<std::string>()->default_value("output"), "output directory");
  add_study_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  if (!vm->count("scenario")) {
    std::cerr << k_usage << "\n";
    return k_exit_usage;
  }
  StudyRequest request;
  StudyPlan& plan = request.plan;
  plan.runs = (*vm)["runs"].as<std::int64_t>();
  if (plan.runs < 1) {
    throw po::error("--runs must be at least 1");
  }
  plan.seed = (*vm)["seed"].as<std::uint64_t>();
  plan.sampler = sampler_option(*vm);
  plan.threads = thread_count(*vm);
  if (vm->count("series")) {
    plan.series = variable_list((*vm)["series"].as<std::string>(), "--series");
  }
  request.shard = parse_shard(*vm, plan.runs);
  std::tie(plan.first, plan.last) = shard_range(plan.runs, request.shard.index, request.shard.count);
  request.out_dir = (*vm)["output"].as<std::string>();
  request.quiet = vm->count("quiet") > 0;

  const auto failures = for_each_scenario(scenario_paths((*vm)["scenario"].as<std::vector<std::string>>()),
                                          [&](const std::string& path) { std::cout << study_one(path, request) << "\n"; });
  return report_failures("mc", failures);
}

}  // namespace gapsim
