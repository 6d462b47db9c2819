// Running gnuplot processes with posix_spawn.
#include "plot/gnuplot_runner.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

extern char** environ;

namespace gapsim {
namespace {

namespace fs = std::filesystem;

// Where a job's stderr goes while gnuplot runs; read and removed when it ends. Absolute: the
// spawn opens it after changing into the job's directory, where a relative one would not exist.
std::string stderr_path(const GnuplotJob& job) {
  return fs::absolute(fs::path(job.dir) / ("." + job.script + ".stderr")).string();
}

// The last non-empty line of a file, or "".
std::string last_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::string last;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      last = line;
    }
  }
  return last;
}

}  // namespace

std::optional<std::string> find_gnuplot(const std::string& path) {
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / "gnuplot";
    if (::access(candidate.c_str(), X_OK) == 0 && fs::is_regular_file(candidate)) {
      return candidate.string();
    }
  }
  return std::nullopt;
}

std::vector<std::string> run_gnuplot(const std::string& gnuplot, std::span<const GnuplotJob> jobs, int parallel) {
  std::vector<std::string> failures;
  std::map<pid_t, std::size_t> running;  // pid -> job
  const auto finish_one = [&] {
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, 0);
    const auto it = running.find(pid);
    if (it == running.end()) {
      return;
    }
    const GnuplotJob& job = jobs[it->second];
    const std::string log = stderr_path(job);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      const std::string why = last_line(log);
      failures.push_back((fs::path(job.dir) / job.script).string() + ": gnuplot " +
                         (why.empty() ? "ended with status " + std::to_string(WEXITSTATUS(status)) : why));
    }
    fs::remove(log);
    running.erase(it);
  };
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    while (static_cast<int>(running.size()) >= parallel) {
      finish_one();
    }
    const GnuplotJob& job = jobs[i];
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addchdir_np(&actions, job.dir.c_str());
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path(job).c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    std::string program = gnuplot;
    std::string script = job.script;
    char* argv[] = {program.data(), script.data(), nullptr};
    pid_t pid = 0;
    const int error = ::posix_spawn(&pid, gnuplot.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0) {
      failures.push_back((fs::path(job.dir) / job.script).string() + ": cannot start " + gnuplot + " in " + job.dir +
                         ": " + std::strerror(error));
      continue;
    }
    running.emplace(pid, i);
  }
  while (!running.empty()) {
    finish_one();
  }
  return failures;
}

}  // namespace gapsim
