// --plots, --no-plots and --format of the commands that write figures, and what they do once
// the command's CSVs are written.
#pragma once

#include <boost/program_options.hpp>
#include <string>

namespace gapsim {

void add_plot_options(boost::program_options::options_description& options);

// Unless --no-plots: the figures and report.html of the output directory `dir`
// (plot/plot_directory.hpp), rendered by the gnuplot on PATH. A missing gnuplot is one
// message naming its Debian package; the scripts and the report are still written. Returns
// the exit status the plotting adds: 0, or 1 when a render failed, or when gnuplot is missing
// and figures were asked for (--plots, or `required`: the plot command). Throws UsageError
// for a bad --format, and InputError when `dir` is no output directory.
int plot_after_command(const boost::program_options::variables_map& vm, const std::string& dir,
                       const std::string& reference, const std::string& subtitle, bool required = false);

}  // namespace gapsim
