// Running the command-line program inside tests, and comparing its CSV outputs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gapsim::test {

// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name);
  ~TempDir();
};

// `args` with --no-plots added for the commands that draw figures (run, mc, merge, sensitivity,
// fit, backtest, calibrate, sweep, optimize) unless they
// choose (--plots, --no-plots, --format): figures have tests of their own, and rendering them
// in every test that runs a scenario would cost minutes. Every helper below applies it.
std::vector<std::string> with_plot_choice(std::vector<std::string> args);

// app_main with "gapsim" and `args`; returns the exit code.
int gapsim(std::vector<std::string> args);

// Runs the built gapsim program (GAPSIM_BINARY) as a separate process with `args`, its standard
// output discarded and its standard error passed through; returns its exit status, or -1 when
// it could not be started or did not exit normally.
int gapsim_process(const std::vector<std::string>& args);

// app_main like gapsim(), with what it prints to standard error returned (standard output
// is discarded).
struct CommandOutput {
  int status = 0;
  std::string error;
};
CommandOutput gapsim_output(const std::vector<std::string>& args);

// What a process ended with: an exit status, or the signal that killed it.
struct ProcessEnd {
  int exit_status = -1;  // -1 when killed
  int signal = 0;        // 0 when it exited
};

// What the program is to do on writing past its file size limit.
enum class OverLimit { fail_write, kill };

// Runs the built gapsim program like gapsim_process, with no file it writes allowed past
// `max_file_bytes` (RLIMIT_FSIZE): a write there fails with EFBIG, as on a full disk, or
// SIGXFSZ kills the program in the middle of writing its outputs.
ProcessEnd gapsim_process_limited(const std::vector<std::string>& args, std::uintmax_t max_file_bytes,
                                  OverLimit over_limit);

// Writes `text` to `path`, creating its parent directories.
void write_text(const std::filesystem::path& path, const std::string& text);

// Every entry under `root`, hidden ones and directories too, relative to it, sorted.
std::vector<std::string> entries_under(const std::filesystem::path& root);

// The paths of the regular files under `root`, relative to it, sorted.
std::vector<std::filesystem::path> files_under(const std::filesystem::path& root);

// The whole file, or "<missing>".
std::string slurp(const std::filesystem::path& path);

// Rows of cells split at commas, or at `separator` (no quoting: gapsim writes none); a trailing
// separator is an empty cell.
std::vector<std::vector<std::string>> parse_csv(const std::string& text, char separator = ',');

// Same header, same shape, every number within test::k_golden, other cells equal.
void check_csv_matches(const std::filesystem::path& actual_path, const std::filesystem::path& golden_path);

}  // namespace gapsim::test
