// `gapsim sweep`: run a scenario at every point of a grid of key values into one tidy CSV.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/plot_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/study_options.hpp"
#include "cli/usage_error.hpp"
#include "io/atomic_file.hpp"
#include "io/manifest.hpp"
#include "study/scenario_variants.hpp"
#include "study/sweep.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim sweep SCENARIO --set KEY=FROM:TO:STEP [--set ...] [--series VAR,...]\n"
    "                    [--threads T] [--quiet] [-o DIR]\n"
    "Runs SCENARIO at every combination of the values given (KEY may be KEY@YEAR for one\n"
    "point of a schedule) and writes DIR/<scenario>/sweep.csv: one column per swept key, then\n"
    "year, variable, value (every variable, or those of --series), a manifest, and (unless\n"
    "--no-plots) DIR/<scenario>/report.html with one line per value for one key, or a heat\n"
    "map over the first two keys.\n"
    "The grid holds at most 1,000,000 points.";

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("set", po::value<std::vector<std::string>>(), "KEY=FROM:TO:STEP (repeatable)")(
      "series", po::value<std::string>(), "variables to write (default: all)");
  options.add_options()("output,o", po::value<std::string>()->default_value("output"), "output directory");
  add_study_options(options);
  add_plot_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const std::string path = option_values(*vm, "scenario", k_usage, 1, 1).front();
  const auto set_texts = option_values(*vm, "set", k_usage, 1);
  std::vector<SweepAxis> axes = sweep_axes(set_texts);
  const SweepOptions sweep{
      vm->count("series") ? variable_list((*vm)["series"].as<std::string>(), "--series") : std::vector<Column>{},
      thread_count(*vm)};

  const RawScenario raw = load_scenario(path, read_disk_file);
  ScenarioVariants variants(raw, read_disk_file);
  const auto grid = SweepGrid::make(std::move(axes), raw, variants.base());
  if (!grid) {
    throw UsageError("--set " + grid.error());
  }
  variants.vary(grid->keys());
  const SweepResult result = [&] {
    ProgressBar bar(raw.name, grid->points(), quiet_option(*vm));
    return run_sweep(variants, *grid, sweep, bar.callback());
  }();

  std::string manifest = "# gapsim sweep\n";
  for (const std::string& text : set_texts) {
    manifest += "# --set " + text + "\n";
  }
  const std::string dir = output_path((*vm)["output"].as<std::string>(), raw.name);
  const std::string table = sweep_csv(*grid, result);
  manifest += manifest_text(raw, variants.base(), read_disk_file);
  write_directory_atomically(dir, {{"sweep.csv", table}, {"manifest", manifest}});
  std::cout << raw.name << ": " << dir << "/sweep.csv (" << grid->points() << " runs)\n";
  return plot_after_command(*vm, dir, "", "");
}

}  // namespace gapsim
