// `gapsim optimize`: a known optimum found independently by bisection over `gapsim run --set`,
// a chance constraint whose probability is a known function of the lever, a Pareto front on a
// known trade-off curve, byte identity across thread counts, the re-evaluation on fresh
// futures checked against `gapsim mc` of the optimised scenario, an infeasible problem, and the
// exact errors.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <map>

#include "support/cli_run.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::gapsim;
using test::gapsim_output;
using test::parse_csv;
using test::slurp;
using test::TempDir;
using test::write_text;

// 2013-2020 (eight years), no threat, no outsourcing: one programme that trains `intake` a year
// into the qualified tier at `cost_per_trainee` yen each, so its cost over the run is
// exactly 8 x intake x cost_per_trainee, and the shortage in 2020 falls as the intake grows.
// A second programme, "idle", costs its intake and trains nobody.
const std::string k_school = R"(
[time]
end_year = 2020
[workforce]
qualified = 1000
underskilled = 0
[demand]
base_shortage = 5000
[attack]
base = 10
[programme.school]
intake = 100
duration = 1
completion_rate = 1
entry_share = 1
entry_tier = qualified
cost_per_trainee = 1000
[programme.idle]
intake = 0
duration = 1
completion_rate = 0
cost_per_trainee = 1000
)";

using Table = std::vector<std::vector<std::string>>;

std::size_t column_of(const Table& rows, const std::string& name) {
  const auto found = std::ranges::find(rows.front(), name);
  REQUIRE(found != rows.front().end());
  return static_cast<std::size_t>(found - rows.front().begin());
}

// optimum.csv's row `kind,name` as its cells.
std::vector<std::string> optimum_row(const fs::path& file, const std::string& name) {
  for (const auto& row : parse_csv(slurp(file))) {
    if (row.size() > 1 && row[1] == name) {
      return row;
    }
  }
  FAIL("no row " << name << " in " << file);
  return {};
}

// `column` of summary.csv after `gapsim run SCENARIO --set SETTINGS...`.
double run_summary(const fs::path& scenario, const std::vector<std::string>& settings, const std::string& column,
                   const fs::path& out) {
  std::vector<std::string> args = {"run", scenario.string(), "-o", out.string()};
  for (const std::string& setting : settings) {
    args.insert(args.end(), {"--set", setting});
  }
  REQUIRE(gapsim(args) == 0);
  const Table rows = parse_csv(slurp(out / "summary.csv"));
  return std::stod(rows[1][column_of(rows, column)]);
}

TEST_CASE("optimize: the cheapest intake meeting a deterministic target is the one bisection finds",
          "[e2e][optimize]") {
  TempDir dir("gapsim_optimize_bisection");
  const fs::path scenario = dir.path / "school.ini";
  write_text(scenario, k_school + "[levers]\nprogramme.school.intake = 0:1000:1\n");
  // Bisection on whole intakes over the runs alone: the smallest with shortage_2020 <= 500.
  const auto shortage_at = [&](int intake) {
    return run_summary(scenario, {"programme.school.intake=" + std::to_string(intake)}, "shortage_2020",
                       dir.path / "run");
  };
  int low = 0;      // misses the target
  int high = 1000;  // meets it
  REQUIRE(shortage_at(low) > 500.0);
  REQUIRE(shortage_at(high) <= 500.0);
  while (high - low > 1) {
    const int middle = (low + high) / 2;
    (shortage_at(middle) <= 500.0 ? high : low) = middle;
  }
  const fs::path out = dir.path / "optimize";
  REQUIRE(gapsim({"optimize", scenario.string(), "--minimize", "total_cost", "--subject-to", "shortage@2020 <= 500",
                  "-o", out.string()}) == 0);
  const fs::path optimum = out / "school" / "optimum.csv";
  CHECK(optimum_row(optimum, "optimum")[0] == "result");
  const double found = std::stod(optimum_row(optimum, "programme.school.intake")[2]);
  INFO("bisection " << high << ", optimiser " << found);
  CHECK(std::abs(found - high) <= 1.0);  // within the lever's step
  CHECK(found == high);                  // and in fact the same grid point
  CHECK(std::stod(optimum_row(optimum, "total_cost_mean")[2]) == Approx(8.0 * high * 1000.0).epsilon(1e-12));
  // The written scenario runs to the same numbers.
  const fs::path optimised = out / "school" / "school_optimised.ini";
  CHECK(run_summary(optimised, {}, "shortage_2020", dir.path / "rerun") ==
        std::stod(optimum_row(optimum, "shortage@2020 <= 500")[2]));
  CHECK(slurp(optimised).find("extends = ../../school.ini\n") != std::string::npos);
  CHECK(slurp(optimised).find("[programme.school]\nintake = " + std::to_string(high) + "\n") != std::string::npos);
}

// The chance problem: the cost per trainee is uniform on [1000, 3000] yen, so the run's cost
// 8 x intake x u is at most C with probability (C / (8 intake) - 1000) / 2000; the largest
// intake (the smallest shortage) that keeps it there with probability 0.8 is C / (8 x 2600).
constexpr double k_budget = 10'400'000.0;  // C: an intake of 500 at the 0.8 quantile of u
const std::string k_chance = k_school + R"(
[uncertain]
programme.school.cost_per_trainee = uniform(1000, 3000)
[levers]
programme.school.intake = 0:1000
)";
double chance_probability(double intake) { return std::clamp((k_budget / (8.0 * intake) - 1000.0) / 2000.0, 0.0, 1.0); }

// The share of the runs of a study's runs.csv whose total cost is within the budget.
double share_within_budget(const fs::path& runs_csv) {
  const Table runs = parse_csv(slurp(runs_csv));
  const std::size_t cost = column_of(runs, "total_cost");
  double meeting = 0.0;
  for (std::size_t r = 1; r < runs.size(); ++r) {
    meeting += std::stod(runs[r][cost]) <= k_budget ? 1.0 : 0.0;
  }
  return meeting / static_cast<double>(runs.size() - 1);
}

std::vector<std::string> chance_args(const fs::path& scenario, const fs::path& out, const std::string& threads) {
  return {"optimize",     scenario.string(),
          "--minimize",   "shortage@2020",
          "--subject-to", "total_cost <= 10400000 with probability 0.8",
          "--runs",       "2000",
          "--sampler",    "lhs",
          "--seed",       "7",
          "--threads",    threads,
          "-o",           out.string()};
}

TEST_CASE("optimize: a chance constraint meets its analytic probability, on fresh futures too", "[e2e][optimize]") {
  TempDir dir("gapsim_optimize_chance");
  const fs::path scenario = dir.path / "chance.ini";
  write_text(scenario, k_chance);
  const fs::path out = dir.path / "optimize";
  REQUIRE(gapsim(chance_args(scenario, out, "2")) == 0);
  const fs::path optimum = out / "chance" / "optimum.csv";
  const double intake = std::stod(optimum_row(optimum, "programme.school.intake")[2]);
  const auto constraint = optimum_row(optimum, "total_cost <= 10400000 with probability 0.8");
  INFO("intake " << intake << " (analytic " << k_budget / (8.0 * 2600.0) << "), probability there "
                 << chance_probability(intake));
  // One future per 1/2000 stratum of u (Latin hypercube): the sample's share is within 1/2000
  // of the true probability, and COBYLA stops within 1e-4 of the lever's range.
  CHECK(intake == Approx(500.0).margin(0.2));
  CHECK(chance_probability(intake) == Approx(0.8).margin(1.5 / 2000.0));
  CHECK(std::stod(constraint[2]) >= 0.8);
  CHECK(constraint[9] == "1");
  CHECK(std::stod(constraint[3]) == Approx(std::sqrt(0.8 * 0.2 / 2000.0)).epsilon(0.01));
  // Fresh futures: another Latin hypercube, so again within 1/2000 of the analytic value.
  const double fresh = std::stod(constraint[4]);
  CHECK(fresh == Approx(chance_probability(intake)).margin(1.5 / 2000.0));
  // The scenario as written (intake 100) meets the budget always.
  CHECK(std::stod(constraint[6]) == 1.0);

  // `gapsim mc` of the optimised scenario meets the same futures with the same seed, and the
  // fresh ones with the fresh seed the manifest records.
  const std::string manifest = slurp(out / "chance" / "manifest");
  const std::size_t at = manifest.find("fresh futures seed ");
  REQUIRE(at != std::string::npos);
  const std::string fresh_seed = manifest.substr(at + 19, manifest.find('\n', at) - at - 19);
  const fs::path optimised = out / "chance" / "chance_optimised.ini";
  for (const auto& [seed, expected] :
       {std::pair{std::string("7"), constraint[2]}, std::pair{fresh_seed, constraint[4]}}) {
    const fs::path mc = dir.path / ("mc" + seed);
    REQUIRE(gapsim({"mc", optimised.string(), "--runs", "2000", "--sampler", "lhs", "--seed", seed, "-o",
                    mc.string()}) == 0);
    CHECK(share_within_budget(mc / "chance_optimised" / "runs.csv") == std::stod(expected));
  }
}

TEST_CASE("optimize: over a posterior, the futures take its draws as gapsim mc does", "[e2e][optimize]") {
  TempDir dir("gapsim_optimize_posterior");
  const fs::path scenario = dir.path / "chance.ini";
  write_text(scenario, k_chance);
  // Four draws of the cost per trainee: a run's cost is one of four multiples of the intake.
  std::string posterior = "draw,walker,iteration,programme.school.cost_per_trainee,log_prior,log_likelihood\n";
  const double draws[] = {1100.0, 1900.0, 2300.0, 2900.0};
  for (int i = 0; i < 4; ++i) {
    posterior += std::to_string(i) + ",0," + std::to_string(i) + "," + std::to_string(draws[i]) + ",0,0\n";
  }
  write_text(dir.path / "posterior.csv", posterior);
  const fs::path out = dir.path / "optimize";
  REQUIRE(gapsim({"optimize", scenario.string(), "--minimize", "shortage@2020", "--subject-to",
                  "total_cost <= 10400000 with probability 0.5", "--runs", "400", "--posterior",
                  (dir.path / "posterior.csv").string(), "-o", out.string()}) == 0);
  const fs::path optimum = out / "chance" / "optimum.csv";
  // At least half of the futures must have 8 x intake x draw <= C: the draws 1100 and 1900
  // cover about half of them, so the intake sits where the 1900 runs just fit, or where
  // the 2300 ones do when fewer than half drew 1100 or 1900.
  const double intake = std::stod(optimum_row(optimum, "programme.school.intake")[2]);
  INFO("intake " << intake);
  const bool fits_1900 = std::abs(intake - k_budget / (8.0 * 1900.0)) < 0.1;
  const bool fits_2300 = std::abs(intake - k_budget / (8.0 * 2300.0)) < 0.1;
  CHECK((fits_1900 || fits_2300));
  const std::string share = optimum_row(optimum, "total_cost <= 10400000 with probability 0.5")[2];
  CHECK(std::stod(share) >= 0.5);
  const std::string manifest = slurp(out / "chance" / "manifest");
  CHECK(manifest.find("# posterior " + (dir.path / "posterior.csv").string()) != std::string::npos);
  // gapsim mc of the optimised scenario over the same posterior runs the same futures.
  REQUIRE(gapsim({"mc", (out / "chance" / "chance_optimised.ini").string(), "--runs", "400", "--posterior",
                  (dir.path / "posterior.csv").string(), "-o", (dir.path / "mc").string()}) == 0);
  CHECK(share_within_budget(dir.path / "mc" / "chance_optimised" / "runs.csv") == std::stod(share));
}

TEST_CASE("optimize: the same files whatever the thread count", "[e2e][optimize]") {
  TempDir dir("gapsim_optimize_threads");
  const fs::path scenario = dir.path / "chance.ini";
  write_text(scenario, k_chance);
  REQUIRE(gapsim(chance_args(scenario, dir.path / "one", "1")) == 0);
  REQUIRE(gapsim(chance_args(scenario, dir.path / "two", "2")) == 0);
  for (const char* file : {"optimum.csv", "evaluations.csv", "fan.csv", "chance_optimised.ini"}) {
    INFO(file);
    CHECK(slurp(dir.path / "one" / "chance" / file) == slurp(dir.path / "two" / "chance" / file));
  }
  const fs::path pareto = dir.path / "pareto.ini";
  write_text(pareto, k_chance);
  for (const char* threads : {"1", "2"}) {
    REQUIRE(gapsim({"optimize", pareto.string(), "--pareto", "total_cost,shortage@2020:p90", "--runs", "50",
                    "--generations", "5", "--population", "8", "--threads", threads, "-o",
                    (dir.path / ("pareto" + std::string(threads))).string()}) == 0);
  }
  CHECK(slurp(dir.path / "pareto1" / "pareto" / "pareto.csv") == slurp(dir.path / "pareto2" / "pareto" / "pareto.csv"));
  CHECK(slurp(dir.path / "pareto1" / "pareto" / "evaluations.csv") ==
        slurp(dir.path / "pareto2" / "pareto" / "evaluations.csv"));
}

TEST_CASE("optimize: a Pareto front of cost and shortage lies on the trade-off curve", "[e2e][optimize]") {
  TempDir dir("gapsim_optimize_pareto");
  const fs::path scenario = dir.path / "front.ini";
  write_text(scenario, k_school + "[levers]\nprogramme.school.intake = 0:1000\nprogramme.idle.intake = 0:100:1\n");
  // The curve: the school's intake alone (the idle programme only adds cost), traced by runs.
  std::map<double, double> curve;  // cost -> shortage in 2020
  for (int intake = 0; intake <= 1000; intake += 50) {
    const std::string setting = "programme.school.intake=" + std::to_string(intake);
    curve[8000.0 * intake] = run_summary(scenario, {setting}, "shortage_2020", dir.path / "run");
  }
  const auto curve_at = [&](double cost) {  // linear between the traced points
    auto above = curve.lower_bound(cost);
    if (above == curve.begin()) {
      return above->second;
    }
    const auto below = std::prev(above);
    return below->second + (above->second - below->second) * (cost - below->first) / (above->first - below->first);
  };
  const double range = curve.begin()->second - curve.rbegin()->second;
  REQUIRE(range > 1000.0);
  const fs::path out = dir.path / "optimize";
  REQUIRE(gapsim({"optimize", scenario.string(), "--pareto", "total_cost,shortage@2020", "-o", out.string()}) == 0);
  const Table front = parse_csv(slurp(out / "front" / "pareto.csv"));
  REQUIRE(front.size() > 20);
  const std::size_t cost = column_of(front, "total_cost_mean");
  const std::size_t shortage = column_of(front, "shortage@2020_mean");
  double worst = 0.0;
  for (std::size_t i = 1; i < front.size(); ++i) {
    const double c = std::stod(front[i][cost]);
    const double s = std::stod(front[i][shortage]);
    worst = std::max(worst, std::abs(s - curve_at(c)) / range);
    for (std::size_t j = 1; j < front.size(); ++j) {  // no returned point dominates another
      const double c2 = std::stod(front[j][cost]);
      const double s2 = std::stod(front[j][shortage]);
      CHECK_FALSE((c2 <= c && s2 <= s && (c2 < c || s2 < s)));
    }
  }
  // NSGA-II's front is a sample: a few of its points keep an idle intake of 1 to 4 where no
  // evaluated candidate without one dominates them (0.77% of the range at worst, measured).
  INFO("largest distance from the curve: " << worst << " of the shortage's range");
  CHECK(worst < 0.01);
  // Sorted by cost, from the cheapest end of the curve (no intake: less than one trainee).
  CHECK(std::stod(front[1][cost]) < 8000.0);
  CHECK(std::stod(front[1][shortage]) == Approx(curve.begin()->second).epsilon(0.001));
}

TEST_CASE("optimize: an infeasible problem says so and gives the best achievable", "[e2e][optimize]") {
  TempDir dir("gapsim_optimize_infeasible");
  const fs::path scenario = dir.path / "chance.ini";
  write_text(scenario, k_school + R"(
[uncertain]
programme.school.cost_per_trainee = uniform(1000, 3000)
[levers]
programme.school.intake = 0:1000
)");
  const fs::path out = dir.path / "optimize";
  // A cost of at most 4,000,000 with probability 0.9 needs u <= 4e6 / (8 intake), and the
  // shortage in 2020 reaches 300 only past an intake of 500: out of reach together.
  const auto result =
      gapsim_output({"optimize", scenario.string(), "--minimize", "total_cost", "--subject-to",
                     "shortage@2020 <= 300 with probability 0.9", "--subject-to",
                     "total_cost <= 4000000 with probability 0.9", "--runs", "500", "-o", out.string()});
  CHECK(result.status == 1);
  CHECK(result.error ==
        "gapsim optimize: no policy within the levers' bounds meets every constraint; optimum.csv holds the best "
        "achievable\n");
  const fs::path optimum = out / "chance" / "optimum.csv";
  CHECK(optimum_row(optimum, "best achievable (no candidate meets every constraint)")[0] == "result");
  // The shortage is deterministic: every future meets it or none does, so the best achievable
  // policy trades the two: both shares are below 0.9, and at least one is above 0.
  const double shortage_share = std::stod(optimum_row(optimum, "shortage@2020 <= 300 with probability 0.9")[2]);
  const double cost_share = std::stod(optimum_row(optimum, "total_cost <= 4000000 with probability 0.9")[2]);
  CHECK(std::min(shortage_share, cost_share) < 0.9);
  CHECK(std::max(shortage_share, cost_share) > 0.0);
  CHECK(fs::exists(out / "chance" / "chance_optimised.ini"));
}

TEST_CASE("optimize: each mistake is an exact error", "[e2e][optimize]") {
  TempDir dir("gapsim_optimize_errors");
  const fs::path scenario = dir.path / "school.ini";
  write_text(scenario, k_school + "[levers]\nprogramme.school.intake = 0:1000:1\n");
  const std::string path = scenario.string();
  const auto error_of = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"optimize", path});
    args.insert(args.end(), {"-o", (dir.path / "out").string()});
    return gapsim_output(args);
  };
  auto result = error_of({"--minimize", "total_cots"});
  CHECK(result.status == 2);
  CHECK(result.error ==
        "gapsim optimize: --minimize total_cots: unknown metric 'total_cots' (did you mean 'total_cost'? or give "
        "VARIABLE_YEAR or VARIABLE@YEAR, e.g. shortage_2025)\n");
  result = error_of({"--minimize", "total_cost", "--subject-to", "shortfall@2030 <= 0 with probability 0.9"});
  CHECK(result.status == 2);
  CHECK(result.error ==
        "gapsim optimize: --subject-to 'shortfall@2030 <= 0 with probability 0.9': unknown variable 'shortfall' "
        "(did you mean 'shortage'?)\n");
  result = error_of({"--pareto", "total_cost,shortage@2020", "--subject-to", "shortage@2020 <= 0"});
  CHECK(result.error ==
        "gapsim optimize: --pareto takes no --subject-to: make the constraint's metric one of the objectives\n");
  result = error_of({"--pareto", "total_cost"});
  CHECK(result.error == "gapsim optimize: --pareto total_cost: give two or three objectives\n");
  result = error_of({"--minimize", "total_cost", "--fresh-seed", "1"});
  CHECK(result.error ==
        "gapsim optimize: --fresh-seed must differ from --seed: the check needs futures the search has not seen\n");
  result = error_of({"--minimize", "total_cost", "--population", "10"});
  CHECK(result.error ==
        "gapsim optimize: --population must be a multiple of 4 and at least 8 (NSGA-II pairs its parents)\n");
  // A metric the run does not have: the year is past its end.
  result = error_of({"--minimize", "shortage@2040"});
  CHECK(result.status == 1);
  CHECK(result.error ==
        "gapsim optimize: error: shortage@2040 has no value in future 0 (a year outside the run, or an event that "
        "never happens there); choose a metric every run has\n");
  // A key both a lever and uncertain.
  write_text(scenario, k_chance + "programme.school.cost_per_trainee = 500:5000\n");
  result = error_of({"--minimize", "total_cost"});
  CHECK(result.status == 1);
  CHECK(result.error == "gapsim optimize: error: " + path +
                            ":28: levers.programme.school.cost_per_trainee: 'programme.school.cost_per_trainee' is "
                            "declared uncertain at " +
                            path + ":25; a key is either a lever (a choice) or uncertain (not known), not both\n");
  // --set cannot set a declaration.
  result =
      gapsim_output({"run", path, "--set", "levers.programme.school.intake=0:10", "-o", (dir.path / "run").string()});
  CHECK(result.error.find("--set levers.programme.school.intake: declarations of [levers] are read by optimize only") !=
        std::string::npos);
}

}  // namespace
}  // namespace gapsim
