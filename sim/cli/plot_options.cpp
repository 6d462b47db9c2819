// Plotting after a command.
#include "cli/plot_options.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/options.hpp"
#include "cli/usage_error.hpp"
#include "plot/gnuplot_runner.hpp"
#include "plot/plot_directory.hpp"

namespace gapsim {

namespace po = boost::program_options;

void add_plot_options(po::options_description& options) {
  options.add_options()("plots", "render the figures; a missing gnuplot is then an error")(
      "no-plots", "write no figures and no report.html")("format", po::value<std::string>()->default_value("svg,png"),
                                                         "figure formats: svg, png or both");
}

int plot_after_command(const po::variables_map& vm, const std::string& dir, const std::string& reference,
                       const std::string& subtitle, bool required) {
  if (vm.count("no-plots")) {
    if (vm.count("plots")) {
      throw UsageError("--plots and --no-plots contradict each other");
    }
    return 0;
  }
  PlotRequest request;
  request.formats = {false, false};
  for (const std::string& format : comma_items(vm["format"].as<std::string>())) {
    if (format == "svg") {
      request.formats.svg = true;
    } else if (format == "png") {
      request.formats.png = true;
    } else {
      throw UsageError("--format: '" + format + "' is not svg or png");
    }
  }
  const char* path = std::getenv("PATH");
  request.gnuplot = find_gnuplot(path ? path : "");
  request.parallel = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  request.reference = reference;
  request.subtitle = subtitle;
  const PlotOutcome outcome = plot_output_directory(dir, request);
  int status = 0;
  required = required || vm.count("plots") > 0;
  if (!request.gnuplot) {
    std::cerr << (required ? "error" : "note") << ": figures not rendered: gnuplot is not on the PATH "
              << "(Debian package " << k_gnuplot_package << "); the CSVs, the figure scripts and " << outcome.report
              << " are written\n";
    status = required ? 1 : 0;
  }
  for (const std::string& failure : outcome.failures) {
    std::cerr << "error: " << failure << "\n";
    status = 1;
  }
  std::cout << "report: " << outcome.report << " (" << outcome.figures << " figures)\n";
  return status;
}

}  // namespace gapsim
