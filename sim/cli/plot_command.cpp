// `gapsim plot DIR...`: the figures and report.html of existing output directories again,
// after a CSV or a figure script was edited, or where gnuplot was missing before.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/plot_options.hpp"
#include "cli/scenario_paths.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim plot DIR... [--format svg,png] [--reference NAME]\n"
    "Writes the figure scripts of each output directory of gapsim (run, mc, merge, sensitivity,\n"
    "sweep, fit, backtest, calibrate) into\n"
    "figures/ beside the CSVs they read, renders them with gnuplot (SVG and PNG) and writes\n"
    "DIR/report.html. Edited CSVs are plotted as they are now; a script edited by hand is\n"
    "written anew (render it with 'gnuplot NAME.gp' in its directory instead).";

}  // namespace

int plot_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("reference", po::value<std::string>()->default_value("baseline"),
                        "a run's reference scenario, drawn apart (when the run has it)");
  add_plot_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "dir");
  if (!vm) {
    return k_exit_success;
  }
  int status = 0;
  const auto failures = for_each_scenario(option_values(*vm, "dir", k_usage, 1), [&](const std::string& dir) {
    status = std::max(status, plot_after_command(*vm, dir, (*vm)["reference"].as<std::string>(), "", true));
  });
  return std::max(status, report_failures("plot", failures));
}

}  // namespace gapsim
