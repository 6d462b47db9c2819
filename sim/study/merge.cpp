// Shard merging: check the shards are one study, then join their states and tables.
#include "study/merge.hpp"

#include <charconv>
#include <filesystem>
#include <iterator>

#include "io/input_error.hpp"
#include "io/output_name.hpp"
#include "io/sha256.hpp"

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

// Throws unless `text`, read from `path`, has the SHA-256 that `state_path` records for it.
void check_checksum(std::string_view text, const std::string& recorded, const std::string& path,
                    const std::string& state_path) {
  if (sha256_hex(text) != recorded) {
    throw InputError(path + ":0: does not match the SHA-256 that " + state_path +
                     " records for it (the file changed after the study was written)");
  }
}

// Throws unless the rows of `body` (runs.csv after its header) are runs first to last - 1 in
// order, one each.
void check_run_rows(std::string_view body, std::int64_t first, std::int64_t last, const std::string& path) {
  std::int64_t run = first;
  while (!body.empty()) {
    const std::size_t end = body.find('\n');
    const std::string_view row = body.substr(0, end);
    std::int64_t number = -1;
    const auto [stop, error] = std::from_chars(row.data(), row.data() + row.size(), number);
    if (error != std::errc() || stop == row.data() + row.size() || *stop != ',' || number != run || run >= last) {
      throw InputError(path + ":" + std::to_string(run - first + 2) + ": expected the row of run " +
                       std::to_string(run) + (run >= last ? " or nothing" : ""));
    }
    ++run;
    body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
  }
  if (run != last) {
    throw InputError(path + ":0: " + std::to_string(run - first) + " rows, not the " + std::to_string(last - first) +
                     " runs " + std::to_string(first) + " to " + std::to_string(last - 1) + " of its shard");
  }
}

// Reads and checks one shard directory: the state's own checksum and its counts, the
// checksums of its tables, and the runs table's rows against the shard's runs.
ShardFiles read_shard(const std::string& dir, const ReadFile& read) {
  ShardFiles files;
  files.dir = dir;
  const std::string state_path = dir + "/study_state";
  files.state = parse_study_state(read_or_fail(read, state_path), state_path);
  files.manifest = read_or_fail(read, dir + "/manifest");
  const std::size_t shard_line = files.manifest.rfind("# shard ");
  if (shard_line != std::string::npos) {
    files.manifest.resize(shard_line);
  }
  const std::string runs_path = dir + "/runs.csv";
  std::string runs = read_or_fail(read, runs_path);
  check_checksum(runs, files.state.runs_csv_sha256, runs_path, state_path);
  const std::string series_path = dir + "/series_long.csv";
  files.series_long = read(series_path);
  if (files.series_long.has_value() != files.state.series_long_csv_sha256.has_value()) {
    throw InputError(series_path + (files.series_long ? ":0: is not one of the files " : ":0: is missing, but ") +
                     state_path + (files.series_long ? " records" : " records its SHA-256"));
  }
  if (files.series_long) {
    check_checksum(*files.series_long, *files.state.series_long_csv_sha256, series_path, state_path);
  }

  const auto [first, last] = shard_range(files.state.runs, files.state.shard, files.state.shards);
  if (files.state.bands.runs() != static_cast<std::uint64_t>(last - first)) {
    throw InputError(state_path + ":0: its bands hold " + std::to_string(files.state.bands.runs()) + " runs, not the " +
                     std::to_string(last - first) + " of shard " + std::to_string(files.state.shard) + "/" +
                     std::to_string(files.state.shards));
  }
  const std::size_t header_end = runs.find('\n') + 1;
  files.runs_header = runs.substr(0, header_end);
  runs.erase(0, header_end);  // the body in place: a shard's runs table can be hundreds of MB
  files.runs_body = std::move(runs);
  check_run_rows(files.runs_body, first, last, runs_path);
  return files;
}

bool same_study(const ShardFiles& a, const ShardFiles& b) {
  return a.manifest == b.manifest && a.state.runs == b.state.runs && a.state.shards == b.state.shards &&
         a.state.report == b.state.report && a.runs_header == b.runs_header &&
         a.series_long.has_value() == b.series_long.has_value();
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
  merged.state = first.state;
  merged.state.shard = 1;
  merged.state.shards = 1;
  merged.manifest = first.manifest;
  merged.runs_csv = first.runs_header + first.runs_body;
  merged.series_long_csv = first.series_long;
  for (auto it = std::next(shards.begin()); it != shards.end(); ++it) {
    const ShardFiles& shard = it->second;
    if (shard.state.bands.rows() != merged.state.bands.rows() ||
        !(shard.state.bands.reference() == merged.state.bands.reference()).all()) {
      throw InputError(shard.dir + "/study_state:0: its scenario runs differently from " + first.dir);
    }
    const bool same_counts = shard.state.thresholds.thresholds() == merged.state.thresholds.thresholds() &&
                             shard.state.paired.has_value() == merged.state.paired.has_value() &&
                             (!shard.state.paired || shard.state.paired->reference == merged.state.paired->reference);
    if (!same_counts) {
      throw InputError(shard.dir + "/study_state:0: its thresholds or reference differ from " + first.dir);
    }
    merged.state.bands.merge(shard.state.bands);
    merged.state.thresholds.merge(shard.state.thresholds);
    if (merged.state.paired) {
      const PairedDifferences& other = shard.state.paired->differences;
      if (!(other.bands().reference() == merged.state.paired->differences.bands().reference()).all()) {
        throw InputError(shard.dir + "/study_state:0: its reference scenario runs differently from " + first.dir);
      }
      merged.state.paired->differences.merge(other);
    }
    merged.runs_csv += shard.runs_body;
    if (merged.series_long_csv) {
      *merged.series_long_csv += body(*shard.series_long);
    }
  }
  if (static_cast<std::int64_t>(merged.state.bands.runs()) != merged.state.runs) {
    throw InputError(name + ": the shards hold " + std::to_string(merged.state.bands.runs()) + " runs, not " +
                     std::to_string(merged.state.runs));
  }
  record_checksums(merged);
  return merged;
}

}  // namespace gapsim
