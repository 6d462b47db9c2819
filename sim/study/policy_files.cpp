// Writing the results of a policy search.
#include "study/policy_files.hpp"

#include <map>

#include "io/csv_writer.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

std::string objective_column(const Objective& objective) {
  return objective.metric.name + "_" + objective.statistic.text();
}

std::string lever_header(const PolicyScenario& scenario) {
  std::string header;
  for (const Lever& lever : scenario.levers) {
    header += "," + lever.key.label;
  }
  return header;
}

std::string values_cells(const std::vector<double>& values) {
  std::string cells;
  for (const double value : values) {
    cells += "," + format_number(value);
  }
  return cells;
}

// One optimum.csv row: kind,name, then up to eight cells (empty where absent).
std::string row(const std::string& kind, const std::string& name, const std::vector<std::optional<double>>& cells,
                const std::string& met = "") {
  std::string line = kind + "," + name;
  for (std::size_t i = 0; i < 7; ++i) {
    line += "," + (i < cells.size() ? format_optional(cells[i]) : std::string());
  }
  return line + "," + met + "\n";
}

}  // namespace

std::string evaluations_csv(const PolicyScenario& scenario, const PolicyScorer& scorer, const PolicySearch& search) {
  std::string out = "index,phase" + lever_header(scenario);
  for (const Objective& objective : scorer.objectives()) {
    out += "," + objective_column(objective);
  }
  for (std::size_t c = 1; c <= scorer.constraints().size(); ++c) {
    out += ",constraint_" + std::to_string(c) + "_share,constraint_" + std::to_string(c) + "_value";
  }
  out += ",feasible\n";
  for (std::size_t i = 0; i < search.evaluations.size(); ++i) {
    const Candidate& candidate = search.evaluations[i];
    out += std::to_string(i) + "," + candidate.phase + values_cells(candidate.levers) +
           values_cells(candidate.score.objectives);
    for (std::size_t c = 0; c < scorer.constraints().size(); ++c) {
      out += "," + format_number(candidate.score.shares[c]) + "," + format_number(candidate.score.statistics[c]);
    }
    out += std::string(",") + (candidate.score.feasible ? "1" : "0") + "\n";
  }
  return out;
}

std::string optimum_csv(const PolicyScenario& scenario, const PolicyScorer& scorer, const PolicySearch& search,
                        const CheckedPolicy& checked) {
  const Candidate& chosen = search.evaluations[checked.index];
  std::string out = "kind,name,optimum,optimum_se,fresh,fresh_se,original,original_se,target,met\n";
  out += row("result", checked.feasible ? "optimum" : "best achievable (no candidate meets every constraint)", {});
  for (std::size_t i = 0; i < scenario.levers.size(); ++i) {
    out += row("lever", scenario.levers[i].key.label,
               {chosen.levers[i], std::nullopt, std::nullopt, std::nullopt, scenario.written[i]});
  }
  for (std::size_t o = 0; o < scorer.objectives().size(); ++o) {
    out +=
        row((scorer.objectives()[o].maximise ? "maximise" : "minimise"), objective_column(scorer.objectives()[o]),
            {chosen.score.objectives[o], chosen.score.objective_errors[o], checked.fresh.objectives[o],
             checked.fresh.objective_errors[o], checked.original.objectives[o], checked.original.objective_errors[o]});
  }
  for (std::size_t c = 0; c < scorer.constraints().size(); ++c) {
    const Constraint& constraint = scorer.constraints()[c];
    const std::string met = chosen.score.excess[c] <= 0.0 ? "1" : "0";
    if (constraint.probability) {
      out += row(
          "constraint", constraint.text,
          {chosen.score.shares[c], chosen.score.share_errors[c], checked.fresh.shares[c], checked.fresh.share_errors[c],
           checked.original.shares[c], checked.original.share_errors[c], *constraint.probability},
          met);
    } else {
      out += row("constraint", constraint.text,
                 {chosen.score.statistics[c], std::nullopt, checked.fresh.statistics[c], std::nullopt,
                  checked.original.statistics[c], std::nullopt, constraint.bound},
                 met);
    }
  }
  return out;
}

std::string pareto_csv(const PolicyScenario& scenario, const PolicyScorer& scorer, const PolicySearch& search,
                       const std::vector<CandidateScore>& fresh) {
  std::string out = "index" + lever_header(scenario);
  for (const Objective& objective : scorer.objectives()) {
    out += "," + objective_column(objective) + "," + objective_column(objective) + "_se";
  }
  for (const Objective& objective : scorer.objectives()) {
    out += ",fresh_" + objective_column(objective);
  }
  out += "\n";
  for (std::size_t k = 0; k < search.pareto.size(); ++k) {
    const Candidate& candidate = search.evaluations[search.pareto[k]];
    out += std::to_string(search.pareto[k]) + values_cells(candidate.levers);
    for (std::size_t o = 0; o < scorer.objectives().size(); ++o) {
      out +=
          "," + format_number(candidate.score.objectives[o]) + "," + format_number(candidate.score.objective_errors[o]);
    }
    out += values_cells(fresh[k].objectives) + "\n";
  }
  return out;
}

std::string fan_csv(const PolicyScenario& scenario, const std::vector<double>& times,
                    const std::vector<double>& original, const std::vector<double>& chosen, const std::string& name) {
  const ReportStep step = scenario.variants.base().config.time.report;
  const std::size_t rows = times.size();
  const std::size_t futures = original.size() / rows;
  std::string out = report_time_header(step) + ",policy,p5,p50,p95\n";
  std::vector<double> column(futures);
  std::vector<double> sorted(futures);
  for (const auto& [policy, series] : {std::pair{std::string("original"), &original}, std::pair{name, &chosen}}) {
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t f = 0; f < futures; ++f) {
        column[f] = (*series)[f * rows + r];
      }
      out += report_time_cells(times[r], step) + "," + policy;
      for (const double p : {0.05, 0.5, 0.95}) {
        out += "," + format_number(statistic_value({false, p}, column, sorted));
      }
      out += "\n";
    }
  }
  return out;
}

std::string optimised_scenario_text(const PolicyScenario& scenario, const std::vector<double>& levers,
                                    const std::string& extends_path, const std::string& summary) {
  std::string out = "# Written by gapsim " GAPSIM_VERSION " optimize: " + summary + "\n";
  out += "extends = " + extends_path + "\n";
  // Each key's new text: a number, or its schedule with every lever's point set.
  std::map<std::string, std::string> texts;
  std::map<std::string, std::vector<std::pair<double, double>>> schedules;
  for (std::size_t i = 0; i < scenario.levers.size(); ++i) {
    const VariedKey& key = scenario.levers[i].key;
    if (!key.at) {
      texts[key.key] = format_number(levers[i]);
      continue;
    }
    auto [found, fresh] = schedules.try_emplace(key.key);
    if (fresh) {
      found->second = *parse_points(value_text(scenario.raw, key.key));
    }
    for (auto& point : found->second) {
      point.second = point.first == *key.at ? levers[i] : point.second;
    }
  }
  for (const auto& [key, points] : schedules) {
    std::string text;
    for (const auto& [time, value] : points) {
      text += (text.empty() ? "" : ", ") + format_number(time) + ":" + format_number(value);
    }
    texts[key] = text;
  }
  std::map<std::string, std::string> sections;  // section -> its lines, sorted by section
  for (const auto& [key, text] : texts) {
    const std::size_t dot = key.rfind('.');
    sections[key.substr(0, dot)] += key.substr(dot + 1) + " = " + text + "\n";
  }
  for (const auto& [section, lines] : sections) {
    out += "\n[" + section + "]\n" + lines;
  }
  return out;
}

}  // namespace gapsim
