// calibrate --posterior and mc --posterior end to end: the files, the same bytes for any
// thread count, the warnings, studies that take posterior draws (whole, sharded, replayed),
// and the errors.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "support/cli_run.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::gapsim;
using test::parse_csv;
using test::slurp;
using test::TempDir;

const std::string k_baseline = GAPSIM_SOURCE_DIR "/scenarios/baseline.ini";
const std::string k_targets = GAPSIM_SOURCE_DIR "/scenarios/data/observed_targets.csv";

// A short posterior of three baseline keys into `dir`.
test::CommandOutput calibrate_small(const fs::path& dir, const std::string& threads) {
  return test::gapsim_output(
      {"calibrate", k_baseline,     "--targets", k_targets,       "--posterior", "--fit",  "demand.attack_elasticity",
       "--fit",     "hiring.delay", "--fit",     "demand.growth", "--samples",   "640",    "--chains",
       "16",        "--burn-in",    "100",       "--thin",        "1",           "--seed", "5",
       "--threads", threads,        "-o",        dir.string()});
}

std::size_t column_of(const std::vector<std::string>& header, const std::string& name) {
  return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}

TEST_CASE("calibrate --posterior: its files, the same bytes for 1 and 2 threads, warnings by key", "[e2e][posterior]") {
  TempDir one("posterior_1");
  TempDir two("posterior_2");
  const test::CommandOutput first = calibrate_small(one.path, "1");
  REQUIRE(first.status == 0);
  REQUIRE(calibrate_small(two.path, "2").status == 0);
  for (const std::string file : {"posterior.csv", "posterior_summary.csv", "posterior_predictive.csv"}) {
    INFO(file);
    CHECK(slurp(one.path / file) != "<missing>");
    CHECK(slurp(one.path / file) == slurp(two.path / file));
  }
  const auto draws = parse_csv(slurp(one.path / "posterior.csv"));
  REQUIRE(draws.size() == 1 + 640);
  CHECK(draws[0] == std::vector<std::string>{"draw", "walker", "iteration", "demand.attack_elasticity", "demand.growth",
                                             "hiring.delay", "log_prior", "log_likelihood"});
  CHECK(draws[17][0] == "16");
  CHECK(draws[17][1] == "0");
  CHECK(draws[17][2] == "1");
  const auto summary = parse_csv(slurp(one.path / "posterior_summary.csv"));
  REQUIRE(summary.size() == 4);
  CHECK(summary[0] == std::vector<std::string>{"key", "mean", "sd", "p5", "p50", "p95", "rhat", "ess", "acceptance"});
  const auto predictive = parse_csv(slurp(one.path / "posterior_predictive.csv"));
  REQUIRE(predictive.size() == 1 + 6);  // the six observed targets
  CHECK(predictive[6][0] == "2016");
  CHECK(predictive[6][1] == "shortage");
  CHECK(predictive[6][2] == "132060");
  // 640 draws of 16 walkers give fewer than 400 effective samples: a warning per key.
  CHECK(first.error.find("warning: calibrate: hiring.delay: effective sample size") != std::string::npos);
  CHECK(first.error.find("warning: calibrate: demand.growth: effective sample size") != std::string::npos);
  CHECK(slurp(one.path / "manifest").find("observed_targets.csv") != std::string::npos);
}

TEST_CASE("mc --posterior: runs take posterior draws; shards, merge and replay agree", "[e2e][posterior]") {
  TempDir dir("mc_posterior");
  REQUIRE(calibrate_small(dir.path / "posterior", "2").status == 0);
  const std::string posterior = (dir.path / "posterior" / "posterior.csv").string();
  const std::vector<std::string> study = {"mc",          k_baseline, "--runs",   "90",       "--seed", "3",
                                          "--posterior", posterior,  "--series", "shortage", "--quiet"};
  auto whole = study;
  whole.insert(whole.end(), {"-o", (dir.path / "whole").string()});
  REQUIRE(gapsim(whole) == 0);

  // Every run's calibrated keys are one draw's, as the draw's own text; other keys vary.
  const auto draws = parse_csv(slurp(posterior));
  std::set<std::vector<std::string>> tuples;
  for (std::size_t i = 1; i < draws.size(); ++i) {
    tuples.insert({draws[i][3], draws[i][4], draws[i][5]});
  }
  const auto runs = parse_csv(slurp(dir.path / "whole" / "baseline" / "runs.csv"));
  REQUIRE(runs.size() == 91);
  const std::size_t elasticity = column_of(runs[0], "demand.attack_elasticity");
  const std::size_t growth = column_of(runs[0], "demand.growth");
  const std::size_t delay = column_of(runs[0], "hiring.delay");
  const std::size_t attrition = column_of(runs[0], "attrition.qualified");
  REQUIRE(attrition < runs[0].size());
  std::set<std::string> attritions;
  for (std::size_t r = 1; r < runs.size(); ++r) {
    CHECK(tuples.count({runs[r][elasticity], runs[r][growth], runs[r][delay]}) == 1);
    attritions.insert(runs[r][attrition]);
  }
  CHECK(attritions.size() == 90);
  CHECK(slurp(dir.path / "whole" / "baseline" / "manifest").find("# posterior " + posterior + " (sha256 ") !=
        std::string::npos);

  for (const std::string shard : {"1/2", "2/2"}) {
    auto args = study;
    args.insert(args.end(), {"--shard", shard, "-o", (dir.path / ("shard" + shard.substr(0, 1))).string()});
    REQUIRE(gapsim(args) == 0);
  }
  REQUIRE(gapsim({"merge", (dir.path / "shard1").string(), (dir.path / "shard2").string(), "-o",
                  (dir.path / "merged").string()}) == 0);
  for (const std::string file : {"bands.csv", "probabilities.csv", "runs.csv", "series_long.csv", "manifest"}) {
    INFO(file);
    CHECK(slurp(dir.path / "whole" / "baseline" / file) == slurp(dir.path / "merged" / "baseline" / file));
  }

  auto replay = study;
  replay.insert(replay.end(), {"--replay", "41", "-o", (dir.path / "replay").string()});
  REQUIRE(gapsim(replay) == 0);
  const std::string manifest = slurp(dir.path / "replay" / "baseline_run41" / "manifest");
  CHECK(manifest.find("#   hiring.delay = " + runs[42][delay] + "\n") != std::string::npos);
  CHECK(manifest.find("#   demand.growth = " + runs[42][growth] + "\n") != std::string::npos);
}

TEST_CASE("calibrate --posterior and mc --posterior: errors name file, line and key", "[e2e][posterior]") {
  TempDir dir("posterior_errors");
  const std::string no_sd = GAPSIM_SOURCE_DIR "/scenarios/data/calibration_targets.csv";
  const auto missing = test::gapsim_output(
      {"calibrate", k_baseline, "--targets", no_sd, "--posterior", "-o", (dir.path / "p").string()});
  CHECK(missing.status == 1);
  CHECK(missing.error.find(no_sd + ":2: sd: a posterior needs the observation error of every target") !=
        std::string::npos);
  CHECK(!fs::exists(dir.path / "p"));

  const auto bad_chains = test::gapsim_output({"calibrate", k_baseline, "--targets", k_targets, "--posterior",
                                               "--chains", "5", "-o", (dir.path / "p").string()});
  CHECK(bad_chains.status == 2);
  CHECK(bad_chains.error.find("--chains 5: give an even number from 4 to 10000, or 0") != std::string::npos);
  CHECK(test::gapsim_output({"calibrate", k_baseline, "--targets", k_targets}).status == 2);

  const fs::path other = dir.path / "other.csv";
  test::write_text(other, "draw,walker,iteration,programme.riss.intake,log_prior,log_likelihood\n0,0,0,5,0,0\n");
  const auto wrong = test::gapsim_output(
      {"mc", k_baseline, "--runs", "10", "--posterior", other.string(), "-o", (dir.path / "mc").string()});
  CHECK(wrong.status == 1);
  CHECK(wrong.error.find(other.string() +
                         ":1: programme.riss.intake: not an uncertain input of baseline: this posterior was drawn for "
                         "another scenario, or the declaration was dropped") != std::string::npos);

  const fs::path outside = dir.path / "outside.csv";
  test::write_text(outside, "draw,walker,iteration,hiring.delay,log_prior,log_likelihood\n0,0,0,3,0,0\n1,1,0,9,0,0\n");
  const auto far = test::gapsim_output(
      {"mc", k_baseline, "--runs", "10", "--posterior", outside.string(), "-o", (dir.path / "mc").string()});
  CHECK(far.status == 1);
  CHECK(far.error.find(outside.string() + ":3: hiring.delay: 9 lies outside its prior normal(3.11, 0.5, 1.5, 6)") !=
        std::string::npos);
  CHECK(!fs::exists(dir.path / "mc" / "baseline"));
}

}  // namespace
}  // namespace gapsim
