// `gapsim run` end to end: golden outputs of the shipped scenarios, identical bytes from separate
// processes (for `gapsim mc` also on 1 and 2 threads), failures that leave earlier results alone.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.hpp"
#include "io/scenario_loader.hpp"
#include "support/approx.hpp"
#include "support/cli_run.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::check_csv_matches;
using test::gapsim;
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
      CHECK(fs::exists(out.path / name / "manifest"));
      ++scenarios;
    }
  }
  CHECK(scenarios == 7);
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
  CHECK(test::files_under(a.path).size() == 1 + 2 * 7);  // summary.csv, timeseries.csv and manifest
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
  CHECK(test::files_under(a.path).size() == 5 * 7);  // bands, probabilities, runs, study_state, manifest
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
  CHECK(manifest.find("delay = 3.085598798796461  # ") != std::string::npos);
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

TEST_CASE("cli: help, version and usage errors", "[cli]") {
  CHECK(gapsim({"--version"}) == k_exit_success);
  CHECK(gapsim({"--help"}) == k_exit_success);
  CHECK(gapsim({"run", "--help"}) == k_exit_success);
  CHECK(gapsim({}) == k_exit_usage);
  CHECK(gapsim({"frobnicate"}) == k_exit_usage);
  CHECK(gapsim({"run"}) == k_exit_usage);
  CHECK(gapsim({"run", "--bogus"}) == k_exit_usage);
}

}  // namespace
}  // namespace gapsim
