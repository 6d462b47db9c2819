// `gapsim mc`: Monte Carlo studies of scenarios with [uncertain] inputs. Per scenario it
// writes bands.csv, probabilities.csv, runs.csv, optionally series_long.csv, the state a
// merge of shards needs (study_state) and a manifest.
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "cli/plot_options.hpp"
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
#include "study/shared_design.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim mc FILE|DIR... [--runs N] [--seed S] [--threads T] [--sampler random|lhs|sobol]\n"
    "                 [--series VAR,...] [--thresholds X,...] [--reference NAME] [--shard K/N]\n"
    "                 [--replay RUN] [--posterior FILE] [--plots|--no-plots] [--format svg,png]\n"
    "                 [--quiet] [-o DIR]\n"
    "Samples the [uncertain] inputs of each scenario N times, runs every sample and writes\n"
    "DIR/<scenario>/bands.csv, probabilities.csv, first_years.csv, runs.csv (and series_long.csv\n"
    "with --series), study_state and manifest, then each study's figures (DIR/<scenario>/figures/)\n"
    "and DIR/report.html. The results depend on the seed only, not on\n"
    "--threads.\n"
    "--thresholds X,... (default 0): probabilities.csv gives P(shortage <= X) per year and X,\n"
    "first_years.csv the year the shortage first falls to X and the year from which it stays\n"
    "there (or never).\n"
    "--reference NAME runs all the scenarios on the same sampled inputs (common random numbers;\n"
    "they must declare the same uncertain inputs) and writes, for each but NAME,\n"
    "diff_bands.csv (its bands minus NAME's, run by run) and diff_probabilities.csv (how often\n"
    "its shortage is below NAME's).\n"
    "--replay RUN reruns run RUN (0-based) of the study the other options describe on its own\n"
    "and writes its whole DIR/<scenario>_run<RUN>/timeseries.csv and manifest instead.\n"
    "--shard K/N runs the K-th of N slices of the runs; 'gapsim merge' joins the slices into\n"
    "the files of the whole study.\n"
    "--posterior FILE (a posterior.csv of 'gapsim calibrate --posterior'): each run takes the\n"
    "calibrated keys from one posterior draw, chosen by the seed, and samples the other\n"
    "uncertain inputs (the attack path included) from their declarations.";

// Where a study's files go, and the line that says so.
void write_and_report(const po::variables_map& vm, const std::string& name, const StudyOutput& output,
                      const std::string& timing) {
  const std::string dir = output_path(vm["output"].as<std::string>(), name);
  write_study_output(dir, output);
  std::cout << name << ": " << dir << timing << "\n";
}

// `--replay RUN`: the run's whole time series in DIR/<scenario>_run<RUN>.
void write_replay(const po::variables_map& vm, const UncertainScenario& scenario, const StudyPlan& plan,
                  std::int64_t run) {
  const ReplayedRun replayed = replay_run(scenario, plan, run);
  const std::string dir = output_path(vm["output"].as<std::string>(), scenario.raw.name + "_run" + std::to_string(run));
  std::string manifest = replay_manifest_text(scenario, plan, replayed,
                                              manifest_text(scenario.raw, scenario.variants.base(), read_disk_file));
  write_directory_atomically(
      dir, {{"timeseries.csv", timeseries_csv(replayed.results, scenario.variants.base().config.time.report)},
            {"manifest", manifest}});
  std::cout << scenario.raw.name << ": " << dir << "/timeseries.csv (run " << run << ")\n";
}

// `mc A B ... --reference A`: the scenarios' studies run together on common random numbers
// (or, with --replay, one run of each of them).
int paired_study(const po::variables_map& vm, const std::vector<std::string>& paths,
                 const std::function<StudyPlan(const UncertainScenario&)>& plan_of, const Shard& shard,
                 std::optional<std::int64_t> replay) {
  const std::string reference_name = vm["reference"].as<std::string>();
  std::vector<std::unique_ptr<const UncertainScenario>> scenarios;
  std::vector<std::string> failures = for_each_scenario(paths, [&](const std::string& path) {
    scenarios.push_back(std::make_unique<const UncertainScenario>(path, read_disk_file));
  });
  const auto reference = std::ranges::find(scenarios, reference_name, [](const auto& s) { return s->raw.name; });
  if (reference == scenarios.end()) {
    failures.push_back("--reference " + reference_name + ": no scenario of that name was loaded");
    return report_failures("mc", failures);
  }
  // A scenario that cannot be paired fails alone; the others go ahead.
  std::vector<const UncertainScenario*> members;
  std::vector<StudyPlan> plans;
  std::size_t reference_index = 0;
  for (const auto& scenario : scenarios) {
    try {
      check_pairable(*scenario, **reference);
      plans.push_back(plan_of(*scenario));
      reference_index = scenario == *reference ? members.size() : reference_index;
      members.push_back(scenario.get());
    } catch (const std::exception& error) {
      failures.push_back(error.what());
    }
  }
  if (members.size() < 2) {
    failures.push_back("--reference " + reference_name + ": no other scenario to compare with it");
    return report_failures("mc", failures);
  }
  try {
    std::vector<const std::vector<UncertainInput>*> inputs;
    for (const UncertainScenario* member : members) {
      inputs.push_back(&member->inputs);
    }
    share_design(plans, inputs, reference_index);
    if (replay) {
      for (std::size_t i = 0; i < members.size(); ++i) {
        write_replay(vm, *members[i], plans[i], *replay);
      }
      return report_failures("mc", failures);
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
      check_declarations(*members[i], plans[i].threads);
    }
    const StudyPlan& plan = plans.front();
    const auto started = std::chrono::steady_clock::now();
    std::vector<StudyOutput> outputs = [&] {
      ProgressBar bar(reference_name + " and " + std::to_string(members.size() - 1) + " paired", plan.last - plan.first,
                      quiet_option(vm));
      return run_paired_monte_carlo(members, plans, reference_index, shard, read_disk_file, bar.callback());
    }();
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      write_and_report(vm, members[i]->raw.name, outputs[i],
                       " (" + std::to_string(plan.last - plan.first) + " runs of " + std::to_string(outputs.size()) +
                           " paired scenarios in " + seconds_text(seconds.count()) + " s)");
    }
  } catch (const std::exception& error) {
    failures.push_back(error.what());
    return report_failures("mc", failures);
  }
  const int status = report_failures("mc", failures);
  if (shard.count > 1) {  // a shard's bands are not the study's
    return status;
  }
  return std::max(status, plot_after_command(vm, vm["output"].as<std::string>(), "", ""));
}

}  // namespace

int mc_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("runs", po::value<std::int64_t>()->default_value(1000), "runs in the whole study")(
      "seed", po::value<std::string>()->default_value("1"), "base seed; run i uses a seed derived from it and i")(
      "sampler", po::value<std::string>()->default_value("random"), "random, lhs (Latin hypercube) or sobol")(
      "series", po::value<std::string>(), "variables to write per run to series_long.csv, e.g. shortage,workforce")(
      "thresholds", po::value<std::string>(), "shortages X,... for P(shortage <= X) and the first year (default 0)")(
      "reference", po::value<std::string>(), "NAME: pair every other scenario with this one, run by run")(
      "shard", po::value<std::string>(), "K/N: run only the K-th of N slices of the runs")(
      "replay", po::value<std::int64_t>(), "RUN: write the whole time series of one run of the study")(
      "posterior", po::value<std::string>(), "posterior.csv whose draws the calibrated keys take");
  options.add_options()("output,o", po::value<std::string>()->default_value("output"), "output directory");
  add_study_options(options);
  add_plot_options(options);
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
  const auto plan_of = [&](const UncertainScenario& scenario) {
    StudyPlan plan = study_plan;
    if (draws) {
      plan.posterior = study_posterior(draws, scenario.inputs, scenario.raw.name, posterior_path, posterior_sha256);
    }
    return plan;
  };
  if (vm->count("reference")) {
    return paired_study(*vm, paths, plan_of, shard, replay);
  }
  int written = 0;  // studies written, which the figures and report then show
  const auto failures = for_each_scenario(paths, [&](const std::string& path) {
    const UncertainScenario scenario(path, read_disk_file);
    const StudyPlan plan = plan_of(scenario);
    if (replay) {
      write_replay(*vm, scenario, plan, *replay);
      return;
    }
    check_declarations(scenario, plan.threads);
    const auto started = std::chrono::steady_clock::now();
    const StudyOutput output = [&] {
      ProgressBar bar(scenario.raw.name, plan.last - plan.first, quiet_option(*vm));
      return run_monte_carlo(scenario, plan, shard, read_disk_file, bar.callback());
    }();
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
    write_and_report(
        *vm, scenario.raw.name, output,
        " (" + std::to_string(plan.last - plan.first) + " runs in " + seconds_text(seconds.count()) + " s)");
    ++written;
  });
  const int status = report_failures("mc", failures);
  if (replay || written == 0 || shard.count > 1) {  // a shard's bands are not the study's
    return status;
  }
  return std::max(status, plot_after_command(*vm, (*vm)["output"].as<std::string>(), "", ""));
}

}  // namespace gapsim
