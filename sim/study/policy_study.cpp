// The policy study: search, check, files.
#include "study/policy_study.hpp"

#include <cmath>

#include "io/number_format.hpp"
#include "stats/sampling.hpp"
#include "study/constrained_search.hpp"
#include "study/pareto_search.hpp"
#include "study/policy_files.hpp"
#include "study/study_posterior.hpp"

namespace gapsim {
namespace {

// The stream of the study's seed that the fresh futures take.
constexpr std::uint64_t k_fresh_stream = 0x5eed'f7e5'4f07'0e50ULL;

std::string percent(double share) { return format_number(std::round(share * 1000.0) / 10.0) + "%"; }

// "shortage@2030 <= 0 with probability 0.9: 91.2% (+- 0.9%) of 1000 futures; fresh: 89.7% (+- 1.0%)"
std::string constraint_line(const Constraint& constraint, std::size_t c, const CandidateScore& score,
                            const CandidateScore& fresh, std::int64_t futures) {
  if (!constraint.probability) {
    return constraint.text + ": " + format_number(score.statistics[c]) +
           "; fresh futures: " + format_number(fresh.statistics[c]) + "\n";
  }
  return constraint.text + ": " + percent(score.shares[c]) + " (+- " + percent(score.share_errors[c]) + ") of " +
         std::to_string(futures) + " futures; fresh futures: " + percent(fresh.shares[c]) + " (+- " +
         percent(fresh.share_errors[c]) + "); " + constraint.metric.name + ":" + constraint.statistic.text() +
         " there " + format_number(score.statistics[c]) + "\n";
}

std::string levers_line(const PolicyScenario& scenario, const std::vector<double>& levers) {
  std::string line;
  for (std::size_t i = 0; i < levers.size(); ++i) {
    line += (i ? ", " : "") + scenario.levers[i].key.label + " = " + format_number(levers[i]);
  }
  return line;
}

std::string manifest_lines(const PolicyScenario& scenario, const PolicyStudyOptions& options,
                           const PolicySearch& search, const Futures& futures) {
  std::string out = "# gapsim optimize\n";
  for (const Objective& objective : options.objectives) {
    out += std::string("# ") + (objective.maximise ? "maximise " : "minimise ") + objective.text + "\n";
  }
  for (const Constraint& constraint : options.constraints) {
    out += "# subject to " + constraint.text + "\n";
  }
  for (const Lever& lever : scenario.levers) {
    out += "# lever " + lever.key.label + " = " + lever_bounds_text(lever) + " (" + lever.file + ":" +
           std::to_string(lever.line) + ")\n";
  }
  out += "# futures " + std::to_string(futures.count) + ", sampler " + std::string(sampler_name(options.plan.sampler)) +
         ", seed " + std::to_string(options.plan.seed) + "; fresh futures seed " + std::to_string(options.fresh_seed) +
         "\n";
  if (options.plan.posterior) {
    out += study_posterior_text(*options.plan.posterior);
  }
  out += "# solver " + search.solver + " (" + search.stop + "), " + std::to_string(search.evaluations.size()) +
         " candidates\n";
  return out;
}

}  // namespace

std::uint64_t default_fresh_seed(std::uint64_t seed) { return run_seed(seed, k_fresh_stream); }

PolicyStudyOutput run_policy_study(const PolicyScenario& scenario, const PolicyStudyOptions& options) {
  const Futures futures = draw_futures(scenario, options.plan);
  StudyPlan fresh_plan = options.plan;
  fresh_plan.seed = options.fresh_seed;
  const Futures fresh_futures = draw_futures(scenario, fresh_plan);
  PolicyScorer scorer(scenario, futures, options.objectives, options.constraints, options.plan.threads);
  PolicyScorer fresh_scorer(scenario, fresh_futures, options.objectives, options.constraints, options.plan.threads);
  const std::vector<double> start = snapped(scenario.levers, scenario.written);

  PolicyStudyOutput output;
  const bool pareto = options.objectives.size() > 1;
  const PolicySearch search = pareto ? pareto_search(scorer, scenario.levers, start, options.search)
                                     : constrained_search(scorer, scenario.levers, start, options.search);
  output.evaluations = static_cast<std::int64_t>(search.evaluations.size());
  output.files.emplace_back("evaluations.csv", evaluations_csv(scenario, scorer, search));
  const std::string manifest = manifest_lines(scenario, options, search, futures);

  if (pareto) {
    std::vector<CandidateScore> fresh;
    for (const std::size_t index : search.pareto) {
      fresh.push_back(fresh_scorer.score(search.evaluations[index].levers));
    }
    output.files.emplace_back("pareto.csv", pareto_csv(scenario, scorer, search, fresh));
    output.summary = std::to_string(search.pareto.size()) + " non-dominated policies of " +
                     std::to_string(search.evaluations.size()) + " evaluated (" + search.solver + ")\n";
    output.files.emplace_back("manifest", manifest);
    return output;
  }

  output.answered = search.optimum.has_value();
  CheckedPolicy checked;
  checked.index = output.answered ? *search.optimum : *search.best_achievable;
  checked.feasible = output.answered;
  const Candidate& chosen = search.evaluations[checked.index];
  checked.fresh = fresh_scorer.score(chosen.levers);
  checked.original = scorer.score(scenario.written);
  const std::string name = output.answered ? "optimum" : "best_achievable";
  std::vector<double> times;
  const std::vector<double> original_fan = scorer.evaluator().series(scenario.written, Column::shortage, times);
  const std::vector<double> chosen_fan = scorer.evaluator().series(chosen.levers, Column::shortage, times);

  const Objective& objective = options.objectives.front();
  std::string answer = std::string(output.answered ? "optimum"
                                                   : "no policy within the levers' bounds meets every "
                                                     "constraint; best achievable") +
                       ": " + levers_line(scenario, chosen.levers) + "\n";
  answer += objective.text + ": " + format_number(chosen.score.objectives[0]) + " (+- " +
            format_number(chosen.score.objective_errors[0]) + "); as written " +
            format_number(checked.original.objectives[0]) + "; fresh futures " +
            format_number(checked.fresh.objectives[0]) + "\n";
  for (std::size_t c = 0; c < options.constraints.size(); ++c) {
    answer += constraint_line(options.constraints[c], c, chosen.score, checked.fresh, futures.count);
  }
  output.summary = answer;
  output.files.emplace_back("optimum.csv", optimum_csv(scenario, scorer, search, checked));
  output.files.emplace_back("fan.csv", fan_csv(scenario, times, original_fan, chosen_fan, name));
  std::string head = (output.answered ? "the optimum"
                                      : "the best achievable policy (no candidate met every "
                                        "constraint)") +
                     std::string(" of ") + (objective.maximise ? "maximising " : "minimising ") + objective.text;
  for (const Constraint& constraint : options.constraints) {
    head += ", subject to " + constraint.text;
  }
  output.files.emplace_back(scenario.raw.name + "_optimised.ini",
                            optimised_scenario_text(scenario, chosen.levers, options.extends_path,
                                                    head + " (" + std::to_string(futures.count) + " futures, seed " +
                                                        std::to_string(options.plan.seed) + ")"));
  output.files.emplace_back("manifest", manifest + "# " + name + ": " + levers_line(scenario, chosen.levers) + "\n");
  return output;
}

}  // namespace gapsim
