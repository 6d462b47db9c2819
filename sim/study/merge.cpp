// Shard merging: check the shards are one study, then join their states and tables.
#include "study/merge.hpp"

#include <filesystem>
#include <iterator>

#include "io/input_error.hpp"
#include "io/output_name.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;

// What a merge needs of one shard directory.
struct ShardFiles {
  std::string dir;
  StudyState state;
  std::string manifest;  // without the shard line
  std::string runs_header;
  std::string runs_body;
  std::optional<std::string> series_long;
};

std::string read_or_fail(const ReadFile& read, const std::string& path) {
  const auto text = read(path);
  if (!text) {
    throw InputError(path + ":0: cannot read it");
  }
  return *text;
}

// Everything after the header line of a CSV.
std::string_view body(const std::string& csv) { return std::string_view(csv).substr(csv.find('\n') + 1); }

ShardFiles read_shard(const std::string& dir, const ReadFile& read) {
  ShardFiles files;
  files.dir = dir;
  files.state = parse_study_state(read_or_fail(read, dir + "/study_state"), dir + "/study_state");
  files.manifest = read_or_fail(read, dir + "/manifest");
  const std::size_t shard_line = files.manifest.rfind("# shard ");
  if (shard_line != std::string::npos) {
    files.manifest.resize(shard_line);
  }
  const std::string runs = read_or_fail(read, dir + "/runs.csv");
  const std::size_t header_end = runs.find('\n') + 1;
  files.runs_header = runs.substr(0, header_end);
  files.runs_body = runs.substr(header_end);
  files.series_long = read(dir + "/series_long.csv");
  return files;
}

bool same_study(const ShardFiles& a, const ShardFiles& b) {
  return a.manifest == b.manifest && a.state.runs == b.state.runs && a.state.shards == b.state.shards &&
         a.runs_header == b.runs_header && a.series_long.has_value() == b.series_long.has_value();
}

}  // namespace

std::map<std::string, std::vector<std::string>> find_shard_directories(const std::vector<std::string>& dirs) {
  std::map<std::string, std::vector<std::string>> scenarios;
  for (const std::string& dir : dirs) {
    if (!fs::is_directory(dir)) {
      throw InputError(dir + ":0: not a directory");
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
      // A name no scenario can have is not a study: e.g. the staging directory a killed
      // `mc` left (".NAME.staging.PID").
      if (!output_name_problem(entry.path().filename().string()) && fs::exists(entry.path() / "study_state")) {
        scenarios[entry.path().filename().string()].push_back(entry.path().string());
      }
    }
  }
  if (scenarios.empty()) {
    throw InputError("no study outputs (DIR/<scenario>/study_state) in the directories given");
  }
  return scenarios;
}

StudyOutput merge_study(const std::string& name, const std::vector<std::string>& dirs, const ReadFile& read) {
  std::map<int, ShardFiles> shards;  // by shard index
  for (const std::string& dir : dirs) {
    ShardFiles files = read_shard(dir, read);
    const std::string where = dir + "/study_state";
    if (!shards.empty() && !same_study(files, shards.begin()->second)) {
      throw InputError(where + ":0: not a shard of the same study as " + shards.begin()->second.dir +
                       " (scenario, inputs, runs, seed, sampler or series differ)");
    }
    const int index = files.state.shard;
    if (!shards.emplace(index, std::move(files)).second) {
      throw InputError(where + ":0: shard " + std::to_string(index) + " is given twice (also " + shards.at(index).dir +
                       ")");
    }
  }
  const int count = shards.begin()->second.state.shards;
  for (int k = 1; k <= count; ++k) {
    if (!shards.contains(k)) {
      throw InputError(name + ": shard " + std::to_string(k) + "/" + std::to_string(count) + " is missing");
    }
  }

  const ShardFiles& first = shards.begin()->second;
  StudyOutput merged;
  merged.state = {first.state.runs, 1, 1, first.state.report, first.state.bands};
  merged.manifest = first.manifest;
  merged.runs_csv = first.runs_header + first.runs_body;
  merged.series_long_csv = first.series_long;
  for (auto it = std::next(shards.begin()); it != shards.end(); ++it) {
    const ShardFiles& shard = it->second;
    if (!(shard.state.bands.reference() == merged.state.bands.reference()).all()) {
      throw InputError(shard.dir + "/study_state:0: its scenario runs differently from " + first.dir);
    }
    merged.state.bands.merge(shard.state.bands);
    merged.runs_csv += shard.runs_body;
    if (merged.series_long_csv) {
      *merged.series_long_csv += body(*shard.series_long);
    }
  }
  if (static_cast<std::int64_t>(merged.state.bands.runs()) != merged.state.runs) {
    throw InputError(name + ": the shards hold " + std::to_string(merged.state.bands.runs()) + " runs, not " +
                     std::to_string(merged.state.runs));
  }
  return merged;
}

}  // namespace gapsim
