// mc --reference end to end: paired scenarios share their sampled inputs run by run (common
// random numbers); the differences and the probability of a lower shortage are those of the
// runs tables; a scenario against itself differs by nothing; replays and shards agree.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "support/cli_run.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::gapsim;
using test::parse_csv;
using test::slurp;
using test::TempDir;

const std::string k_scenarios = GAPSIM_SOURCE_DIR "/scenarios/";
const std::string k_baseline = k_scenarios + "baseline.ini";
const std::string k_outsourcing = k_scenarios + "outsourcing_push.ini";

std::size_t column_of(const std::vector<std::string>& header, const std::string& name) {
  const auto it = std::find(header.begin(), header.end(), name);
  REQUIRE(it != header.end());
  return static_cast<std::size_t>(it - header.begin());
}

// The values of column `name` of a runs table, run by run.
std::vector<double> runs_column(const fs::path& runs_csv, const std::string& name) {
  const auto rows = parse_csv(slurp(runs_csv));
  const std::size_t column = column_of(rows[0], name);
  std::vector<double> values;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    values.push_back(std::stod(rows[r][column]));
  }
  return values;
}

// The cells of the row of `csv` whose first two cells are `year` and `variable`, by column name.
std::map<std::string, double> band_row(const fs::path& csv, const std::string& year, const std::string& variable) {
  const auto rows = parse_csv(slurp(csv));
  std::map<std::string, double> cells;
  for (const auto& row : rows) {
    if (row[0] == year && row[1] == variable) {
      for (std::size_t c = 2; c < row.size(); ++c) {
        cells[rows[0][c]] = std::stod(row[c]);
      }
    }
  }
  return cells;
}

TEST_CASE("mc --reference: a scenario against itself differs by nothing", "[e2e][paired]") {
  // Given a scenario that only extends the baseline, paired with it over 200 runs, every
  // difference should be exactly 0, every shortage equal, and both studies' bands the
  // baseline's own study's, byte for byte.
  TempDir dir("paired_self");
  std::ofstream(dir.path / "same.ini") << "extends = " << k_baseline << "\n";
  const std::string same = (dir.path / "same.ini").string();
  REQUIRE(gapsim({"mc", k_baseline, same, "--reference", "baseline", "--runs", "200", "--seed", "4", "--quiet", "-o",
                  (dir.path / "paired").string()}) == 0);
  REQUIRE(gapsim({"mc", k_baseline, "--runs", "200", "--seed", "4", "--quiet", "-o", (dir.path / "alone").string()}) ==
          0);
  const auto differences = parse_csv(slurp(dir.path / "paired" / "same" / "diff_bands.csv"));
  REQUIRE(differences.size() == 1 + 18 * 28);
  for (std::size_t r = 1; r < differences.size(); ++r) {
    INFO(differences[r][0] << " " << differences[r][1]);
    CHECK(std::all_of(differences[r].begin() + 2, differences[r].end(), [](const std::string& c) { return c == "0"; }));
  }
  const auto shares = parse_csv(slurp(dir.path / "paired" / "same" / "diff_probabilities.csv"));
  REQUIRE(shares.size() == 1 + 18);
  for (std::size_t r = 1; r < shares.size(); ++r) {
    CHECK(std::vector<std::string>(shares[r].begin() + 1, shares[r].end()) ==
          std::vector<std::string>{"200", "0", "0", "200", "1", "0", "0"});
  }
  CHECK(slurp(dir.path / "paired" / "same" / "bands.csv") == slurp(dir.path / "alone" / "baseline" / "bands.csv"));
  CHECK(slurp(dir.path / "paired" / "baseline" / "bands.csv") == slurp(dir.path / "alone" / "baseline" / "bands.csv"));
  CHECK(!fs::exists(dir.path / "paired" / "baseline" / "diff_bands.csv"));  // the reference has none
}

TEST_CASE("mc --reference: shared inputs take the same values and the differences are the runs'", "[e2e][paired]") {
  // Given the outsourcing push (which replaces the 2030 share with an uncertain adoption
  // ceiling) paired with the baseline over 300 runs, run i of both should take the same
  // value of every key both declare; diff_bands.csv should hold the bands of the per-run
  // differences of the runs tables and diff_probabilities.csv the count of runs whose
  // shortage is lower.
  TempDir dir("paired_runs");
  REQUIRE(gapsim({"mc", k_outsourcing, k_baseline, "--reference", "baseline", "--runs", "300", "--seed", "6", "--quiet",
                  "-o", dir.path.string()}) == 0);
  const fs::path a = dir.path / "baseline" / "runs.csv";
  const fs::path b = dir.path / "outsourcing_push" / "runs.csv";
  for (const std::string key : {"hiring.delay", "demand.growth", "hiring.pool@2030", "attack.path"}) {
    INFO(key);
    CHECK(runs_column(a, key) == runs_column(b, key));
  }
  CHECK(runs_column(a, "outsourcing.share@2030") != runs_column(b, "outsourcing.ceiling"));

  for (const std::string year : {"2020", "2030"}) {
    INFO(year);
    const std::vector<double> base = runs_column(a, "shortage_" + year);
    const std::vector<double> push = runs_column(b, "shortage_" + year);
    std::vector<double> difference;
    long double sum = 0;
    int lower = 0;
    for (std::size_t i = 0; i < base.size(); ++i) {
      difference.push_back(push[i] - base[i]);
      sum += difference.back();
      lower += push[i] < base[i] ? 1 : 0;
    }
    std::sort(difference.begin(), difference.end());
    const auto band = band_row(dir.path / "outsourcing_push" / "diff_bands.csv", year, "shortage");
    CHECK_THAT(band.at("mean"), Catch::Matchers::WithinRel(static_cast<double>(sum / 300), 1e-12));
    for (const auto& [name, q] : std::map<std::string, double>{{"p5", 0.05}, {"p50", 0.5}, {"p95", 0.95}}) {
      const double exact = difference[static_cast<std::size_t>(std::ceil(q * 300)) - 1];
      INFO(name << " " << band.at(name) << " vs " << exact);
      CHECK(std::abs(band.at(name) - exact) <= std::ldexp(std::abs(exact), -11));
    }
    CHECK(band.at("p95") < 0);  // the push lowers the shortage in nearly every run
    const auto shares = parse_csv(slurp(dir.path / "outsourcing_push" / "diff_probabilities.csv"));
    const auto row = std::find_if(shares.begin(), shares.end(), [&](const auto& r) { return r[0] == year; });
    REQUIRE(row != shares.end());
    CHECK((*row)[2] == std::to_string(lower));
  }
  CHECK(slurp(dir.path / "outsourcing_push" / "manifest")
            .find("# paired study of outsourcing_push baseline on common random numbers (one shared design); "
                  "reference baseline;") != std::string::npos);
}

TEST_CASE("mc --reference: replays and merged shards give the paired study's numbers", "[e2e][paired]") {
  TempDir dir("paired_parts");
  const auto study = [&](std::vector<std::string> extra, const fs::path& out) {
    std::vector<std::string> args = {"mc", k_baseline, k_outsourcing, "--reference", "baseline", "--runs",
                                     "90", "--seed",   "3",           "--quiet",     "-o",       out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return gapsim(args);
  };
  REQUIRE(study({}, dir.path / "whole") == 0);
  REQUIRE(study({"--shard", "1/2"}, dir.path / "s1") == 0);
  REQUIRE(study({"--shard", "2/2"}, dir.path / "s2") == 0);
  REQUIRE(gapsim({"merge", (dir.path / "s2").string(), (dir.path / "s1").string(), "-o",
                  (dir.path / "merged").string()}) == 0);
  for (const std::string file : {"bands.csv", "diff_bands.csv", "diff_probabilities.csv", "probabilities.csv",
                                 "first_years.csv", "runs.csv", "study_state", "manifest"}) {
    INFO(file);
    CHECK(slurp(dir.path / "merged" / "outsourcing_push" / file) ==
          slurp(dir.path / "whole" / "outsourcing_push" / file));
  }
  REQUIRE(study({"--replay", "41"}, dir.path / "replay") == 0);
  const auto series = parse_csv(slurp(dir.path / "replay" / "outsourcing_push_run41" / "timeseries.csv"));
  const auto row = std::find_if(series.begin(), series.end(), [](const auto& r) { return r[0] == "2030"; });
  REQUIRE(row != series.end());
  CHECK(std::stod((*row)[column_of(series[0], "shortage")]) ==
        runs_column(dir.path / "whole" / "outsourcing_push" / "runs.csv", "shortage_2030")[41]);
}

TEST_CASE("mc --reference: an unknown reference and a scenario that cannot be paired", "[e2e][paired]") {
  TempDir dir("paired_errors");
  const test::CommandOutput unknown = test::gapsim_output(
      {"mc", k_baseline, k_outsourcing, "--reference", "base", "--runs", "10", "--quiet", "-o", dir.path.string()});
  CHECK(unknown.status == 1);
  CHECK(unknown.error.find("--reference base: no scenario of that name was loaded") != std::string::npos);
  const test::CommandOutput monthly =
      test::gapsim_output({"mc", k_baseline, k_scenarios + "olympics_2021.ini", k_outsourcing, "--reference",
                           "baseline", "--runs", "10", "--quiet", "-o", dir.path.string()});
  CHECK(monthly.status == 1);
  CHECK(monthly.error.find(k_scenarios +
                           "olympics_2021.ini:0: cannot be paired with the reference baseline: its report times "
                           "differ from the reference's (the same years and report step are needed)") !=
        std::string::npos);
  CHECK(fs::exists(dir.path / "outsourcing_push" / "diff_bands.csv"));  // the others went ahead
  CHECK(!fs::exists(dir.path / "olympics_2021"));
}

}  // namespace
}  // namespace gapsim
