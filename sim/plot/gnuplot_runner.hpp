// gnuplot as a separate process: found on PATH, run on a figure's script in the script's
// directory, a bounded number at a time.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace gapsim {

// The Debian package that provides gnuplot without X11, named in the message when it is missing.
inline constexpr const char* k_gnuplot_package = "gnuplot-nox";

// The first executable file named "gnuplot" in the directories of `path` (PATH's form,
// directories separated by ':'), or nullopt.
std::optional<std::string> find_gnuplot(const std::string& path);

struct GnuplotJob {
  std::string dir;     // where the script is and where gnuplot runs
  std::string script;  // the script's file name in `dir`
};

// Runs `gnuplot SCRIPT` in each job's directory, at most `parallel` processes at a time,
// and waits for all. Returns one message per job that failed: DIR/SCRIPT and the last line
// gnuplot wrote on stderr (or how it ended).
std::vector<std::string> run_gnuplot(const std::string& gnuplot, std::span<const GnuplotJob> jobs, int parallel);

}  // namespace gapsim
