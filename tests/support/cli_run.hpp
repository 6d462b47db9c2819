// Running the command-line program inside tests, and comparing its CSV outputs.
#pragma once

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

// app_main with "gapsim" and `args`; returns the exit code.
int gapsim(std::vector<std::string> args);

// Runs the built gapsim program (GAPSIM_BINARY) as a separate process with `args`, its standard
// output discarded and its standard error passed through; returns its exit status, or -1 when
// it could not be started or did not exit normally.
int gapsim_process(const std::vector<std::string>& args);

// The paths of the regular files under `root`, relative to it, sorted.
std::vector<std::filesystem::path> files_under(const std::filesystem::path& root);

// The whole file, or "<missing>".
std::string slurp(const std::filesystem::path& path);

// Rows of cells split at commas (no quoting: gapsim writes none); a trailing comma is an empty cell.
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

// Same header, same shape, every number within test::k_golden, other cells equal.
void check_csv_matches(const std::filesystem::path& actual_path, const std::filesystem::path& golden_path);

}  // namespace gapsim::test
