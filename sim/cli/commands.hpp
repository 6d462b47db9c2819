// The subcommands. Each takes the arguments after its name and returns an exit code.
#pragma once

#include <string>
#include <vector>

namespace gapsim {

int run_command(const std::vector<std::string>& args);
int keys_command(const std::vector<std::string>& args);
int fit_command(const std::vector<std::string>& args);
int backtest_command(const std::vector<std::string>& args);
int calibrate_command(const std::vector<std::string>& args);
int mc_command(const std::vector<std::string>& args);
int merge_command(const std::vector<std::string>& args);
int optimize_command(const std::vector<std::string>& args);
int sweep_command(const std::vector<std::string>& args);
int sensitivity_command(const std::vector<std::string>& args);
int export_command(const std::vector<std::string>& args);
int plot_command(const std::vector<std::string>& args);

}  // namespace gapsim
