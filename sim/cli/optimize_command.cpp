// `gapsim optimize`: the levers' values that best meet an objective under constraints over
// the futures of a scenario's uncertain inputs, or the Pareto front of two or three objectives.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "cli/plot_options.hpp"
#include "cli/study_options.hpp"
#include "cli/usage_error.hpp"
#include "io/manifest.hpp"
#include "io/posterior_draws.hpp"
#include "io/sha256.hpp"
#include "study/policy_study.hpp"
#include "study/study_posterior.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* k_usage =
    "usage: gapsim optimize SCENARIO (--minimize OBJ | --maximize OBJ | --pareto OBJ,OBJ[,OBJ])\n"
    "                       [--subject-to CONSTRAINT ...] [--runs N] [--seed S] [--sampler random|lhs|sobol]\n"
    "                       [--posterior FILE] [--fresh-seed S] [--max-evaluations N]\n"
    "                       [--population N] [--generations N] [--threads T] [--plots|--no-plots]\n"
    "                       [--format svg,png] [--quiet] [-o DIR]\n"
    "Chooses the values of the scenario's [levers] (KEY = LOWER:UPPER[:STEP]) over N futures of\n"
    "its [uncertain] inputs, drawn once (the attack path and --posterior draws included) so every\n"
    "candidate meets the same futures; the futures are those of 'gapsim mc' with the same --runs,\n"
    "--seed, --sampler and --posterior. A scenario without [uncertain] inputs has one future.\n"
    "OBJ is METRIC or METRIC:STAT: a summary metric (total_cost, shortage_end, ...) or\n"
    "VARIABLE@YEAR (shortage@2030), and STAT mean (the default), median or pNN (p90).\n"
    "CONSTRAINT is 'METRIC[:STAT] <= X', 'METRIC[:STAT] >= X' or 'METRIC <= X with probability P'.\n"
    "One objective: NLopt's COBYLA, then the grid points around its best for stepped levers;\n"
    "writes DIR/<scenario>/optimum.csv (the levers, the objective and each constraint with\n"
    "Monte Carlo standard errors, on the futures, on fresh futures of --fresh-seed, and for the\n"
    "scenario as written), fan.csv, evaluations.csv, <scenario>_optimised.ini (extends SCENARIO\n"
    "with the chosen levers) and manifest. When no candidate meets every constraint it says so,\n"
    "writes the best achievable policy instead and exits with status 1.\n"
    "--pareto: pagmo's NSGA-II (--population, a multiple of 4, x --generations); writes\n"
    "pareto.csv (every non-dominated policy, re-evaluated on the fresh futures), evaluations.csv\n"
    "and manifest. It takes no --subject-to: make the constraint's metric an objective.\n"
    "Then the figures and DIR/<scenario>/report.html, unless --no-plots. The results depend on\n"
    "the options only, not on --threads.";

std::vector<Objective> objectives_option(const po::variables_map& vm) {
  const int given = static_cast<int>(vm.count("minimize") + vm.count("maximize") + vm.count("pareto"));
  if (given != 1) {
    throw UsageError("give one of --minimize, --maximize or --pareto\n" + std::string(k_usage));
  }
  std::vector<std::pair<std::string, bool>> texts;  // (objective, maximised)
  std::string option = "--pareto";
  if (vm.count("pareto")) {
    for (const std::string& item : comma_items(vm["pareto"].as<std::string>())) {
      texts.emplace_back(item, false);
    }
    if (texts.size() < 2 || texts.size() > 3) {
      throw UsageError("--pareto " + vm["pareto"].as<std::string>() + ": give two or three objectives");
    }
  } else {
    const bool maximise = vm.count("maximize") > 0;
    option = maximise ? "--maximize" : "--minimize";
    texts.emplace_back(vm[maximise ? "maximize" : "minimize"].as<std::string>(), maximise);
  }
  std::vector<Objective> objectives;
  for (const auto& [text, maximise] : texts) {
    auto objective = parse_objective(text, maximise);
    if (!objective) {
      throw UsageError(option + " " + text + ": " + objective.error());
    }
    objectives.push_back(std::move(*objective));
  }
  return objectives;
}

std::vector<Constraint> constraints_option(const po::variables_map& vm) {
  std::vector<Constraint> constraints;
  if (!vm.count("subject-to")) {
    return constraints;
  }
  for (const std::string& text : vm["subject-to"].as<std::vector<std::string>>()) {
    auto constraint = parse_constraint(text);
    if (!constraint) {
      throw UsageError("--subject-to '" + text + "': " + constraint.error());
    }
    constraints.push_back(std::move(*constraint));
  }
  if (vm.count("pareto") && !constraints.empty()) {
    throw UsageError("--pareto takes no --subject-to: make the constraint's metric one of the objectives");
  }
  return constraints;
}

SearchOptions search_options(const po::variables_map& vm, std::uint64_t seed) {
  SearchOptions search;
  search.max_evaluations = vm["max-evaluations"].as<int>();
  search.population = vm["population"].as<int>();
  search.generations = vm["generations"].as<int>();
  search.seed = seed;
  if (search.max_evaluations < 2) {
    throw UsageError("--max-evaluations must be at least 2");
  }
  if (search.population < 8 || search.population % 4 != 0) {
    throw UsageError("--population must be a multiple of 4 and at least 8 (NSGA-II pairs its parents)");
  }
  if (search.generations < 1) {
    throw UsageError("--generations must be at least 1");
  }
  return search;
}

}  // namespace

int optimize_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("minimize", po::value<std::string>(), "OBJ: the objective to minimise")(
      "maximize", po::value<std::string>(), "OBJ: the objective to maximise")(
      "pareto", po::value<std::string>(), "OBJ,OBJ[,OBJ]: the Pareto front of these (minimised)")(
      "subject-to", po::value<std::vector<std::string>>(), "CONSTRAINT (repeatable)")(
      "runs", po::value<std::int64_t>()->default_value(1000), "futures every candidate is evaluated on")(
      "seed", po::value<std::string>()->default_value("1"), "seed of the futures (and of NSGA-II)")(
      "sampler", po::value<std::string>()->default_value("random"), "random, lhs or sobol")(
      "posterior", po::value<std::string>(), "posterior.csv whose draws the calibrated keys take")(
      "fresh-seed", po::value<std::string>(), "seed of the independent futures the answer is checked on")(
      "max-evaluations", po::value<int>()->default_value(300), "COBYLA's budget of candidates")(
      "population", po::value<int>()->default_value(24), "NSGA-II's population")(
      "generations", po::value<int>()->default_value(40), "NSGA-II's generations");
  options.add_options()("output,o", po::value<std::string>()->default_value("output/optimize"), "output directory");
  add_study_options(options);
  add_plot_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const std::string path = option_values(*vm, "scenario", k_usage, 1, 1).front();
  PolicyStudyOptions study;
  study.objectives = objectives_option(*vm);
  study.constraints = constraints_option(*vm);
  study.plan.runs = (*vm)["runs"].as<std::int64_t>();
  if (study.plan.runs < 1) {
    throw UsageError("--runs must be at least 1");
  }
  study.plan.seed = seed_option(*vm);
  study.plan.sampler = sampler_option(*vm);
  study.plan.threads = thread_count(*vm);
  study.plan.last = study.plan.runs;
  study.fresh_seed = default_fresh_seed(study.plan.seed);
  if (vm->count("fresh-seed")) {
    study.fresh_seed = seed_option(*vm, "fresh-seed");
    if (study.fresh_seed == study.plan.seed) {
      throw UsageError("--fresh-seed must differ from --seed: the check needs futures the search has not seen");
    }
  }
  study.search = search_options(*vm, study.plan.seed);

  const PolicyScenario scenario(path, read_disk_file);
  std::vector<std::string> inputs = scenario.raw.files;
  if (vm->count("posterior")) {
    const std::string posterior_path = (*vm)["posterior"].as<std::string>();
    const std::string text = read_input_file(posterior_path);
    auto draws = std::make_shared<const PosteriorDraws>(read_posterior_draws(text, posterior_path));
    study.plan.posterior = study_posterior(draws, scenario.inputs, scenario.raw.name, posterior_path, sha256_hex(text));
    inputs.push_back(posterior_path);
  }
  const fs::path dir = fs::path((*vm)["output"].as<std::string>()) / scenario.raw.name;
  study.extends_path = fs::relative(fs::absolute(path), fs::absolute(dir)).generic_string();

  const auto started = std::chrono::steady_clock::now();
  PolicyStudyOutput output = run_policy_study(scenario, study);
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
  for (auto& [name, contents] : output.files) {
    if (name == "manifest") {
      contents = command_manifest_text("optimize", args, inputs, read_disk_file) + contents;
    }
  }
  write_output_files(dir.string(), output.files);
  std::cout << output.summary << output.evaluations << " candidates in " << seconds_text(seconds.count()) << " s\n";
  if (!output.answered) {
    std::cerr << "gapsim optimize: no policy within the levers' bounds meets every constraint; optimum.csv holds "
                 "the best achievable\n";
  }
  const int plotted = plot_after_command(*vm, dir.string(), "", "");
  return output.answered ? plotted : k_exit_failure;
}

}  // namespace gapsim
