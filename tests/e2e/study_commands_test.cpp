// The study commands end to end: mc is the same whatever the thread count, shards merge to
// the bytes of the whole study, a run's row is what a plain run with its values gives, bands
// agree with the runs table, and sweep and sensitivity give what direct runs give.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "fit/fitted_trend.hpp"
#include "fit/trend_path_draw.hpp"
#include "io/number_format.hpp"
#include "io/scenario_builder.hpp"
#include "io/varied_key.hpp"
#include "model/engine.hpp"
#include "model/summary.hpp"
#include "stats/sampling.hpp"
#include "study/study_inputs.hpp"
#include "study/uncertain_scenario.hpp"
#include "support/approx.hpp"
#include "support/cli_run.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::gapsim;
using test::parse_csv;
using test::slurp;
using test::TempDir;

const std::string k_baseline = GAPSIM_SOURCE_DIR "/scenarios/baseline.ini";
const std::vector<std::string> k_study_files = {"bands.csv",       "probabilities.csv", "first_years.csv", "runs.csv",
                                                "series_long.csv", "study_state",       "manifest"};

void check_same_files(const fs::path& a, const fs::path& b) {
  for (const std::string& file : k_study_files) {
    INFO(file);
    const std::string left = slurp(a / file);
    CHECK(left != "<missing>");
    CHECK(left == slurp(b / file));
  }
}

// The column of `header` named `name` in parsed CSV rows.
std::size_t column_of(const std::vector<std::vector<std::string>>& rows, const std::string& name) {
  const auto& header = rows.front();
  return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}

TEST_CASE("mc: the same study with 1 and 2 threads gives identical files", "[e2e][mc]") {
  for (const std::string sampler : {"random", "lhs", "sobol"}) {
    INFO(sampler);
    TempDir one("mc_threads_1");
    TempDir two("mc_threads_2");
    const std::vector<std::string> study = {"mc",     k_baseline,  "--runs", "150",      "--seed",
                                            "7",      "--sampler", sampler,  "--series", "shortage,workforce",
                                            "--quiet"};
    auto args = study;
    args.insert(args.end(), {"--threads", "1", "-o", one.path.string()});
    REQUIRE(gapsim(args) == 0);
    args = study;
    args.insert(args.end(), {"--threads", "2", "-o", two.path.string()});
    REQUIRE(gapsim(args) == 0);
    check_same_files(one.path / "baseline", two.path / "baseline");
  }
}

TEST_CASE("mc: shards merged give identical files to the unsharded run", "[e2e][mc]") {
  TempDir dir("mc_shards");
  const std::vector<std::string> study = {"mc",        k_baseline, "--runs",   "101",      "--seed", "3",
                                          "--sampler", "lhs",      "--series", "shortage", "--quiet"};
  auto whole = study;
  whole.insert(whole.end(), {"-o", (dir.path / "whole").string()});
  REQUIRE(gapsim(whole) == 0);
  for (const std::string shard : {"1/3", "2/3", "3/3"}) {
    auto args = study;
    args.insert(args.end(), {"--shard", shard, "--threads", shard == "2/3" ? "2" : "1", "-o",
                             (dir.path / ("shard" + shard.substr(0, 1))).string()});
    REQUIRE(gapsim(args) == 0);
  }
  // Shards in any order on the command line.
  REQUIRE(gapsim({"merge", (dir.path / "shard3").string(), (dir.path / "shard1").string(),
                  (dir.path / "shard2").string(), "-o", (dir.path / "merged").string()}) == 0);
  check_same_files(dir.path / "whole" / "baseline", dir.path / "merged" / "baseline");
  // A shard holds its own slice: runs 34 to 67 of 0..100.
  const auto rows = parse_csv(slurp(dir.path / "shard2" / "baseline" / "runs.csv"));
  CHECK(rows.size() == 1 + 34);
  CHECK(rows[1][0] == "33");
  CHECK(rows.back()[0] == "66");

  SECTION("a missing shard, a shard given twice or another study is refused") {
    CHECK(gapsim({"merge", (dir.path / "shard1").string(), (dir.path / "shard2").string(), "-o",
                  (dir.path / "bad").string()}) == 1);
    CHECK(gapsim({"merge", (dir.path / "shard1").string(), (dir.path / "shard1").string(), "-o",
                  (dir.path / "bad").string()}) == 1);
    auto other = study;
    other[5] = "4";  // another seed
    other.insert(other.end(), {"--shard", "3/3", "-o", (dir.path / "other").string()});
    REQUIRE(gapsim(other) == 0);
    CHECK(gapsim({"merge", (dir.path / "shard1").string(), (dir.path / "shard2").string(),
                  (dir.path / "other").string(), "-o", (dir.path / "bad").string()}) == 1);
    CHECK(!fs::exists(dir.path / "bad"));
  }
}

TEST_CASE("mc: a run's row is what a plain run of the scenario with its values gives", "[e2e][mc]") {
  // The attack path is left at its median here; the next test checks the drawn paths.
  TempDir dir("mc_row");
  const fs::path keys_only = dir.path / "baseline.ini";
  std::ofstream(keys_only) << "extends = " << k_baseline << "\n[uncertain]\nattack.path = none\n";
  REQUIRE(gapsim({"mc", keys_only.string(), "--runs", "5", "--seed", "11", "--quiet", "-o", dir.path.string()}) == 0);
  const auto rows = parse_csv(slurp(dir.path / "baseline" / "runs.csv"));
  REQUIRE(rows.size() == 6);
  const auto& header = rows[0];
  const auto& run = rows[3];
  // A scenario file extending the baseline with run 2's sampled values.
  // A KEY@YEAR column replaces that point of the baseline's schedule.
  const RawScenario raw = load_scenario(k_baseline, read_disk_file);
  std::string ini = "extends = " + k_baseline + "\n";
  for (std::size_t c = 2; c < header.size() && header[c] != "final_year"; ++c) {
    const VariedKey varied = *parse_varied_key(header[c]);
    std::string value = run[c];
    if (varied.at) {
      std::string points = value_text(raw, varied.key);
      const std::string year = header[c].substr(header[c].find('@') + 1) + ":";
      const std::size_t from = points.find(year) + year.size();
      points.replace(
          from, points.find(',', from) == std::string::npos ? std::string::npos : points.find(',', from) - from, value);
      value = points;
    }
    const std::size_t dot = varied.key.find('.');
    ini += '[';  // appended piece by piece: "[" + std::string trips GCC 12's false -Wrestrict
    ini += varied.key.substr(0, dot);
    ini += "]\n" + varied.key.substr(dot + 1) + " = " + value + "\n";
  }
  std::ofstream(dir.path / "run2.ini") << ini;
  const Summary summary =
      summarize(test::run_config(load_and_build((dir.path / "run2.ini").string()).config), k_default_summary_years);
  const std::vector<std::string> names = summary_names(k_default_summary_years);
  for (const std::string metric :
       {"shortage_2020", "skill_gap_2020", "hires_2030", "shortage_end", "peak_shortage", "total_cost_outsourcing"}) {
    INFO(metric);
    const auto m = std::find(names.begin(), names.end(), metric) - names.begin();
    const double expected = *summary[static_cast<std::size_t>(m)];
    CHECK_THAT(std::stod(run[column_of(rows, metric)]), test::within_rounding(expected));
  }
}

TEST_CASE("mc: each run draws its attack path from the design's uniforms, shown by its probability", "[e2e][mc]") {
  // Run i's last k_path_uniforms design coordinates give the path (fit/trend_path_draw.hpp);
  // series_long.csv holds its attack volume and runs.csv its predictive probability in 2030.
  TempDir dir("mc_path");
  REQUIRE(gapsim({"mc", k_baseline, "--runs", "6", "--seed", "3", "--series", "attack_volume", "--quiet", "-o",
                  dir.path.string()}) == 0);
  const UncertainScenario scenario(k_baseline, read_disk_file);
  REQUIRE(scenario.inputs.back().attack_path);
  const auto* fitted = dynamic_cast<const FittedTrend*>(scenario.variants.base().config.attack.get());
  REQUIRE(fitted != nullptr);
  const TrendPathSampler sampler(fitted->forecast());
  const int dims = design_dimensions(scenario.inputs);
  const UnitDesign design(SamplerKind::random, dims, 6, 3);
  const auto runs = parse_csv(slurp(dir.path / "baseline" / "runs.csv"));
  const auto series = parse_csv(slurp(dir.path / "baseline" / "series_long.csv"));
  std::vector<double> unit(static_cast<std::size_t>(dims));
  for (int run = 0; run < 6; ++run) {
    INFO("run " << run);
    design.point(run, unit);
    PathUniforms uniforms;
    std::copy(unit.end() - k_path_uniforms, unit.end(), uniforms.begin());
    const DrawnTrendPath path = sampler.draw(uniforms);
    CHECK(std::stod(runs[1 + run][column_of(runs, "attack.path")]) == sampler.predictive_quantile(path, 2030.0));
    int checked = 0;
    for (const auto& row : series) {
      if (row[0] == std::to_string(run) && row[column_of(series, "year")] == "2030") {
        CHECK_THAT(std::stod(row.back()), test::within_rounding(path.volume(2030.0)));
        ++checked;
      }
    }
    CHECK(checked == 1);
  }
}

TEST_CASE("mc: bands and probabilities agree with the runs table", "[e2e][mc]") {
  TempDir dir("mc_bands");
  REQUIRE(gapsim({"mc", k_baseline, "--runs", "400", "--seed", "5", "--quiet", "-o", dir.path.string()}) == 0);
  const auto runs = parse_csv(slurp(dir.path / "baseline" / "runs.csv"));
  std::vector<double> shortage;
  long double sum = 0.0L;
  for (std::size_t r = 1; r < runs.size(); ++r) {
    shortage.push_back(std::stod(runs[r][column_of(runs, "shortage_2020")]));
    sum += shortage.back();
  }
  std::sort(shortage.begin(), shortage.end());
  const double n = static_cast<double>(shortage.size());
  const auto bands = parse_csv(slurp(dir.path / "baseline" / "bands.csv"));
  std::map<std::string, double> band;
  for (const auto& row : bands) {
    if (row[0] == "2020" && row[1] == "shortage") {
      for (std::size_t c = 2; c < row.size(); ++c) {
        band[bands[0][c]] = std::stod(row[c]);
      }
    }
  }
  REQUIRE(band.size() == 10);  // mean, sd, 7 quantiles, deterministic
  // runs.csv rounds nothing (shortest round-trip), so the mean is the exact mean.
  CHECK_THAT(band["mean"], Catch::Matchers::WithinRel(static_cast<double>(sum / n), 1e-14));
  double squares = 0.0;
  for (double x : shortage) {
    squares += (x - band["mean"]) * (x - band["mean"]);
  }
  CHECK_THAT(band["sd"], Catch::Matchers::WithinRel(std::sqrt(squares / (n - 1)), 1e-9));
  for (const auto& [name, q] : std::map<std::string, double>{{"p5", 0.05}, {"p50", 0.5}, {"p95", 0.95}}) {
    const double exact = shortage[static_cast<std::size_t>(std::ceil(q * n)) - 1];
    INFO(name << " " << band[name] << " vs " << exact);
    CHECK(std::abs(band[name] - exact) <= std::ldexp(exact, -11));
  }
}

TEST_CASE("mc: threshold probabilities and first years agree with the runs' series", "[e2e][mc]") {
  // Given 300 runs of the outsourcing push (whose shortage falls in some runs) with
  // thresholds 0, 50,000 and 150,000 and each run's shortage kept, probabilities.csv should
  // hold, per year and threshold, the count of runs at or below it, and first_years.csv the
  // count whose shortage first gets there in each year and the count from which it stays
  // there (or never).
  TempDir dir("mc_thresholds");
  REQUIRE(gapsim({"mc", GAPSIM_SOURCE_DIR "/scenarios/outsourcing_push.ini", "--runs", "300", "--seed", "8", "--series",
                  "shortage", "--thresholds", "0,50000,150000", "--quiet", "-o", dir.path.string()}) == 0);
  const auto series = parse_csv(slurp(dir.path / "outsourcing_push" / "series_long.csv"));
  const std::vector<double> thresholds = {0, 50000, 150000};
  std::map<std::pair<int, double>, int> at_or_below;    // (year, threshold) -> runs
  std::map<std::pair<double, std::string>, int> first;  // (threshold, year or "never") -> runs
  std::map<std::pair<double, std::string>, int> stays;  // the year from which it stays at or below
  std::map<int, std::vector<std::pair<int, double>>> by_run;
  for (std::size_t r = 1; r < series.size(); ++r) {
    by_run[std::stoi(series[r][0])].emplace_back(std::stoi(series[r][1]), std::stod(series[r][3]));
  }
  REQUIRE(by_run.size() == 300);
  for (const auto& [run, years] : by_run) {
    for (const double x : thresholds) {
      std::string first_year = "never";
      std::string stays_year = "never";
      for (const auto& [year, shortage] : years) {
        if (shortage <= x) {
          ++at_or_below[{year, x}];
          if (first_year == "never") {
            first_year = std::to_string(year);
          }
          if (stays_year == "never") {
            stays_year = std::to_string(year);
          }
        } else {
          stays_year = "never";
        }
      }
      ++first[{x, first_year}];
      ++stays[{x, stays_year}];
    }
  }
  const auto probabilities = parse_csv(slurp(dir.path / "outsourcing_push" / "probabilities.csv"));
  CHECK(probabilities[0] == std::vector<std::string>{"year", "threshold", "runs", "at_or_below", "p_at_or_below"});
  REQUIRE(probabilities.size() == 1 + 18 * 3);
  int positive = 0;
  for (std::size_t r = 1; r < probabilities.size(); ++r) {
    const auto& row = probabilities[r];
    const int expected = at_or_below[{std::stoi(row[0]), std::stod(row[1])}];
    INFO(row[0] << " " << row[1]);
    CHECK(row[2] == "300");
    CHECK(std::stoi(row[3]) == expected);
    CHECK(std::stod(row[4]) == expected / 300.0);
    positive += expected > 0 && expected < 300 ? 1 : 0;
  }
  CHECK(positive >= 5);  // the thresholds split the runs in some years: the counts are tested
  const auto first_years = parse_csv(slurp(dir.path / "outsourcing_push" / "first_years.csv"));
  CHECK(first_years[0] == std::vector<std::string>{"threshold", "year", "first", "share_first", "cumulative_first",
                                                   "stays_from", "share_stays_from", "cumulative_stays_from"});
  REQUIRE(first_years.size() == 1 + 3 * 19);
  int cumulative_first = 0;
  int cumulative_stays = 0;
  int settled_later = 0;  // runs whose shortage settles at or below a threshold after the start
  for (std::size_t r = 1; r < first_years.size(); ++r) {
    const auto& row = first_years[r];
    INFO(row[0] << " " << row[1]);
    const std::pair<double, std::string> cell{std::stod(row[0]), row[1]};
    cumulative_first = row[1] == "2013" ? first[cell] : cumulative_first + first[cell];
    cumulative_stays = row[1] == "2013" ? stays[cell] : cumulative_stays + stays[cell];
    CHECK(std::stoi(row[2]) == first[cell]);
    CHECK(std::stod(row[4]) == cumulative_first / 300.0);
    CHECK(std::stoi(row[5]) == stays[cell]);
    CHECK(std::stod(row[7]) == cumulative_stays / 300.0);
    settled_later += row[1] != "2013" && row[1] != "never" ? stays[cell] : 0;
  }
  CHECK(settled_later > 0);  // the distribution of the settling year is tested, not only its ends
  const int never = stays[{150000, "never"}];
  CHECK(first_years.back() == std::vector<std::string>{"150000", "never", std::to_string(first[{150000, "never"}]),
                                                       format_number(first[{150000, "never"}] / 300.0), "1",
                                                       std::to_string(never), format_number(never / 300.0), "1"});
}

TEST_CASE("mc: bad options and scenarios without uncertainty", "[e2e][mc]") {
  TempDir dir("mc_errors");
  CHECK(gapsim({"mc", k_baseline, "--runs", "0", "-o", dir.path.string()}) == 2);
  CHECK(gapsim({"mc", k_baseline, "--shard", "4/3", "-o", dir.path.string()}) == 2);
  CHECK(gapsim({"mc", k_baseline, "--sampler", "halton", "-o", dir.path.string()}) == 2);
  CHECK(gapsim({"mc", k_baseline, "--series", "shortfall", "-o", dir.path.string()}) == 2);
  CHECK(gapsim({"mc", k_baseline, "--threads", "0", "-o", dir.path.string()}) == 2);
  std::ofstream(dir.path / "certain.ini")
      << "extends = " << k_baseline
      << "\n[uncertain]\nhiring.delay = none\ndemand.attack_elasticity = none\n"
         "demand.growth = none\nattrition.qualified = none\nupskilling.rate = none\n"
         "retirement.age_mean = none\noutsourcing.share@2030 = none\nhiring.pool@2030 = none\n"
         "demand.threat_ceiling = none\nattack.path = none\n";
  CHECK(gapsim({"mc", (dir.path / "certain.ini").string(), "--quiet", "-o", dir.path.string()}) == 1);
  CHECK(!fs::exists(dir.path / "certain"));
}

TEST_CASE("sweep: the full grid, each point what a direct run gives", "[e2e][sweep]") {
  TempDir dir("sweep");
  REQUIRE(gapsim({"sweep", k_baseline, "--set", "hiring.delay=2:3:0.5", "--set", "upskilling.rate=0.02:0.04:0.01",
                  "--series", "shortage,workforce", "--quiet", "-o", dir.path.string()}) == 0);
  const auto rows = parse_csv(slurp(dir.path / "baseline" / "sweep.csv"));
  CHECK(rows[0] == std::vector<std::string>{"hiring.delay", "upskilling.rate", "year", "variable", "value"});
  REQUIRE(rows.size() == 1 + 3 * 3 * 18 * 2);
  CHECK(rows[1][0] == "2");
  CHECK(rows[1][1] == "0.02");
  CHECK(rows.back()[0] == "3");
  CHECK(rows.back()[1] == "0.04");  // 0.02 + 2 * 0.01 printed clean
  // Grid point (2.5, 0.03): the fifth, last axis fastest.
  RawScenario raw = load_scenario(k_baseline, read_disk_file);
  raw.settings["hiring.delay"].value = std::string("2.5");
  raw.settings["upskilling.rate"].value = std::string("0.03");
  const Results direct = test::run_config(build_scenario(raw, read_disk_file).config);
  const std::size_t row = 1 + 4 * 18 * 2 + 7 * 2;  // point 4, year 2020, shortage
  CHECK(rows[row][0] == "2.5");
  CHECK(rows[row][2] == "2020");
  CHECK(rows[row][3] == "shortage");
  CHECK_THAT(std::stod(rows[row][4]), test::within_rounding(direct.at(row_of_year(direct, 2020), Column::shortage)));

  CHECK(gapsim({"sweep", k_baseline, "--set", "hiring.delay=0:1:0.5", "-o", dir.path.string()}) == 2);
  CHECK(gapsim({"sweep", k_baseline, "--set", "hiring.dealy=1:2:0.5", "-o", dir.path.string()}) == 2);
  CHECK(gapsim({"sweep", k_baseline, "--set", "time.end_year=2029:2030:1", "-o", dir.path.string()}) == 2);
  CHECK(gapsim({"sweep", k_baseline, "--set", "hiring.delay=2:1:0.5", "-o", dir.path.string()}) == 2);
  // 1000 x 1000 x 2 points: more than a sweep runs, refused before any run.
  CHECK(gapsim({"sweep", k_baseline, "--set", "hiring.delay=1:1000:1", "--set", "attrition.qualified=0:0.999:0.001",
                "--set", "upskilling.rate=0.01:0.02:0.01", "-o", (dir.path / "large").string()}) == 2);
  CHECK(!fs::exists(dir.path / "large"));
}

TEST_CASE("sensitivity: an input without effect has indices of exactly 0", "[e2e][sensitivity]") {
  TempDir dir("sensitivity");
  // Two inputs: the hiring delay moves the 2020 shortage; the upskilling cost cannot.
  std::ofstream(dir.path / "two.ini")
      << "extends = " << k_baseline
      << "\n[uncertain]\ndemand.attack_elasticity = none\ndemand.growth = none\n"
         "attrition.qualified = none\nupskilling.rate = none\nretirement.age_mean = none\n"
         "outsourcing.share@2030 = none\nhiring.pool@2030 = none\ndemand.threat_ceiling = none\nattack.path = none\n"
         "upskilling.cost_per_person = uniform(0, 1000000)\n";
  REQUIRE(gapsim({"sensitivity", (dir.path / "two.ini").string(), "--output", "shortage_2020", "--runs", "256",
                  "--bootstrap", "200", "--quiet", "-o", dir.path.string()}) == 0);
  const auto tornado = parse_csv(slurp(dir.path / "two" / "tornado.csv"));
  REQUIRE(tornado.size() == 3);
  CHECK(tornado[1][0] == "hiring.delay");  // the larger swing first
  CHECK(std::stod(tornado[1][6]) > 10000.0);
  CHECK(tornado[2][0] == "upskilling.cost_per_person");
  CHECK(tornado[2][6] == "0");
  CHECK(tornado[1][5] == tornado[2][5]);  // both at the medians

  const auto sobol = parse_csv(slurp(dir.path / "two" / "sobol.csv"));
  REQUIRE(sobol.size() == 3);
  CHECK(sobol[2][0] == "upskilling.cost_per_person");
  for (std::size_t c = 1; c <= 6; ++c) {
    CHECK(sobol[2][c] == "0");
  }
  CHECK(std::stod(sobol[1][1]) == Approx(1.0).margin(0.05));  // the delay explains it all
  CHECK(std::stod(sobol[1][4]) == Approx(1.0).margin(0.05));
  CHECK(std::stod(sobol[1][2]) <= std::stod(sobol[1][1]));
  CHECK(std::stod(sobol[1][1]) <= std::stod(sobol[1][3]));

  CHECK(gapsim({"sensitivity", k_baseline, "--output", "shortage_2021x", "-o", dir.path.string()}) == 2);
  CHECK(gapsim({"sensitivity", k_baseline, "-o", dir.path.string()}) == 2);
}

TEST_CASE("mc and sensitivity: a declared input that changes no output is named in a warning", "[e2e][mc]") {
  // In no_action RISS takes no one, so its entry share cannot matter; the hiring delay can.
  TempDir dir("inert_input");
  const fs::path scenario = dir.path / "inert.ini";
  std::ofstream(scenario) << "extends = " GAPSIM_SOURCE_DIR
                             "/scenarios/no_action.ini\n[uncertain]\n"
                             "programme.riss.entry_share = uniform(0.21, 0.31)\n";  // median 0.26, the value
  const std::string warning =
      "warning: inert: programme.riss.entry_share is declared uncertain but changes no output between its 5th and "
      "95th percentile\n";
  const test::CommandOutput mc =
      test::gapsim_output({"mc", scenario.string(), "--runs", "4", "--quiet", "-o", dir.path.string()});
  CHECK(mc.status == 0);
  CHECK(mc.error == warning);
  const test::CommandOutput sensitivity =
      test::gapsim_output({"sensitivity", scenario.string(), "--output", "shortage_2020", "--runs", "8", "--bootstrap",
                           "10", "--quiet", "-o", dir.path.string()});
  CHECK(sensitivity.status == 0);
  CHECK(sensitivity.error == warning);
  // The baseline's own declarations all act.
  CHECK(test::gapsim_output({"mc", k_baseline, "--runs", "4", "--quiet", "-o", dir.path.string()}).error.empty());
}

TEST_CASE("mc: a child's value for a key its parent declares uncertain is used, with a note", "[e2e][mc]") {
  // The child sets the delay and the growth; the study varies neither and says so.
  TempDir dir("child_value");
  const fs::path child = dir.path / "child.ini";
  std::ofstream(child) << "extends = " << k_baseline << "\n[hiring]\ndelay = 5\n[demand]\ngrowth = 0.04\n";
  const test::CommandOutput result =
      test::gapsim_output({"mc", child.string(), "--runs", "3", "--quiet", "-o", dir.path.string()});
  REQUIRE(result.status == 0);
  CHECK(result.error.find("note: child: " + child.string() +
                          ":5: demand.growth = 0.04 overrides the uncertain "
                          "declaration of demand.growth at " +
                          k_baseline) != std::string::npos);
  CHECK(result.error.find("note: child: " + child.string() + ":3: hiring.delay = 5 overrides") != std::string::npos);
  const auto header = parse_csv(slurp(dir.path / "child" / "runs.csv"))[0];
  CHECK(std::find(header.begin(), header.end(), "hiring.delay") == header.end());
  CHECK(std::find(header.begin(), header.end(), "demand.growth") == header.end());
  CHECK(std::find(header.begin(), header.end(), "attrition.qualified") != header.end());
}

TEST_CASE("mc: a replayed run writes the run's whole time series, equal to the study's numbers", "[e2e][mc]") {
  TempDir dir("replay");
  REQUIRE(gapsim({"mc", k_baseline, "--runs", "5", "--seed", "11", "--sampler", "lhs", "--series",
                  "shortage,workforce,attack_volume", "--quiet", "-o", dir.path.string()}) == 0);
  REQUIRE(gapsim({"mc", k_baseline, "--runs", "5", "--seed", "11", "--sampler", "lhs", "--replay", "3", "--quiet", "-o",
                  dir.path.string()}) == 0);
  const auto series = parse_csv(slurp(dir.path / "baseline" / "series_long.csv"));
  const auto replayed = parse_csv(slurp(dir.path / "baseline_run3" / "timeseries.csv"));
  int compared = 0;
  for (const auto& row : series) {
    if (row[0] != "3") {
      continue;
    }
    const std::size_t year_row = static_cast<std::size_t>(std::stoi(row[1]) - 2013 + 1);
    CHECK(replayed[year_row][0] == row[1]);
    CHECK(replayed[year_row][column_of(replayed, row[2])] == row[3]);  // the same text: the same double
    ++compared;
  }
  CHECK(compared == 18 * 3);
  // The manifest shows the run's values as runs.csv does.
  const auto runs = parse_csv(slurp(dir.path / "baseline" / "runs.csv"));
  const std::string manifest = slurp(dir.path / "baseline_run3" / "manifest");
  CHECK(manifest.find("#   hiring.delay = " + runs[4][column_of(runs, "hiring.delay")] + "\n") != std::string::npos);
  CHECK(manifest.find("#   attack.path = " + runs[4][column_of(runs, "attack.path")] + "\n") != std::string::npos);
  CHECK(gapsim({"mc", k_baseline, "--runs", "5", "--replay", "5", "-o", dir.path.string()}) == 2);
}

}  // namespace
}  // namespace gapsim
