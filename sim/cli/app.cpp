// Top-level option handling and command dispatch; the one place that catches exceptions.
#include "cli/app.hpp"

#include <array>
#include <boost/program_options/errors.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/usage_error.hpp"

namespace gapsim {
namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*function)(const std::vector<std::string>& args);
};

constexpr std::array k_commands = {
    Command{"run", "run scenario files into CSV time series, a summary and manifests", run_command},
    Command{"fit", "fit attack-volume trends to a yearly series and project them", fit_command},
    Command{"backtest", "fit up to a year, project the rest and score the projection", backtest_command},
    Command{"calibrate", "fit scenario keys to target values, or draw their posterior (--posterior)",
            calibrate_command},
    Command{"mc", "Monte Carlo study of the [uncertain] inputs: bands, probabilities, runs", mc_command},
    Command{"merge", "join the shard outputs of 'mc --shard' into the whole study's files", merge_command},
    Command{"sweep", "run a scenario over a grid of key values into one tidy CSV", sweep_command},
    Command{"sensitivity", "tornado table and Sobol indices of an output metric", sensitivity_command},
    Command{"optimize", "levers that best meet an objective under chance constraints, or a Pareto front",
            optimize_command},
    Command{"export", "a scenario as a Vensim or XMILE model that other engines run to the same numbers",
            export_command},
    Command{"plot", "figures and report.html of output directories, again", plot_command},
    Command{"keys", "print every scenario key with unit, default and range (Markdown)", keys_command},
};

void print_usage(std::ostream& out) {
  out << "usage: gapsim [--help] [--version] COMMAND [ARGS...]\n\ncommands:\n";
  for (const Command& command : k_commands) {
    out << "  " << command.name << std::string(13 - std::string(command.name).size(), ' ') << command.summary << "\n";
  }
  out << "\n'gapsim COMMAND --help' describes a command.\n";
}

}  // namespace

int app_main(int argc, const char* const* argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_usage(std::cerr);
    return k_exit_usage;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    print_usage(std::cout);
    return k_exit_success;
  }
  if (args[0] == "--version") {
    std::cout << "gapsim " GAPSIM_VERSION "\n";
    return k_exit_success;
  }
  for (const Command& command : k_commands) {
    if (args[0] == command.name) {
      try {
        return command.function({args.begin() + 1, args.end()});
      } catch (const UsageError& error) {
        std::cerr << "gapsim " << command.name << ": " << error.what() << "\n";
        return k_exit_usage;
      } catch (const boost::program_options::error& error) {  // Boost's own parse errors, alike
        std::cerr << "gapsim " << command.name << ": " << error.what() << "\n";
        return k_exit_usage;
      } catch (const std::exception& error) {
        std::cerr << "gapsim " << command.name << ": error: " << error.what() << "\n";
        return k_exit_failure;
      }
    }
  }
  std::cerr << "gapsim: unknown command '" << args[0] << "'\n";
  print_usage(std::cerr);
  return k_exit_usage;
}

}  // namespace gapsim
