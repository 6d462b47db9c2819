// COBYLA through NLopt, with the grid step and the feasibility fallback.
#include "study/constrained_search.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <map>
#include <nlopt.hpp>
#include <optional>

namespace gapsim {
namespace {

// COBYLA's first step in the unit cube: a fifth of each lever's range.
constexpr double k_initial_step = 0.2;
// How finely it resolves a lever without a step, as a share of its range.
constexpr double k_unit_tolerance = 1e-4;
// Most stepped levers whose floor/ceiling combinations are all tried (2^8 candidates).
constexpr std::size_t k_max_enumerated_levers = 8;

// A function of the unit cube that NLopt calls, and the exception it threw, if any (NLopt's
// C core cannot carry one across).
struct Callback {
  std::function<double(std::span<const double>)> function;
  std::exception_ptr error;
  nlopt::opt* owner = nullptr;
};

double call(unsigned n, const double* x, double*, void* data) {
  auto& callback = *static_cast<Callback*>(data);
  try {
    return callback.function({x, n});
  } catch (...) {
    callback.error = std::current_exception();
    callback.owner->force_stop();
    return 0.0;
  }
}

std::string result_text(nlopt::result result) {
  switch (result) {
    case nlopt::SUCCESS: return "success";
    case nlopt::STOPVAL_REACHED: return "objective value reached";
    case nlopt::FTOL_REACHED: return "objective tolerance reached";
    case nlopt::XTOL_REACHED: return "lever tolerance reached";
    case nlopt::MAXEVAL_REACHED: return "evaluation budget spent";
    case nlopt::MAXTIME_REACHED: return "time limit reached";
    case nlopt::ROUNDOFF_LIMITED: return "limited by round-off";
    case nlopt::FORCED_STOP: return "stopped";
    default: return "failed (NLopt code " + std::to_string(static_cast<int>(result)) + ")";
  }
}

class Search {
 public:
  Search(PolicyScorer& scorer, const std::vector<Lever>& levers, const SearchOptions& options)
      : m_scorer(scorer), m_levers(levers), m_options(options) {}

  PolicySearch run(std::span<const double> start) {
    m_search.solver = "NLopt COBYLA";
    const CandidateScore first = m_search.evaluations[evaluate("start", start)].score;
    m_objective_scale = std::max(std::abs(first.objectives[0]), 1e-12);
    for (std::size_t c = 0; c < first.statistics.size(); ++c) {
      m_constraint_scales.push_back(
          std::max({std::abs(m_scorer.constraints()[c].bound), std::abs(first.statistics[c]), 1e-12}));
    }
    m_search.stop = cobyla("cobyla", to_unit(start), false);
    if (!any_feasible()) {
      const std::size_t from = least_excess();
      m_search.stop += "; no candidate met every constraint, feasibility search: " +
                       cobyla("feasibility", to_unit(m_search.evaluations[from].levers), true);
    }
    snap_around_best();
    choose_optimum(m_scorer, m_levers, m_search);
    return std::move(m_search);
  }

 private:
  // The index of the candidate at `levers`, evaluated now unless it was before (COBYLA's
  // first point is the start; a grid point may be one it visited).
  std::size_t evaluate(const std::string& phase, std::span<const double> levers) {
    std::vector<double> point(levers.begin(), levers.end());
    const auto [found, fresh] = m_index_of.try_emplace(point, m_search.evaluations.size());
    if (fresh) {
      m_search.evaluations.push_back({phase, std::move(point), m_scorer.score(levers)});
    }
    return found->second;
  }

  std::vector<double> to_unit(std::span<const double> levers) const {
    std::vector<double> unit;
    for (std::size_t i = 0; i < m_levers.size(); ++i) {
      unit.push_back((levers[i] - m_levers[i].lower) / (m_levers[i].upper - m_levers[i].lower));
    }
    return unit;
  }

  std::vector<double> from_unit(std::span<const double> unit) const {
    std::vector<double> levers;
    for (std::size_t i = 0; i < m_levers.size(); ++i) {
      const Lever& lever = m_levers[i];
      levers.push_back(std::clamp(lever.lower + unit[i] * (lever.upper - lever.lower), lever.lower, lever.upper));
    }
    return levers;
  }

  double total_excess(const CandidateScore& score) const {
    double total = 0.0;
    for (std::size_t c = 0; c < score.excess.size(); ++c) {
      total += std::max(0.0, score.excess[c] / m_constraint_scales[c]);
    }
    return total;
  }

  // Runs COBYLA from `unit`: on the objective under the constraints, or (`feasibility`) on
  // the constraints' total excess alone. Returns why it stopped.
  std::string cobyla(const std::string& phase, std::vector<double> unit, bool feasibility) {
    const std::size_t n = m_levers.size();
    nlopt::opt opt(nlopt::LN_COBYLA, static_cast<unsigned>(n));
    opt.set_lower_bounds(std::vector<double>(n, 0.0));
    opt.set_upper_bounds(std::vector<double>(n, 1.0));
    std::vector<double> tolerance;
    for (const Lever& lever : m_levers) {
      tolerance.push_back(lever.step ? 0.25 * *lever.step / (lever.upper - lever.lower) : k_unit_tolerance);
    }
    opt.set_xtol_abs(tolerance);
    opt.set_initial_step(std::vector<double>(n, k_initial_step));
    const int budget = m_options.max_evaluations - static_cast<int>(m_search.evaluations.size());
    if (budget <= 0) {
      return "evaluation budget spent";
    }
    opt.set_maxeval(budget);
    // The last point COBYLA asked for and its score: constraints are asked at the same point
    // right after the objective, so each point is evaluated once.
    std::vector<double> last_unit;
    std::optional<std::size_t> last;  // its index among the evaluations
    const auto score_at = [&](std::span<const double> x) -> const CandidateScore& {
      if (!last || !std::equal(x.begin(), x.end(), last_unit.begin(), last_unit.end())) {
        last_unit.assign(x.begin(), x.end());
        last = evaluate(phase, from_unit(x));
      }
      return m_search.evaluations[*last].score;
    };
    Callback objective{[&](std::span<const double> x) {
                         const CandidateScore& score = score_at(x);
                         return feasibility ? total_excess(score) : minimised(m_scorer, score, 0) / m_objective_scale;
                       },
                       {},
                       &opt};
    std::vector<Callback> constraints;
    constraints.reserve(m_scorer.constraints().size());
    if (!feasibility) {
      for (std::size_t c = 0; c < m_scorer.constraints().size(); ++c) {
        constraints.push_back(
            {[&, c](std::span<const double> x) { return score_at(x).excess[c] / m_constraint_scales[c]; }, {}, &opt});
        opt.add_inequality_constraint(call, &constraints.back(), 0.0);
      }
    }
    opt.set_min_objective(call, &objective);
    double value = 0.0;
    nlopt::result result = nlopt::FAILURE;
    try {
      result = opt.optimize(unit, value);
    } catch (const nlopt::forced_stop&) {
      result = nlopt::FORCED_STOP;
    } catch (const nlopt::roundoff_limited&) {
      result = nlopt::ROUNDOFF_LIMITED;
    }
    if (objective.error) {
      std::rethrow_exception(objective.error);
    }
    for (const Callback& callback : constraints) {
      if (callback.error) {
        std::rethrow_exception(callback.error);
      }
    }
    return result_text(result);
  }

  bool any_feasible() const {
    return std::ranges::any_of(m_search.evaluations, [](const Candidate& c) { return c.score.feasible; });
  }

  std::size_t least_excess() const {
    std::size_t best = 0;
    for (std::size_t i = 1; i < m_search.evaluations.size(); ++i) {
      if (total_excess(m_search.evaluations[i].score) < total_excess(m_search.evaluations[best].score)) {
        best = i;
      }
    }
    return best;
  }

  // The grid points around the best candidate, on the grid or not (the optimum found, or the
  // best achievable):
  // each stepped lever at the grid value below and above its value, every combination for up
  // to k_max_enumerated_levers stepped levers, the nearest grid point beyond that.
  void snap_around_best() {
    std::vector<std::size_t> stepped;
    for (std::size_t i = 0; i < m_levers.size(); ++i) {
      if (m_levers[i].step) {
        stepped.push_back(i);
      }
    }
    // The continuous best: among every candidate, ignoring the grid.
    std::optional<std::size_t> centre = best_feasible(m_scorer, m_levers, m_search.evaluations, false);
    centre = centre ? centre : best_achievable(m_scorer, m_levers, m_search.evaluations, false);
    if (stepped.empty() || !centre) {
      return;
    }
    const std::vector<double> values = m_search.evaluations[*centre].levers;
    const auto try_point = [&](const std::vector<double>& point) { evaluate("grid", snapped(m_levers, point)); };
    if (stepped.size() > k_max_enumerated_levers) {
      try_point(values);
      return;
    }
    for (std::size_t mask = 0; mask < (std::size_t{1} << stepped.size()); ++mask) {
      std::vector<double> point = values;
      for (std::size_t k = 0; k < stepped.size(); ++k) {
        const Lever& lever = m_levers[stepped[k]];
        const double down = lever.lower + std::floor((values[stepped[k]] - lever.lower) / *lever.step) * *lever.step;
        point[stepped[k]] = (mask >> k) & 1U ? down + *lever.step : down;
      }
      try_point(point);
    }
  }

  PolicyScorer& m_scorer;
  const std::vector<Lever>& m_levers;
  const SearchOptions& m_options;
  PolicySearch m_search;
  std::map<std::vector<double>, std::size_t> m_index_of;  // of every candidate evaluated
  double m_objective_scale = 1.0;
  std::vector<double> m_constraint_scales;
};

}  // namespace

PolicySearch constrained_search(PolicyScorer& scorer, const std::vector<Lever>& levers, std::span<const double> start,
                                const SearchOptions& options) {
  return Search(scorer, levers, options).run(start);
}

}  // namespace gapsim
