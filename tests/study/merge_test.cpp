// Shard merging through merge_study: shards in any order give the whole study's files byte
// for byte; a missing, repeated or foreign shard is refused with a message naming it.
#include "study/merge.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>

#include "io/input_error.hpp"
#include "io/sha256.hpp"
#include "study/monte_carlo_study.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

const std::string k_baseline = GAPSIM_SOURCE_DIR "/scenarios/baseline.ini";

// The output of `shard` of a 101-run Latin-hypercube study of `scenario` with seed `seed`.
StudyOutput study_shard(const UncertainScenario& scenario, std::uint64_t seed, const Shard& shard, int threads) {
  StudyPlan plan;
  plan.runs = 101;
  plan.seed = seed;
  plan.sampler = SamplerKind::lhs;
  plan.threads = threads;
  plan.series = {Column::shortage};
  std::tie(plan.first, plan.last) = shard_range(plan.runs, shard.index, shard.count);
  return run_monte_carlo(scenario, plan, shard, read_disk_file, {});
}

// "s1", "s2", ...: built by appending ("s" + std::to_string trips GCC 12's false -Wrestrict).
std::string shard_dir(int k) {
  std::string dir = "s";
  dir += std::to_string(k);
  return dir;
}

// (file name, contents) of every file write_study_output writes for `output`.
std::vector<std::pair<std::string, std::string>> study_output_files(const StudyOutput& output) {
  std::vector<std::pair<std::string, std::string>> files = derived_study_files(output.state);
  files.emplace_back("runs.csv", output.runs_csv);
  files.emplace_back("manifest", output.manifest);
  if (output.series_long_csv) {
    files.emplace_back("series_long.csv", *output.series_long_csv);
  }
  return files;
}

void store(test::MemoryFiles& files, const std::string& dir, const StudyOutput& output) {
  for (const auto& [name, contents] : study_output_files(output)) {
    files.files[dir + "/" + name] = contents;
  }
}

std::string merge_error(const test::MemoryFiles& files, const std::vector<std::string>& dirs) {
  try {
    merge_study("baseline", dirs, files.reader());
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("merge: three shards in any order give the whole study's files, byte for byte", "[study][merge]") {
  // Given shards 1/3, 2/3 and 3/3 (on 1, 2 and 1 threads), every order should merge to the
  // files of the study run whole, study_state included.
  const UncertainScenario scenario(k_baseline, read_disk_file);
  const StudyOutput whole = study_shard(scenario, 3, {1, 1}, 2);
  test::MemoryFiles files;
  for (const int k : {1, 2, 3}) {
    store(files, shard_dir(k), study_shard(scenario, 3, {k, 3}, k == 2 ? 2 : 1));
  }
  std::vector<std::string> dirs = {"s1", "s2", "s3"};
  do {
    INFO(dirs[0] << " " << dirs[1] << " " << dirs[2]);
    const StudyOutput merged = merge_study("baseline", dirs, files.reader());
    CHECK(study_state_text(merged.state) == study_state_text(whole.state));
    CHECK(study_output_files(merged) == study_output_files(whole));
  } while (std::next_permutation(dirs.begin(), dirs.end()));

  // A shard holds its slice: runs 33 to 66 of 0..100, and says so in its manifest.
  CHECK(files.files["s2/manifest"].ends_with("# shard 2/3: runs 33 to 66\n"));
  CHECK(files.files["s2/runs.csv"].find("\n33,") != std::string::npos);
  CHECK(files.files["s2/runs.csv"].find("\n67,") == std::string::npos);
}

TEST_CASE("merge: a missing, repeated or foreign shard is refused", "[study][merge]") {
  const UncertainScenario scenario(k_baseline, read_disk_file);
  test::MemoryFiles files;
  for (const int k : {1, 2, 3}) {
    store(files, shard_dir(k), study_shard(scenario, 3, {k, 3}, 1));
  }
  store(files, "other", study_shard(scenario, 4, {3, 3}, 1));  // another seed

  CHECK(merge_error(files, {"s1", "s2"}) == "baseline: shard 3/3 is missing");
  CHECK(merge_error(files, {"s2", "s1", "s1", "s3"}) == "s1/study_state:0: shard 1 is given twice (also s1)");
  CHECK(merge_error(files, {"s1", "s2", "other"}) ==
        "other/study_state:0: not a shard of the same study as s1 (scenario, inputs, runs, seed, sampler or series "
        "differ)");
  CHECK(merge_error(files, {"s1", "s2", "nowhere"}) == "nowhere/study_state:0: cannot read it");
  files.files["s3/study_state"] = "gapsim study state 3\nruns 101\nshard 3/x\n";
  CHECK(merge_error(files, {"s1", "s2", "s3"}) ==
        "s3/study_state:3: no checksum line at the end (the file is cut short)");
}

// The text of `state` after `change`, with its own checksum recomputed: a change a careless
// tool could make consistently.
std::string resealed(const std::string& text, const std::function<void(StudyState&)>& change) {
  StudyState state = parse_study_state(text, "state");
  change(state);
  return study_state_text(state);
}

TEST_CASE("merge: a shard whose files changed since it was written is refused", "[study][merge]") {
  // Given three shards of one study, a change to any file a shard's state describes should
  // stop the merge with a message naming the shard directory and the file.
  const UncertainScenario scenario(k_baseline, read_disk_file);
  test::MemoryFiles files;
  for (const int k : {1, 2, 3}) {
    store(files, shard_dir(k), study_shard(scenario, 3, {k, 3}, 1));
  }
  const test::MemoryFiles untouched = files;
  const std::vector<std::string> dirs = {"s1", "s2", "s3"};
  const std::string changed =
      " does not match the SHA-256 that s2/study_state records for it (the file changed "
      "after the study was written)";

  SECTION("an edited bin count in study_state (it changed the merged p5 before)") {
    std::string& state = files.files["s2/study_state"];
    const std::size_t sketch = state.find("\nsketch ") + 8;
    const std::size_t count_end = state.find(' ', sketch);
    state.replace(sketch, count_end - sketch, std::to_string(std::stoll(state.substr(sketch)) + 1));
    const auto lines = std::count(state.begin(), state.end(), '\n');
    CHECK(merge_error(files, dirs) == "s2/study_state:" + std::to_string(lines) +
                                          ": the checksum does not match the lines above it (the file changed)");
  }
  SECTION("a tampered checksum line") {
    std::string& state = files.files["s2/study_state"];
    const std::size_t digest = state.find("sha256 runs.csv ") + 16;
    state[digest] = state[digest] == '0' ? '1' : '0';
    const auto lines = std::count(state.begin(), state.end(), '\n');
    CHECK(merge_error(files, dirs) == "s2/study_state:" + std::to_string(lines) +
                                          ": the checksum does not match the lines above it (the file changed)");
  }
  SECTION("runs.csv cut short (the merged table had fewer rows before)") {
    std::string& runs = files.files["s2/runs.csv"];
    runs.resize(runs.size() / 2);
    CHECK(merge_error(files, dirs) == "s2/runs.csv:0:" + changed);
  }
  SECTION("runs.csv cut short at a row, with a state rewritten to match it") {
    std::string& runs = files.files["s2/runs.csv"];
    runs.resize(runs.rfind('\n', runs.size() / 2) + 1);
    const auto rows = std::count(runs.begin(), runs.end(), '\n') - 1;
    files.files["s2/study_state"] =
        resealed(files.files["s2/study_state"], [&](StudyState& state) { state.runs_csv_sha256 = sha256_hex(runs); });
    CHECK(merge_error(files, dirs) ==
          "s2/runs.csv:0: " + std::to_string(rows) + " rows, not the 34 runs 33 to 66 of its shard");
  }
  SECTION("a changed series_long.csv") {
    std::string& series = files.files["s2/series_long.csv"];
    series[series.size() - 2] = series[series.size() - 2] == '1' ? '2' : '1';
    CHECK(merge_error(files, dirs) == "s2/series_long.csv:0:" + changed);
  }
  SECTION("a missing series_long.csv") {
    files.files.erase("s2/series_long.csv");
    CHECK(merge_error(files, dirs) == "s2/series_long.csv:0: is missing, but s2/study_state records its SHA-256");
  }
  SECTION("a shard relabelled as another, its checksum recomputed") {
    files.files["s2/study_state"] = resealed(files.files["s1/study_state"], [](StudyState& state) { state.shard = 2; });
    files.files["s2/runs.csv"] = files.files["s1/runs.csv"];
    files.files["s2/series_long.csv"] = files.files["s1/series_long.csv"];
    CHECK(merge_error(files, dirs) == "s2/study_state:0: its bands hold 33 runs, not the 34 of shard 2/3");
  }
  SECTION("untouched shards still merge") { CHECK(merge_error(files, dirs).empty()); }
  CHECK(merge_error(untouched, dirs).empty());
}

}  // namespace
}  // namespace gapsim
