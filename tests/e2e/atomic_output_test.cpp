// Commands write only inside -o, put each output directory in place whole (after a full disk
// or a kill it holds the old set or the new one), and never hide a scenario's error.
#include <signal.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "support/cli_run.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::entries_under;
using test::gapsim;
using test::gapsim_output;
using test::gapsim_process;
using test::gapsim_process_limited;
using test::OverLimit;
using test::slurp;
using test::TempDir;
using test::write_text;

const std::string k_scenarios = GAPSIM_SOURCE_DIR "/scenarios";
const std::string k_baseline = k_scenarios + "/baseline.ini";

// File name -> contents of every entry of `dir` (all regular files).
std::map<std::string, std::string> contents(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    files[entry.path().filename().string()] = slurp(entry.path());
  }
  return files;
}

TEST_CASE("run and mc refuse scenario names that would leave -o", "[e2e][output]") {
  // Given scenario files named '...ini' (stem '..') and other unusable names, should refuse
  // each, naming the file, and write nothing anywhere.
  TempDir temp("refused_names");
  const fs::path sc = temp.path / "sc";
  const std::string base = "extends = " + k_baseline + "\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"...ini", "the name '..' starts with '.'"},
      {".hidden.ini", "the name '.hidden' starts with '.'"},
      {"-o.ini", "the name '-o' starts with '-'"},
      {"a\x01"
       "b.ini",
       "the name 'a\\x01b' contains a control character"},
      {std::string(101, 'n') + ".ini", "the name is 101 characters long (at most 100)"},
  };
  for (const auto& [file, why] : cases) {
    write_text(sc / file, base);
  }
  for (const std::string command : {"run", "mc"}) {
    for (const auto& [file, why] : cases) {
      INFO(command << " " << file);
      const fs::path out = temp.path / "dd" / "out";
      std::vector<std::string> args{command, (sc / file).string(), "-o", out.string()};
      if (command == "mc") {
        args.insert(args.end(), {"--runs", "5", "--quiet"});
      }
      const auto result = gapsim_output(args);
      CHECK(result.status == 1);
      CHECK(result.error == "gapsim " + command + ": 1 failed:\n" + (sc / file).string() +
                                ":0: cannot name an output directory after this file: " + why + "\n");
      CHECK_FALSE(fs::exists(temp.path / "dd"));
    }
  }
}

TEST_CASE("mc rerun on a full disk leaves the previous study whole", "[e2e][output]") {
  // Given a study with seed 1 and a rerun with seed 2 whose runs.csv does not fit (a file
  // size limit of bands.csv's size fails the write with EFBIG, as a full disk does), should
  // exit 1 naming the file and leave the seed-1 files byte for byte, with no temporaries.
  TempDir temp("mc_full_disk");
  const auto study = [&](const std::string& seed, const fs::path& out) {
    return std::vector<std::string>{"mc", k_baseline, "--runs", "200", "--seed", seed, "--quiet", "-o", out.string()};
  };
  REQUIRE(gapsim(study("2", temp.path / "sizes")) == 0);
  const auto limit = fs::file_size(temp.path / "sizes" / "baseline" / "bands.csv");
  REQUIRE(fs::file_size(temp.path / "sizes" / "baseline" / "runs.csv") > limit);

  const fs::path out = temp.path / "out";
  REQUIRE(gapsim(study("1", out)) == 0);
  const auto before = contents(out / "baseline");
  const auto end = gapsim_process_limited(study("2", out), limit, OverLimit::fail_write);
  CHECK(end.exit_status == 1);
  CHECK(entries_under(out) == std::vector<std::string>{"baseline", "baseline/bands.csv", "baseline/first_years.csv",
                                                       "baseline/manifest", "baseline/probabilities.csv",
                                                       "baseline/runs.csv", "baseline/study_state"});
  CHECK(contents(out / "baseline") == before);
}

TEST_CASE("mc killed while writing leaves the previous study whole, and the next run cleans up", "[e2e][output]") {
  // Given a study with seed 1 and a rerun with seed 2 killed (SIGXFSZ) in the middle of
  // writing its files, should leave the seed-1 files byte for byte; a rerun should then put
  // the whole seed-2 study in place and remove the killed run's staging directory.
  TempDir temp("mc_killed");
  const auto study = [&](const std::string& seed, const fs::path& out) {
    return std::vector<std::string>{"mc", k_baseline, "--runs", "200", "--seed", seed, "--quiet", "-o", out.string()};
  };
  REQUIRE(gapsim(study("2", temp.path / "fresh")) == 0);
  const auto fresh = contents(temp.path / "fresh" / "baseline");
  const auto limit = fs::file_size(temp.path / "fresh" / "baseline" / "bands.csv");

  const fs::path out = temp.path / "out";
  REQUIRE(gapsim(study("1", out)) == 0);
  const auto before = contents(out / "baseline");
  const auto end = gapsim_process_limited(study("2", out), limit, OverLimit::kill);
  CHECK(end.signal == SIGXFSZ);
  CHECK(contents(out / "baseline") == before);

  REQUIRE(gapsim_process(study("2", out)) == 0);
  CHECK(entries_under(out) == std::vector<std::string>{"baseline", "baseline/bands.csv", "baseline/first_years.csv",
                                                       "baseline/manifest", "baseline/probabilities.csv",
                                                       "baseline/runs.csv", "baseline/study_state"});
  auto now = contents(out / "baseline");
  CHECK(now.at("bands.csv") == fresh.at("bands.csv"));
  CHECK(now.at("runs.csv") == fresh.at("runs.csv"));
  CHECK(now.at("study_state") == fresh.at("study_state"));
}

TEST_CASE("run killed between timeseries.csv and manifest leaves the previous pair", "[e2e][output]") {
  // Given a scenario run once, then changed and rerun with a kill (SIGXFSZ) while writing
  // its manifest (larger than its time series), should keep the first run's two files.
  TempDir temp("run_killed");
  const fs::path scenario = temp.path / "s.ini";
  const std::string first = "extends = " + k_scenarios + "/meti2016.ini\n[time]\nend_year = 2018\n";
  const std::string second = first + "[hiring]\ndelay = 2.5\n";
  write_text(scenario, second);
  REQUIRE(gapsim({"run", scenario.string(), "-o", (temp.path / "sizes").string()}) == 0);
  const auto limit = fs::file_size(temp.path / "sizes" / "s" / "timeseries.csv");
  REQUIRE(fs::file_size(temp.path / "sizes" / "s" / "manifest") > limit);

  write_text(scenario, first);
  const fs::path out = temp.path / "out";
  REQUIRE(gapsim({"run", scenario.string(), "-o", out.string()}) == 0);
  const auto before = contents(out / "s");
  write_text(scenario, second);
  const auto end = gapsim_process_limited({"run", scenario.string(), "-o", out.string()}, limit, OverLimit::kill);
  CHECK(end.signal == SIGXFSZ);
  CHECK(contents(out / "s") == before);
}

TEST_CASE("run prints a scenario's error when summary.csv cannot be written", "[e2e][output]") {
  // Given one good and one failing scenario and a directory where summary.csv goes, should
  // print the failing scenario's error and the summary's, and exit 1.
  TempDir temp("summary_blocked");
  const fs::path bad = temp.path / "bad.ini";
  write_text(bad, "extends = missing.ini\n");
  const fs::path out = temp.path / "out";
  fs::create_directories(out / "summary.csv" / "in_the_way");
  const auto result = gapsim_output({"run", k_baseline, bad.string(), "-o", out.string()});
  CHECK(result.status == 1);
  CHECK(result.error == "gapsim run: 2 failed:\n" + bad.string() + ":1: extends: file '" +
                            (temp.path / "missing.ini").string() + "' not found\n" + (out / "summary.csv").string() +
                            ": cannot replace: Is a directory\n");
  CHECK(fs::exists(out / "baseline" / "timeseries.csv"));
}

}  // namespace
}  // namespace gapsim
