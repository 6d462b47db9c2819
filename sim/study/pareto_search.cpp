// NSGA-II through pagmo.
#include "study/pareto_search.hpp"

#include <map>
#include <pagmo/algorithms/nsga2.hpp>
#include <pagmo/population.hpp>
#include <pagmo/problem.hpp>

namespace gapsim {
namespace {

// NSGA-II's variation operators, pagmo's defaults: simulated binary crossover with
// probability 0.95 and distribution index 10, polynomial mutation of one lever in n on
// average with distribution index 50.
constexpr double k_crossover = 0.95;
constexpr double k_crossover_index = 10.0;
constexpr double k_mutation_index = 50.0;

// What pagmo's problem calls: evaluations cached by lever vector (NSGA-II proposes the same
// grid point again and again once levers are snapped).
struct Evaluations {
  PolicyScorer& scorer;
  const std::vector<Lever>& levers;
  PolicySearch search;
  std::map<std::vector<double>, std::size_t> index_of;

  pagmo::vector_double fitness(const pagmo::vector_double& x) {
    std::vector<double> point = snapped(levers, x);
    auto found = index_of.find(point);
    if (found == index_of.end()) {
      CandidateScore score = scorer.score(point);
      search.evaluations.push_back({"nsga2", point, std::move(score)});
      found = index_of.emplace(std::move(point), search.evaluations.size() - 1).first;
    }
    const CandidateScore& score = search.evaluations[found->second].score;
    pagmo::vector_double f;
    for (std::size_t o = 0; o < scorer.objectives().size(); ++o) {
      f.push_back(minimised(scorer, score, o));
    }
    return f;
  }
};

// pagmo's user-defined problem: copied freely by pagmo, so it holds a pointer.
struct LeverProblem {
  Evaluations* evaluations = nullptr;
  pagmo::vector_double lower;
  pagmo::vector_double upper;
  pagmo::vector_double::size_type objectives = 2;

  pagmo::vector_double fitness(const pagmo::vector_double& x) const { return evaluations->fitness(x); }
  std::pair<pagmo::vector_double, pagmo::vector_double> get_bounds() const { return {lower, upper}; }
  pagmo::vector_double::size_type get_nobj() const { return objectives; }
};

}  // namespace

PolicySearch pareto_search(PolicyScorer& scorer, const std::vector<Lever>& levers, std::span<const double> start,
                           const SearchOptions& options) {
  Evaluations evaluations{scorer, levers, {}, {}};
  evaluations.search.solver = "pagmo NSGA-II";
  LeverProblem udp{&evaluations, {}, {}, scorer.objectives().size()};
  for (const Lever& lever : levers) {
    udp.lower.push_back(lever.lower);
    udp.upper.push_back(lever.upper);
  }
  const auto seed = static_cast<unsigned>(options.seed & 0xffffffffU);
  pagmo::problem problem{udp};
  pagmo::population population{problem, 0U, seed};
  population.push_back(pagmo::vector_double(start.begin(), start.end()));
  pagmo::population drawn{problem, static_cast<pagmo::population::size_type>(options.population - 1), seed};
  for (const auto& x : drawn.get_x()) {
    population.push_back(x);
  }
  const double mutation = 1.0 / static_cast<double>(levers.size());
  pagmo::algorithm algorithm{pagmo::nsga2(static_cast<unsigned>(options.generations), k_crossover, k_crossover_index,
                                          mutation, k_mutation_index, seed)};
  algorithm.evolve(population);
  evaluations.search.stop =
      std::to_string(options.generations) + " generations of " + std::to_string(options.population);
  evaluations.search.pareto = non_dominated(scorer, evaluations.search);
  return std::move(evaluations.search);
}

}  // namespace gapsim
