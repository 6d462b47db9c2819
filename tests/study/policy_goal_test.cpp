// Objectives and constraints of `gapsim optimize`: parsing with exact errors, the statistics
// over futures counted by hand, and the equivalence of a chance constraint with its order
// statistic.
#include "study/policy_goal.hpp"

#include <catch2/catch.hpp>
#include <vector>

namespace gapsim {
namespace {

TEST_CASE("policy goals: objectives name a metric and a statistic", "[study][optimize]") {
  const Objective cost = parse_objective("total_cost", false).value();
  CHECK(cost.metric.summary == Metric::total_cost);
  CHECK(cost.statistic.mean);
  CHECK(cost.statistic.text() == "mean");
  const Objective shortage = parse_objective("shortage@2030:p90", true).value();
  CHECK(shortage.metric.column == Column::shortage);
  CHECK(shortage.metric.year == 2030);
  CHECK_FALSE(shortage.statistic.mean);
  CHECK(shortage.statistic.probability == 0.9);
  CHECK(shortage.statistic.text() == "p90");
  CHECK(shortage.maximise);
  CHECK(parse_objective("shortage_2030:median", false).value().statistic.text() == "p50");
  CHECK(parse_objective("total_cots", false).error() ==
        "unknown metric 'total_cots' (did you mean 'total_cost'? or give VARIABLE_YEAR or VARIABLE@YEAR, e.g. "
        "shortage_2025)");
  CHECK(parse_objective("shortage@2030:p100", false).error() ==
        "'p100' is not a statistic (mean, median, or pNN with 0 < NN < 100, e.g. p90)");
  CHECK(parse_objective("shortgae@2030", false).error() == "unknown variable 'shortgae' (did you mean 'shortage'?)");
}

TEST_CASE("policy goals: constraints on a statistic or with a probability", "[study][optimize]") {
  const Constraint chance = parse_constraint("shortage@2030 <= 0 with probability 0.9").value();
  CHECK(chance.comparison == Comparison::at_most);
  CHECK(chance.bound == 0.0);
  CHECK(chance.probability == 0.9);
  const Constraint floor = parse_constraint(" workforce_end:p10 >= 3e5 ").value();
  CHECK(floor.comparison == Comparison::at_least);
  CHECK(floor.bound == 300000.0);
  CHECK_FALSE(floor.probability.has_value());
  CHECK(floor.statistic.probability == 0.1);
  CHECK(floor.text == "workforce_end:p10 >= 3e5");
  CHECK(parse_constraint("shortage@2030 < 0").error() ==
        "expected METRIC <= X or METRIC >= X, optionally followed by 'with probability P'");
  CHECK(parse_constraint("shortage@2030 <= none").error() == "'none' is not a number");
  CHECK(parse_constraint("shortage@2030 <= 0 with probability 1.5").error() ==
        "the probability '1.5' must be a number in (0, 1]");
  CHECK(parse_constraint("shortage@2030:p90 <= 0 with probability 0.5").error() ==
        "a constraint 'with probability' takes the metric itself, not a statistic of it");
  CHECK(parse_constraint("shortfall@2030 <= 0 with probability 0.5").error() ==
        "unknown variable 'shortfall' (did you mean 'shortage'?)");
  CHECK(parse_constraint("peak_shortages <= 0").error() ==
        "unknown metric 'peak_shortages' (did you mean 'peak_shortage'? or give VARIABLE_YEAR or VARIABLE@YEAR, "
        "e.g. shortage_2025)");
}

TEST_CASE("policy goals: statistics over futures, counted by hand", "[study][optimize]") {
  const std::vector<double> values = {5, 1, 4, 2, 3, 9, 7, 8, 6, 10};
  std::vector<double> sorted(values.size());
  CHECK(statistic_value({true, 0.5}, values, sorted) == 5.5);
  CHECK(sorted == std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  // Order statistic ceil(p N): p90 of ten values is the 9th, p91 the 10th, p5 the 1st.
  CHECK(statistic_value({false, 0.9}, values, sorted) == 9.0);
  CHECK(statistic_value({false, 0.91}, values, sorted) == 10.0);
  CHECK(statistic_value({false, 0.05}, values, sorted) == 1.0);
  CHECK(statistic_value({false, 0.5}, values, sorted) == 5.0);
  // The mean's standard error: sd (sqrt(110 / 12)) / sqrt(10).
  CHECK(statistic_standard_error({true, 0.5}, sorted) == Approx(std::sqrt(110.0 / 12.0 / 10.0)).epsilon(1e-14));
  // The median's: ranks 5 -+ 1.96 sqrt(2.5) = 1.9 and 8.1 -> 1 and 9, (9 - 1) / 3.92.
  CHECK(statistic_standard_error({false, 0.5}, sorted) == Approx(8.0 / (2.0 * 1.959963984540054)).epsilon(1e-14));
  CHECK(statistic_standard_error({false, 0.5}, std::vector<double>{3.0}) == 0.0);
}

TEST_CASE("policy goals: a chance constraint holds exactly when its order statistic meets the bound",
          "[study][optimize]") {
  const std::vector<double> values = {5, 1, 4, 2, 3, 9, 7, 8, 6, 10};
  std::vector<double> sorted(values.size());
  statistic_value({true, 0.5}, values, sorted);
  for (const double bound : {0.5, 1.0, 3.0, 6.5, 9.0, 10.0, 11.0}) {
    for (const double probability : {0.1, 0.25, 0.5, 0.8, 0.9, 1.0}) {
      for (const char* op : {" <= ", " >= "}) {
        const Constraint constraint = parse_constraint("shortage_end" + std::string(op) + std::to_string(bound) +
                                                       " with probability " + std::to_string(probability))
                                          .value();
        const double share = share_meeting(constraint, values);
        INFO(constraint.text << ": share " << share);
        CHECK((share >= probability - 1e-12) == (constraint_excess(constraint, sorted) <= 0.0));
      }
    }
  }
  const Constraint at_most = parse_constraint("shortage_end <= 6.5 with probability 0.5").value();
  CHECK(share_meeting(at_most, values) == 0.6);
  CHECK(constraint_excess(at_most, sorted) == 5.0 - 6.5);  // the 5th smallest
  const Constraint at_least = parse_constraint("shortage_end >= 6.5 with probability 0.5").value();
  CHECK(share_meeting(at_least, values) == 0.4);
  CHECK(constraint_excess(at_least, sorted) == 6.5 - 6.0);  // the 5th largest
  const Constraint mean = parse_constraint("shortage_end:mean <= 5").value();
  CHECK(constraint_excess(mean, sorted) == 0.5);
}

}  // namespace
}  // namespace gapsim
