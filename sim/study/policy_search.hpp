// The search for a policy: every candidate evaluated, and which of them answer the question.
// One objective: the cheapest (or best) candidate that meets every constraint on the
// futures (constrained_search.hpp); two or three: the candidates no other beats on every
// objective (pareto_search.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "io/lever.hpp"
#include "study/policy_scoring.hpp"

namespace gapsim {

struct Candidate {
  std::string phase;           // the step of the search that proposed it
  std::vector<double> levers;  // lever values, in the scenario's lever order
  CandidateScore score;
};

struct PolicySearch {
  std::string solver;  // "NLopt COBYLA", "pagmo NSGA-II"
  std::string stop;    // why the solver stopped
  std::vector<Candidate> evaluations;
  // One objective: the best feasible candidate whose stepped levers are on their grid.
  std::optional<std::size_t> optimum;
  // When none is feasible: the candidate with the highest share of futures meeting the
  // constraint furthest from its target (the smallest share / probability), ties going to the
  // smaller total excess (each relative to its bound, or 1 for a bound below 1).
  std::optional<std::size_t> best_achievable;
  std::vector<std::size_t> pareto;  // non-dominated candidates, by the first objective
};

// What the searches share: the solver's settings.
struct SearchOptions {
  int max_evaluations = 300;  // COBYLA's budget over both its runs; the grid points come on top
  int population = 24;        // NSGA-II: a multiple of 4, at least 8
  int generations = 40;
  std::uint64_t seed = 1;  // NSGA-II's generator
};

// Objective o of `score` as a value to minimise (negated for a maximised objective).
double minimised(const PolicyScorer& scorer, const CandidateScore& score, std::size_t o);

// `levers` each snapped to its lever's grid and bounds.
std::vector<double> snapped(const std::vector<Lever>& levers, std::span<const double> values);

// Whether every stepped lever of `values` is on its grid.
bool on_grid(const std::vector<Lever>& levers, std::span<const double> values);

// The feasible candidate with the best objective, among those on the grid when `grid_only`.
std::optional<std::size_t> best_feasible(const PolicyScorer& scorer, const std::vector<Lever>& levers,
                                         const std::vector<Candidate>& candidates, bool grid_only);

// The best achievable candidate (PolicySearch::best_achievable), among those on the grid when
// `grid_only`; nullopt only when there is none.
std::optional<std::size_t> best_achievable(const PolicyScorer& scorer, const std::vector<Lever>& levers,
                                           const std::vector<Candidate>& candidates, bool grid_only);

// Sets search.optimum (or search.best_achievable) over search.evaluations, on the grid.
void choose_optimum(const PolicyScorer& scorer, const std::vector<Lever>& levers, PolicySearch& search);

// The indices of the candidates of `search` that meet every constraint and that no other such
// candidate dominates (as good on every objective, better on one), one per distinct lever
// vector, sorted by the first objective.
std::vector<std::size_t> non_dominated(const PolicyScorer& scorer, const PolicySearch& search);

}  // namespace gapsim
