// The gapsim command line: `gapsim COMMAND ...`, dispatched through a table of commands.
#pragma once

namespace gapsim {

// Named exit codes.
enum ExitCode : int { k_exit_success = 0, k_exit_failure = 1, k_exit_usage = 2 };

// Runs the command line; returns the process exit code. Prints to stdout/stderr.
int app_main(int argc, const char* const* argv);

}  // namespace gapsim
