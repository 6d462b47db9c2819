// `gapsim run` end to end: golden outputs of the shipped scenarios, identical bytes from separate
// processes (for `gapsim mc` also on 1 and 2 threads), failures that leave earlier results alone.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.hpp"
#include "io/scenario_loader.hpp"
#include "io/varied_key.hpp"
#include "support/approx.hpp"
#include "support/cli_run.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::check_csv_matches;
using test::gapsim;
using test::gapsim_output;
using test::parse_csv;
using test::slurp;
using test::TempDir;

const fs::path k_scenarios = fs::path(GAPSIM_SOURCE_DIR) / "scenarios";
const fs::path k_golden = fs::path(GAPSIM_SOURCE_DIR) / "tests" / "golden";

TEST_CASE("run: shipped scenarios match the golden files", "[e2e][golden]") {
  // Regenerate after an intended model change with: gapsim run scenarios -o tests/golden
  TempDir out("golden");
  REQUIRE(gapsim({"run", k_scenarios.string(), "-o", out.path.string()}) == 0);
  check_csv_matches(out.path / "summary.csv", k_golden / "summary.csv");
  int scenarios = 0;
  for (const auto& entry : fs::directory_iterator(k_scenarios)) {
    if (entry.path().extension() == ".ini") {
      const std::string name = entry.path().stem().string();
      check_csv_matches(out.path / name / "timeseries.csv", k_golden / name / "timeseries.csv");
      check_csv_matches(out.path / name / "programmes.csv", k_golden / name / "programmes.csv");
      CHECK(fs::exists(out.path / name / "manifest"));
      ++scenarios;
    }
  }
  CHECK(scenarios == 8);
}

// Every file under `a` is under `b` with the same bytes, and `b` has no other files.
void check_same_bytes(const fs::path& a, const fs::path& b) {
  const std::vector<fs::path> files = test::files_under(a);
  CHECK(files == test::files_under(b));
  for (const fs::path& file : files) {
    INFO(file);
    CHECK(slurp(a / file) == slurp(b / file));
  }
}

TEST_CASE("run: two processes write identical bytes", "[e2e][determinism]") {
  // Given the shipped scenarios run by two separate gapsim processes, every output file should
  // be the same byte for byte.
  TempDir a("det_run_a");
  TempDir b("det_run_b");
  REQUIRE(test::gapsim_process({"run", k_scenarios.string(), "-o", a.path.string()}) == 0);
  REQUIRE(test::gapsim_process({"run", k_scenarios.string(), "-o", b.path.string()}) == 0);
  CHECK(test::files_under(a.path).size() == 1 + 3 * 8);  // summary.csv; timeseries, programmes, manifest
  check_same_bytes(a.path, b.path);
}

TEST_CASE("mc: one thread and two threads in separate processes write identical bytes", "[e2e][determinism]") {
  // Given a 500-run study of every shipped scenario by one process on 1 thread and another on
  // 2 threads, every output file should be the same byte for byte: results depend on the seed
  // only.
  TempDir a("det_mc_t1");
  TempDir b("det_mc_t2");
  const auto mc = [](const std::string& threads, const fs::path& out) {
    return test::gapsim_process(
        {"mc", k_scenarios.string(), "--runs", "500", "--threads", threads, "--quiet", "-o", out.string()});
  };
  REQUIRE(mc("1", a.path) == 0);
  REQUIRE(mc("2", b.path) == 0);
  // bands, probabilities, first_years, runs, study_state, manifest
  CHECK(test::files_under(a.path).size() == 6 * 8);  // 8 scenarios
  check_same_bytes(a.path, b.path);
}

TEST_CASE("run: the manifest records version, input hashes and resolved values", "[e2e][manifest]") {
  TempDir out("manifest");
  const fs::path scenario = k_scenarios / "olympics_2021.ini";
  REQUIRE(gapsim({"run", scenario.string(), "-o", out.path.string()}) == 0);
  const std::string manifest = slurp(out.path / "olympics_2021" / "manifest");
  CHECK(manifest.find("# program gapsim " GAPSIM_VERSION "\n") != std::string::npos);
  CHECK(manifest.find("baseline.ini\n") != std::string::npos);
  CHECK(manifest.find("nicter_darknet_2005_2015.csv\n") != std::string::npos);
  CHECK(manifest.find("# sha256 ") != std::string::npos);
  CHECK(manifest.find("[event.tokyo_games]\n") != std::string::npos);
  CHECK(manifest.find("start = 2021-07-23  # ") != std::string::npos);
  const RawScenario baseline = load_scenario((k_scenarios / "baseline.ini").string(), read_disk_file);
  CHECK(manifest.find("\ndelay = " + value_text(baseline, "hiring.delay") + "  # ") != std::string::npos);
  CHECK(manifest.find("max_age = 70  # default\n") != std::string::npos);
}

TEST_CASE("run: a failing scenario writes nothing and does not stop the others", "[e2e][errors]") {
  TempDir dir("failing");
  const fs::path good = dir.path / "good.ini";
  const fs::path bad = dir.path / "bad.ini";
  std::ofstream(good) << "[workforce]\nqualified = 100\nunderskilled = 100\n[demand]\nbase_shortage = 10\n"
                         "[attack]\nbase = 1\n";
  std::ofstream(bad) << "[workforce]\nqualified = -1\n";
  const fs::path out = dir.path / "out";
  fs::create_directories(out / "bad");
  std::ofstream(out / "bad" / "timeseries.csv") << "earlier result\n";
  CHECK(gapsim({"run", good.string(), bad.string(), "-o", out.string()}) == k_exit_failure);
  CHECK(fs::exists(out / "good" / "timeseries.csv"));
  CHECK(slurp(out / "bad" / "timeseries.csv") == "earlier result\n");
  CHECK(!fs::exists(out / "bad" / "manifest"));
  const std::string summary = slurp(out / "summary.csv");
  CHECK(summary.find("\ngood,") != std::string::npos);
  CHECK(summary.find("\nbad,") == std::string::npos);
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    CHECK(entry.path().string().find(".tmp.") == std::string::npos);  // no temporaries left
  }
}

TEST_CASE("run: summary differences against the chosen reference", "[e2e][summary]") {
  TempDir out("reference");
  REQUIRE(gapsim({"run", (k_scenarios / "baseline.ini").string(), (k_scenarios / "no_action.ini").string(), "-o",
                  out.path.string(), "--reference", "no_action"}) == 0);
  const auto rows = parse_csv(slurp(out.path / "summary.csv"));
  REQUIRE(rows.size() == 3);
  const auto column = [&](const std::string& name) {
    return std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin();
  };
  const auto shortage = column("shortage_2020");
  const auto diff = column("diff_shortage_2020");
  CHECK(std::stod(rows[2][diff]) == 0.0);
  CHECK(test::close(std::stod(rows[1][diff]), std::stod(rows[1][shortage]) - std::stod(rows[2][shortage]), 1e-12));
  CHECK(gapsim({"run", (k_scenarios / "baseline.ini").string(), "-o", out.path.string(), "--reference", "nosuch"}) ==
        k_exit_failure);
}

// The lines of `csv` after the header, each without its first cell (the scenario name).
std::vector<std::string> rows_without_name(const std::string& csv) {
  std::vector<std::string> rows;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    rows.push_back(line.substr(line.find(',')));
  }
  return rows;
}

TEST_CASE("run: annual and monthly reports of a scenario give the same summary", "[e2e][summary]") {
  // Given a copy of the baseline (12 steps a year) that reports monthly, its summary.csv line
  // is byte for byte the baseline's but for the name: levels come from 1 January and the end
  // of the run, flows are summed step by step over calendar years.
  TempDir dir("report_step");
  const fs::path monthly = dir.path / "monthly.ini";
  std::ofstream(monthly) << "extends = " << (k_scenarios / "baseline.ini").string() << "\n[time]\nreport = monthly\n";
  const fs::path out = dir.path / "out";
  REQUIRE(gapsim({"run", (k_scenarios / "baseline.ini").string(), monthly.string(), "--years", "2013,2020,2026,2031",
                  "-o", out.string()}) == 0);
  const std::vector<std::string> rows = rows_without_name(slurp(out / "summary.csv"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == rows[1]);
  CHECK(parse_csv(slurp(out / "monthly" / "timeseries.csv")).size() == 1 + 18 * 12);
}

TEST_CASE("run: --columns writes the named columns in the order given", "[e2e][columns]") {
  TempDir out("columns");
  const std::string baseline = (k_scenarios / "baseline.ini").string();
  REQUIRE(gapsim({"run", baseline, "-o", (out.path / "all").string()}) == 0);
  REQUIRE(gapsim({"run", baseline, "--columns", "hires,shortage,cost_training", "-o", (out.path / "some").string()}) ==
          0);
  const auto all = parse_csv(slurp(out.path / "all" / "baseline" / "timeseries.csv"));
  const auto some = parse_csv(slurp(out.path / "some" / "baseline" / "timeseries.csv"));
  REQUIRE(some.size() == all.size());
  CHECK(some[0] == std::vector<std::string>{"year", "hires", "shortage", "cost_training"});
  const auto column = [&](const std::string& name) {
    return std::find(all[0].begin(), all[0].end(), name) - all[0].begin();
  };
  for (std::size_t row = 1; row < all.size(); ++row) {
    CHECK(some[row] == std::vector<std::string>{all[row][0], all[row][column("hires")], all[row][column("shortage")],
                                                all[row][column("cost_training")]});
  }
  const auto unknown = test::gapsim_output({"run", baseline, "--columns", "hires,shortag", "-o", out.path.string()});
  CHECK(unknown.status == k_exit_usage);
  CHECK(unknown.error.find("--columns: unknown variable 'shortag' (did you mean 'shortage'?)") != std::string::npos);
}

TEST_CASE("run: --set overrides a key for the run and the manifest records it", "[e2e][set]") {
  // Given the baseline run with --set and a file that extends it setting the same keys, both
  // write the same time series, and the manifest says which values came from --set.
  TempDir dir("set");
  const std::string baseline = (k_scenarios / "baseline.ini").string();
  const fs::path file = dir.path / "file" / "baseline.ini";
  fs::create_directories(file.parent_path());
  std::ofstream(file) << "extends = " << baseline << "\n[hiring]\ndelay = 1.5\n[time]\nreport = monthly\n";
  const fs::path out = dir.path / "out";
  REQUIRE(gapsim({"run", baseline, "--set", "hiring.delay=1.5", "--set", "time.report = monthly", "-o",
                  (out / "set").string()}) == 0);
  REQUIRE(gapsim({"run", file.string(), "-o", (out / "file").string()}) == 0);
  REQUIRE(gapsim({"run", baseline, "-o", (out / "plain").string()}) == 0);
  const std::string series = slurp(out / "set" / "baseline" / "timeseries.csv");
  CHECK(series == slurp(out / "file" / "baseline" / "timeseries.csv"));
  CHECK(series.starts_with("year,month,"));
  CHECK(slurp(out / "set" / "summary.csv") == slurp(out / "file" / "summary.csv"));
  CHECK(slurp(out / "set" / "summary.csv") != slurp(out / "plain" / "summary.csv"));
  const std::string manifest = slurp(out / "set" / "baseline" / "manifest");
  CHECK(manifest.find("delay = 1.5  # --set\n") != std::string::npos);
  CHECK(manifest.find("report = monthly  # --set\n") != std::string::npos);
  CHECK(manifest.find("# --set hiring.delay=1.5\n") != std::string::npos);

  const auto unknown = test::gapsim_output({"run", baseline, "--set", "hiring.dealy=2", "-o", out.string()});
  CHECK(unknown.status == k_exit_failure);
  CHECK(unknown.error.find("--set hiring.dealy: unknown key (did you mean 'hiring.delay'?)") != std::string::npos);
  const auto bad = test::gapsim_output({"run", baseline, "--set", "hiring.delay=-1", "-o", out.string()});
  CHECK(bad.status == k_exit_failure);
  CHECK(bad.error.find("--set hiring.delay: ") != std::string::npos);
  const auto section = test::gapsim_output({"run", baseline, "--set", "programme.nosuch.intake=5", "-o", out.string()});
  CHECK(section.error.find("--set programme.nosuch.intake: the scenario has no section [programme.nosuch]") !=
        std::string::npos);
  CHECK(test::gapsim_output({"run", baseline, "--set", "hiring.delay", "-o", out.string()}).status == k_exit_usage);
}

TEST_CASE("run: --years names the summary's years", "[e2e][years]") {
  TempDir out("years");
  REQUIRE(gapsim({"run", (k_scenarios / "baseline.ini").string(), "--years", "2016,2031", "-o", out.path.string()}) ==
          0);
  const auto rows = parse_csv(slurp(out.path / "summary.csv"));
  REQUIRE(rows.size() == 2);
  const auto cell = [&](const std::string& name) {
    const auto at = std::find(rows[0].begin(), rows[0].end(), name);
    REQUIRE(at != rows[0].end());
    return rows[1][static_cast<std::size_t>(at - rows[0].begin())];
  };
  // 1 January 2016 is a row of the time series; 2031 is the end of the run, with no flows.
  const auto series = parse_csv(slurp(out.path / "baseline" / "timeseries.csv"));
  const auto shortage = std::find(series[0].begin(), series[0].end(), "shortage") - series[0].begin();
  CHECK(cell("shortage_2016") == series[1 + 2016 - 2013][static_cast<std::size_t>(shortage)]);
  CHECK(cell("shortage_2031") == cell("shortage_end"));
  CHECK(cell("hires_2031").empty());
  CHECK(std::find(rows[0].begin(), rows[0].end(), "shortage_2020") == rows[0].end());
  CHECK(test::gapsim_output(
            {"run", (k_scenarios / "baseline.ini").string(), "--years", "2020,20x0", "-o", out.path.string()})
            .status == k_exit_usage);
}

TEST_CASE("cli: help, version and usage errors", "[cli]") {
  CHECK(gapsim({"--version"}) == k_exit_success);
  CHECK(gapsim({"--help"}) == k_exit_success);
  CHECK(gapsim({"run", "--help"}) == k_exit_success);
  CHECK(gapsim({}) == k_exit_usage);
  CHECK(gapsim({"frobnicate"}) == k_exit_usage);
  CHECK(gapsim({"run"}) == k_exit_usage);
  CHECK(gapsim({"run", "--bogus"}) == k_exit_usage);
}

TEST_CASE("run: a demand beyond the IT workforce is a warning naming the year", "[e2e][run]") {
  // Given an IT workforce of 500,000 that the baseline's demand passes in some year, the run
  // still writes its files and warns once, naming the first year.
  TempDir out("demand_over_it");
  const fs::path scenario = out.path / "small_it.ini";
  std::ofstream(scenario) << "extends = " << (k_scenarios / "baseline.ini").string()
                          << "\n[hiring]\npool = 500000\n[uncertain]\nhiring.pool@2030 = none\n";
  const test::CommandOutput result = gapsim_output({"run", scenario.string(), "-o", out.path.string()});
  CHECK(result.status == 0);
  CHECK(result.error.starts_with(
      "warning: small_it: domestic security demand exceeds the IT workforce (hiring.pool) from "));
  const auto rows = parse_csv(slurp(out.path / "small_it" / "timeseries.csv"));
  const auto domestic = std::find(rows[0].begin(), rows[0].end(), "domestic_demand") - rows[0].begin();
  int first_year = 0;
  for (std::size_t r = 1; r < rows.size() && first_year == 0; ++r) {
    if (std::stod(rows[r][domestic]) > 500000.0) {
      first_year = std::stoi(rows[r][0]);
    }
  }
  REQUIRE(first_year > 2013);
  // Annual rows show 1 January: the monthly step that passes lies in the year before, or is
  // the first step of that year.
  const int named = std::stoi(result.error.substr(result.error.find(" from ") + 6));
  CHECK((named == first_year - 1 || named == first_year));
  CHECK(gapsim_output({"run", (k_scenarios / "baseline.ini").string(), "-o", out.path.string()}).error.empty());
}

}  // namespace
}  // namespace gapsim
