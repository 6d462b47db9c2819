// `gapsim run` end to end: golden outputs of the shipped scenarios, byte-identical reruns,
// failures that leave earlier results alone.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.hpp"
#include "io/scenario_loader.hpp"
#include "support/approx.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / ("gapsim_test_" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

int gapsim(std::vector<std::string> args) {
  args.insert(args.begin(), "gapsim");
  std::vector<const char*> argv;
  for (const std::string& arg : args) {
    argv.push_back(arg.c_str());
  }
  return app_main(static_cast<int>(argv.size()), argv.data());
}

std::string slurp(const fs::path& path) { return read_disk_file(path.string()).value_or("<missing>"); }

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, ',')) {
      cells.push_back(cell);
    }
    if (!line.empty() && line.back() == ',') {
      cells.emplace_back();
    }
    rows.push_back(cells);
  }
  return rows;
}

// Same header, same shape, every number within the golden tolerance, other cells equal.
void check_csv_matches(const fs::path& actual_path, const fs::path& golden_path) {
  INFO("comparing " << actual_path << " with " << golden_path);
  const auto actual = parse_csv(slurp(actual_path));
  const auto golden = parse_csv(slurp(golden_path));
  REQUIRE(actual.size() == golden.size());
  REQUIRE(!golden.empty());
  CHECK(actual[0] == golden[0]);
  for (std::size_t row = 1; row < golden.size(); ++row) {
    REQUIRE(actual[row].size() == golden[row].size());
    for (std::size_t c = 0; c < golden[row].size(); ++c) {
      INFO("row " << row << " column " << golden[0][c]);
      char* end = nullptr;
      const double expected = std::strtod(golden[row][c].c_str(), &end);
      if (golden[row][c].empty() || *end != '\0') {
        CHECK(actual[row][c] == golden[row][c]);
      } else {
        CHECK(test::close(std::stod(actual[row][c]), expected, test::k_golden));
      }
    }
  }
}

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

TEST_CASE("run: the same inputs give identical bytes", "[e2e][determinism]") {
  TempDir a("det_a");
  TempDir b("det_b");
  REQUIRE(gapsim({"run", k_scenarios.string(), "-o", a.path.string()}) == 0);
  REQUIRE(gapsim({"run", k_scenarios.string(), "-o", b.path.string()}) == 0);
  for (const auto& entry : fs::recursive_directory_iterator(a.path)) {
    if (entry.is_regular_file()) {
      const fs::path other = b.path / fs::relative(entry.path(), a.path);
      INFO(entry.path());
      CHECK(slurp(entry.path()) == slurp(other));
    }
  }
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
  CHECK(manifest.find("delay = 3  # ") != std::string::npos);
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
  REQUIRE(gapsim({"run", (k_scenarios / "baseline.ini").string(), (k_scenarios / "no_action.ini").string(),
                  "-o", out.path.string(), "--reference", "no_action"}) == 0);
  const auto rows = parse_csv(slurp(out.path / "summary.csv"));
  REQUIRE(rows.size() == 3);
  const auto column = [&](const std::string& name) {
    return std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin();
  };
  const auto shortage = column("shortage_2020");
  const auto diff = column("diff_shortage_2020");
  CHECK(std::stod(rows[2][diff]) == 0.0);
  CHECK(test::close(std::stod(rows[1][diff]), std::stod(rows[1][shortage]) - std::stod(rows[2][shortage]),
                    1e-12));
  CHECK(gapsim({"run", (k_scenarios / "baseline.ini").string(), "-o", out.path.string(), "--reference",
                "nosuch"}) == k_exit_failure);
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
