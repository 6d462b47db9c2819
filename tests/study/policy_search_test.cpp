// The parts of a policy search below the command: futures shared by every candidate, an
// evaluation that allocates nothing per future, the Pareto filter and the choice of the best
// achievable candidate on hand-made scores.
#include "study/policy_search.hpp"

#include <catch2/catch.hpp>

#include "study/policy_evaluator.hpp"
#include "support/allocation_counter.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

using test::MemoryFiles;

// The minimal scenario with one programme whose cost per trainee is uncertain and whose intake
// and duration are levers.
MemoryFiles policy_files() {
  return {{{"main.ini", test::minimal_ini() +
                            "[programme.uni]\nintake = 100\nduration = 2\ncost_per_trainee = 1000\n"
                            "[uncertain]\nprogramme.uni.cost_per_trainee = uniform(500, 1500)\n"
                            "[levers]\nprogramme.uni.intake = 0:1000:10\nprogramme.uni.duration = 1:3\n"}}};
}

StudyPlan plan_of(std::int64_t runs) {
  StudyPlan plan;
  plan.runs = runs;
  plan.last = runs;
  plan.seed = 3;
  return plan;
}

TEST_CASE("policy search: futures are the Monte Carlo study's runs, and candidates meet the same ones",
          "[study][optimize]") {
  const MemoryFiles files = policy_files();
  const PolicyScenario scenario("main.ini", files.reader());
  REQUIRE(scenario.levers.size() == 2);
  CHECK(scenario.written == std::vector<double>{2.0, 100.0});  // duration, intake: key order
  const Futures futures = draw_futures(scenario, plan_of(50));
  REQUIRE(futures.width == 1);
  const UnitDesign design(SamplerKind::random, 1, 50, 3);
  for (std::int64_t i : {0, 17, 49}) {
    double u = 0.0;
    design.point(i, {&u, 1});
    CHECK(futures.of(i)[0] == 500.0 + 1000.0 * u);
  }
  // The only cost is the cost per trainee times the trainees, so in each future (one draw of
  // the cost per trainee) two candidates' costs are in the ratio of their intakes: they meet
  // the same futures (common random numbers).
  const OutputMetric cost = parse_output_metric("total_cost").value();
  const PolicyEvaluator evaluator(scenario, futures, {cost}, 2);
  std::vector<double> a(50);
  std::vector<double> b(50);
  evaluator.evaluate(std::vector<double>{2.0, 100.0}, a);
  evaluator.evaluate(std::vector<double>{2.0, 300.0}, b);
  for (std::size_t i = 0; i < 50; ++i) {
    CHECK(b[i] == Approx(3.0 * a[i]).epsilon(1e-12));
  }
}

TEST_CASE("policy search: scoring a candidate allocates nothing per future", "[study][optimize]") {
  const MemoryFiles files = policy_files();
  const PolicyScenario scenario("main.ini", files.reader());
  const auto allocations_of = [&](std::int64_t runs) {
    const Futures futures = draw_futures(scenario, plan_of(runs));
    PolicyScorer scorer(scenario, futures, {parse_objective("total_cost", false).value()},
                        {parse_constraint("shortage_end <= 100 with probability 0.5").value()}, 1);
    const std::vector<double> levers{2.0, 200.0};
    scorer.score(levers);  // shapes the worker's buffers
    const std::size_t before = test::allocations_so_far();
    scorer.score(levers);
    return test::allocations_so_far() - before;
  };
  const std::size_t few = allocations_of(10);
  CHECK(few > 0);  // the worker's copy of the variants, made per candidate
  CHECK(allocations_of(400) == few);
}

TEST_CASE("policy search: the front keeps the non-dominated feasible candidates, by the first objective",
          "[study][optimize]") {
  const MemoryFiles files = policy_files();
  const PolicyScenario scenario("main.ini", files.reader());
  const Futures futures = draw_futures(scenario, plan_of(2));
  const PolicyScorer scorer(
      scenario, futures, {parse_objective("total_cost", false).value(), parse_objective("shortage_end", true).value()},
      {}, 1);
  PolicySearch search;
  const auto add = [&](double cost, double shortage, bool feasible) {
    CandidateScore score;
    score.objectives = {cost, shortage};
    score.feasible = feasible;
    search.evaluations.push_back({"test", {cost, shortage}, score});
  };
  // The second objective is maximised: more is better.
  add(3, 5, true);   // 0: on the front
  add(1, 2, true);   // 1: on the front (cheapest)
  add(2, 1, true);   // 2: dominated by 1 (dearer, less)
  add(5, 9, true);   // 3: on the front
  add(4, 9, false);  // 4: would dominate 3, but is infeasible
  add(3, 5, true);   // 5: equal to 0 in every objective but a different lever vector: kept
  search.evaluations[5].levers = {3.0, 5.5};
  CHECK(non_dominated(scorer, search) == std::vector<std::size_t>{1, 0, 5, 3});
}

TEST_CASE("policy search: with no feasible candidate, the best achievable has the highest probability on the grid",
          "[study][optimize]") {
  const MemoryFiles files = policy_files();
  const PolicyScenario scenario("main.ini", files.reader());
  const Futures futures = draw_futures(scenario, plan_of(2));
  const PolicyScorer scorer(scenario, futures, {parse_objective("total_cost", false).value()},
                            {parse_constraint("shortage_end <= 100 with probability 0.8").value(),
                             parse_constraint("total_cost:mean <= 5000").value()},
                            1);
  PolicySearch search;
  const auto add = [&](std::vector<double> levers, double share, double excess, double cost_excess) {
    CandidateScore score;
    score.objectives = {1.0};
    score.shares = {share, 0.0};
    score.excess = {excess, cost_excess};
    score.feasible = false;
    search.evaluations.push_back({"test", std::move(levers), score});
  };
  add({2.0, 100.0}, 0.5, 30.0, -1.0);  // 0: 0.5 / 0.8 of the probability, the cost met
  add({2.0, 105.0}, 0.7, 10.0, -1.0);  // 1: better, but its intake is off the grid of 10
  add({2.0, 110.0}, 0.6, 20.0, -1.0);  // 2: the best on the grid
  add({2.0, 120.0}, 0.7, 10.0, 1.0);   // 3: the cost constraint unmet: counts 0
  add({2.0, 130.0}, 0.6, 15.0, -1.0);  // 4: as 2 in probability, smaller excess: best
  choose_optimum(scorer, scenario.levers, search);
  CHECK_FALSE(search.optimum.has_value());
  CHECK(search.best_achievable == 4u);
  CHECK(best_achievable(scorer, scenario.levers, search.evaluations, false) == 1u);
  search.evaluations[0].score.feasible = true;
  search.evaluations[0].score.excess = {-1.0, -1.0};
  choose_optimum(scorer, scenario.levers, search);
  CHECK(search.optimum == 0u);
  CHECK_FALSE(search.best_achievable.has_value());
}

}  // namespace
}  // namespace gapsim
