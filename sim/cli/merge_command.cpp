// `gapsim merge`: joins the shard directories of a Monte Carlo study into the files the
// whole study writes on one machine, byte for byte.
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "io/atomic_file.hpp"
#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"
#include "study/study_files.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim merge DIR... -o OUT\n"
    "Each DIR is the output of 'gapsim mc --shard K/N'. For every scenario found, the N\n"
    "shards are checked to be slices of one study and merged into OUT/<scenario>/: the same\n"
    "files, with the same bytes, as the study run whole.";

struct ShardFiles {
  std::string dir;
  StudyState state;
  std::string manifest;  // without the shard line
  std::string runs_header;
  std::string runs_body;
  std::optional<std::string> series;
};

std::string read_or_fail(const std::string& path) {
  const auto text = read_disk_file(path);
  if (!text) {
    throw InputError(path + ":0: cannot read it");
  }
  return *text;
}

ShardFiles read_shard(const std::string& dir) {
  ShardFiles files;
  files.dir = dir;
  files.state = parse_study_state(read_or_fail(dir + "/study_state"), dir + "/study_state");
  files.manifest = read_or_fail(dir + "/manifest");
  const std::size_t shard_line = files.manifest.rfind("# shard ");
  if (shard_line != std::string::npos) {
    files.manifest.resize(shard_line);
  }
  const std::string runs = read_or_fail(dir + "/runs.csv");
  const std::size_t header_end = runs.find('\n') + 1;
  files.runs_header = runs.substr(0, header_end);
  files.runs_body = runs.substr(header_end);
  if (fs::exists(dir + "/series_long.csv")) {
    files.series = read_or_fail(dir + "/series_long.csv");
  }
  return files;
}

// Body of a CSV (everything after its header line).
std::string_view body(const std::string& csv) { return std::string_view(csv).substr(csv.find('\n') + 1); }

void merge_scenario(const std::string& name, const std::vector<std::string>& dirs, const std::string& out_dir) {
  std::map<int, ShardFiles> shards;  // by shard index
  for (const std::string& dir : dirs) {
    ShardFiles files = read_shard(dir);
    const ShardFiles* first = shards.empty() ? nullptr : &shards.begin()->second;
    const std::string where = dir + "/study_state";
    if (first != nullptr && (files.manifest != first->manifest || files.state.runs != first->state.runs ||
                             files.state.shards != first->state.shards || files.runs_header != first->runs_header ||
                             files.series.has_value() != first->series.has_value())) {
      throw InputError(where + ":0: not a shard of the same study as " + first->dir +
                       " (scenario, inputs, runs, seed, sampler or series differ)");
    }
    const int index = files.state.shard;
    if (!shards.emplace(index, std::move(files)).second) {
      throw InputError(where + ":0: shard " + std::to_string(index) + " is given twice (also " +
                       shards.at(index).dir + ")");
    }
  }
  const int count = shards.begin()->second.state.shards;
  for (int k = 1; k <= count; ++k) {
    if (!shards.contains(k)) {
      throw InputError(name + ": shard " + std::to_string(k) + "/" + std::to_string(count) + " is missing");
    }
  }

  const ShardFiles& first = shards.begin()->second;
  StudyState merged{first.state.runs, 1, 1, first.state.monthly, first.state.bands};
  std::string runs = first.runs_header + first.runs_body;
  std::string series = first.series ? *first.series : "";
  for (auto it = std::next(shards.begin()); it != shards.end(); ++it) {
    if (!(it->second.state.bands.reference() == merged.bands.reference()).all()) {
      throw InputError(it->second.dir + "/study_state:0: its scenario runs differently from " + first.dir);
    }
    merged.bands.merge(it->second.state.bands);
    runs += it->second.runs_body;
    if (first.series) {
      series += body(*it->second.series);
    }
  }
  if (static_cast<std::int64_t>(merged.bands.runs()) != merged.runs) {
    throw InputError(name + ": the shards hold " + std::to_string(merged.bands.runs()) + " runs, not " +
                     std::to_string(merged.runs));
  }
  const std::string dir = (fs::path(out_dir) / name).string();
  write_file_atomically(dir + "/bands.csv", bands_csv(merged.bands, merged.monthly));
  write_file_atomically(dir + "/probabilities.csv", probabilities_csv(merged.bands, merged.monthly));
  write_file_atomically(dir + "/runs.csv", runs);
  if (first.series) {
    write_file_atomically(dir + "/series_long.csv", series);
  }
  write_file_atomically(dir + "/study_state", study_state_text(merged));
  write_file_atomically(dir + "/manifest", first.manifest);
  std::cout << name << ": " << dir << " (" << count << " shards, " << merged.runs << " runs)\n";
}

}  // namespace

int merge_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("output,o", po::value<std::string>(), "output directory (required)");
  const auto vm = parse_command_line(args, k_usage, options, "dir");
  if (!vm) {
    return k_exit_success;
  }
  if (!vm->count("dir") || !vm->count("output")) {
    std::cerr << k_usage << "\n";
    return k_exit_usage;
  }
  // Scenario name -> its directory in each shard output, in the order given.
  std::map<std::string, std::vector<std::string>> scenarios;
  for (const std::string& dir : (*vm)["dir"].as<std::vector<std::string>>()) {
    if (!fs::is_directory(dir)) {
      throw InputError(dir + ":0: not a directory");
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
      if (fs::exists(entry.path() / "study_state")) {
        scenarios[entry.path().filename().string()].push_back(entry.path().string());
      }
    }
  }
  if (scenarios.empty()) {
    throw InputError("no study outputs (DIR/<scenario>/study_state) in the directories given");
  }
  const std::string out_dir = (*vm)["output"].as<std::string>();
  for (const auto& [name, dirs] : scenarios) {
    merge_scenario(name, dirs, out_dir);
  }
  return k_exit_success;
}

}  // namespace gapsim
