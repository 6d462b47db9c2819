// Choosing among evaluated candidates.
#include "study/policy_search.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gapsim {

double minimised(const PolicyScorer& scorer, const CandidateScore& score, std::size_t o) {
  return scorer.objectives()[o].maximise ? -score.objectives[o] : score.objectives[o];
}

std::vector<double> snapped(const std::vector<Lever>& levers, std::span<const double> values) {
  std::vector<double> out;
  for (std::size_t i = 0; i < levers.size(); ++i) {
    out.push_back(levers[i].snapped(values[i]));
  }
  return out;
}

bool on_grid(const std::vector<Lever>& levers, std::span<const double> values) {
  for (std::size_t i = 0; i < levers.size(); ++i) {
    if (levers[i].step && levers[i].snapped(values[i]) != values[i]) {
      return false;
    }
  }
  return true;
}

std::optional<std::size_t> best_feasible(const PolicyScorer& scorer, const std::vector<Lever>& levers,
                                         const std::vector<Candidate>& candidates, bool grid_only) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].score.feasible && (!grid_only || on_grid(levers, candidates[i].levers)) &&
        (!best || minimised(scorer, candidates[i].score, 0) < minimised(scorer, candidates[*best].score, 0))) {
      best = i;
    }
  }
  return best;
}

std::optional<std::size_t> best_achievable(const PolicyScorer& scorer, const std::vector<Lever>& levers,
                                           const std::vector<Candidate>& candidates, bool grid_only) {
  // The constraint furthest from its probability (a constraint on a statistic counts as 1 when
  // met and 0 when not), then the total excess relative to each bound's scale.
  const auto standing = [&](const Candidate& candidate) {
    double worst = 1.0;
    double excess = 0.0;
    for (std::size_t c = 0; c < scorer.constraints().size(); ++c) {
      const Constraint& constraint = scorer.constraints()[c];
      const double met = constraint.probability ? candidate.score.shares[c] / *constraint.probability
                                                : (candidate.score.excess[c] <= 0.0 ? 1.0 : 0.0);
      worst = std::min(worst, met);
      excess += std::max(0.0, candidate.score.excess[c]) / std::max(std::abs(constraint.bound), 1.0);
    }
    return std::pair{-worst, excess};
  };
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if ((!grid_only || on_grid(levers, candidates[i].levers)) &&
        (!best || standing(candidates[i]) < standing(candidates[*best]))) {
      best = i;
    }
  }
  return best;
}

void choose_optimum(const PolicyScorer& scorer, const std::vector<Lever>& levers, PolicySearch& search) {
  search.optimum = best_feasible(scorer, levers, search.evaluations, true);
  search.best_achievable.reset();
  if (!search.optimum) {
    search.best_achievable = best_achievable(scorer, levers, search.evaluations, true);
  }
}

std::vector<std::size_t> non_dominated(const PolicyScorer& scorer, const PolicySearch& search) {
  const auto& all = search.evaluations;
  const std::size_t objectives = scorer.objectives().size();
  const auto dominates = [&](const Candidate& a, const Candidate& b) {
    bool better = false;
    for (std::size_t o = 0; o < objectives; ++o) {
      const double x = minimised(scorer, a.score, o);
      const double y = minimised(scorer, b.score, o);
      if (x > y) {
        return false;
      }
      better = better || x < y;
    }
    return better;
  };
  std::vector<std::size_t> front;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!all[i].score.feasible) {
      continue;
    }
    bool keep = true;
    for (std::size_t j = 0; j < all.size() && keep; ++j) {
      keep = !(all[j].score.feasible && dominates(all[j], all[i]));
    }
    for (const std::size_t kept : front) {  // the first of equal lever vectors only
      keep = keep && all[kept].levers != all[i].levers;
    }
    if (keep) {
      front.push_back(i);
    }
  }
  std::ranges::stable_sort(front, [&](std::size_t a, std::size_t b) {
    return minimised(scorer, all[a].score, 0) < minimised(scorer, all[b].score, 0);
  });
  return front;
}

}  // namespace gapsim
