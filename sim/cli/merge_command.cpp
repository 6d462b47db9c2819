// `gapsim merge`: joins the shard directories of a Monte Carlo study into the files the
// whole study writes on one machine, byte for byte.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/plot_options.hpp"
#include "cli/study_options.hpp"
#include "study/merge.hpp"

namespace gapsim {
namespace {

constexpr const char* k_usage =
    "usage: gapsim merge DIR... -o OUT\n"
    "Each DIR is the output of 'gapsim mc --shard K/N'. For every scenario found, the N\n"
    "shards are checked to be slices of one study and merged into OUT/<scenario>/: the same\n"
    "files, with the same bytes, as the study run whole, then its figures and OUT/report.html\n"
    "(--no-plots: none).";

}  // namespace

int merge_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("options");
  options.add_options()("output,o", po::value<std::string>(), "output directory (required)");
  add_plot_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "dir");
  if (!vm) {
    return k_exit_success;
  }
  const auto dirs = option_values(*vm, "dir", k_usage, 1);
  const std::string out_dir = required_option(*vm, "output", k_usage);
  for (const auto& [name, shard_dirs] : find_shard_directories(dirs)) {
    const StudyOutput merged = merge_study(name, shard_dirs, read_disk_file_any_size);
    const std::string dir = output_path(out_dir, name);
    write_study_output(dir, merged);
    std::cout << name << ": " << dir << " (" << shard_dirs.size() << " shards, " << merged.state.runs << " runs)\n";
  }
  return plot_after_command(*vm, out_dir, "", "");
}

}  // namespace gapsim
