// `gapsim mc`: Monte Carlo studies of scenarios with [uncertain] inputs. Per scenario it
// writes bands.csv, probabilities.csv, runs.csv, optionally series_long.csv, the state a
// merge of shards needs (study_state) and a manifest.
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "cli/progress_bar.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/study_options.hpp"
#include "cli/usage_error.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/manifest.hpp"
#include "io/posterior_draws.hpp"
#include "io/sha256.hpp"
#include "study/monte_carlo_study.hpp"
#include "study/replay.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim mc FILE|DIR... [--runs N] [--seed S] [--threads T] [--sampler random|lhs|sobol]\n"
    "                 [--series VAR,...] [--shard K/N] [--replay RUN] [--posterior FILE] [--quiet]\n"
    "                 [-o DIR]\n"
    "Samples the [uncertain] inputs of each scenario N times, runs every sample and writes\n"
    "DIR/<scenario>/bands.csv, probabilities.csv, runs.csv (and series_long.csv with --series),\n"
    "study_state and manifest. The results depend on the seed only, not on --threads.\n"
    "--replay RUN reruns run RUN (0-based) of the study the other options describe on its own\n"
    "and writes its whole DIR/<scenario>_run<RUN>/timeseries.csv and manifest instead.\n"
    "--shard K/N runs the K-th of N slices of the runs; 'gapsim merge' joins the slices into\n"
    "the files of the whole study.\n"
    "--posterior FILE (a posterior.csv of 'gapsim calibrate --posterior'): each run takes the\n"
    "calibrated keys from one posterior draw, chosen by the seed, and samples the other\n"
    "uncertain inputs (the attack path included) from their declarations.";

}  // namespace

int mc_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("runs", po::value<std::int64_t>()->default_value(1000), "runs in the whole study")(
      "seed", po::value<std::string>()->default_value("1"), "base seed; run i uses a seed derived from it and i")(
      "sampler", po::value<std::string>()->default_value("random"), "random, lhs (Latin hypercube) or sobol")(
      "series", po::value<std::string>(), "variables to write per run to series_long.csv, e.g. shortage,workforce")(
      "shard", po::value<std::string>(), "K/N: run only the K-th of N slices of the runs")(
      "replay", po::value<std::int64_t>(), "RUN: write the whole time series of one run of the study")(
      "posterior", po::value<std::string>(), "posterior.csv whose draws the calibrated keys take");
  options.add_options()("output,o", po::value<std::string>()->default_value("output"), "output directory");
  add_study_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const auto paths = scenario_paths(option_values(*vm, "scenario", k_usage, 1));
  const auto [study_plan, shard] = monte_carlo_options(*vm);
  std::shared_ptr<const PosteriorDraws> draws;
  std::string posterior_path;
  std::string posterior_sha256;
  if (vm->count("posterior")) {
    posterior_path = (*vm)["posterior"].as<std::string>();
    const std::string text = read_input_file(posterior_path);
    posterior_sha256 = sha256_hex(text);
    draws = std::make_shared<const PosteriorDraws>(read_posterior_draws(text, posterior_path));
  }
  const std::optional<std::int64_t> replay =
      vm->count("replay") ? std::optional((*vm)["replay"].as<std::int64_t>()) : std::nullopt;
  if (replay && (*replay < 0 || *replay >= study_plan.runs)) {
    throw UsageError("--replay " + std::to_string(*replay) + " is not a run of the study (0 to " +
                     std::to_string(study_plan.runs - 1) + ")");
  }
  const auto failures = for_each_scenario(paths, [&](const std::string& path) {
    const UncertainScenario scenario(path, read_disk_file);
    StudyPlan plan = study_plan;
    if (draws) {
      plan.posterior = study_posterior(draws, scenario.inputs, scenario.raw.name, posterior_path, posterior_sha256);
    }
    if (replay) {
      const ReplayedRun replayed = replay_run(scenario, plan, *replay);
      const std::string dir =
          output_path((*vm)["output"].as<std::string>(), scenario.raw.name + "_run" + std::to_string(*replay));
      const std::string manifest = replay_manifest_text(
          scenario, plan, replayed, manifest_text(scenario.raw, scenario.variants.base(), read_disk_file));
      write_directory_atomically(
          dir, {{"timeseries.csv", timeseries_csv(replayed.results, scenario.variants.base().config.time.report)},
                {"manifest", manifest}});
      std::cout << scenario.raw.name << ": " << dir << "/timeseries.csv (run " << *replay << ")\n";
      return;
    }
    check_declarations(scenario, plan.threads);
    const auto started = std::chrono::steady_clock::now();
    const StudyOutput output = [&] {
      ProgressBar bar(scenario.raw.name, plan.last - plan.first, quiet_option(*vm));
      return run_monte_carlo(scenario, plan, shard, read_disk_file, bar.callback());
    }();
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
    const std::string dir = output_path((*vm)["output"].as<std::string>(), scenario.raw.name);
    write_study_output(dir, output);
    std::cout << scenario.raw.name << ": " << dir << " (" << plan.last - plan.first << " runs in "
              << seconds_text(seconds.count()) << " s)\n";
  });
  return report_failures("mc", failures);
}

}  // namespace gapsim
