// Test helpers around the command-line program.
#include "support/cli_run.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/app.hpp"
#include "io/scenario_loader.hpp"
#include "support/approx.hpp"

namespace gapsim::test {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed at the end of the test.
TempDir::TempDir(const std::string& name) : path(fs::temp_directory_path() / ("gapsim_test_" + name)) {
  fs::remove_all(path);
  fs::create_directories(path);
}

TempDir::~TempDir() { fs::remove_all(path); }

std::vector<std::string> with_plot_choice(std::vector<std::string> args) {
  static const std::vector<std::string> drawing = {"run",      "mc",        "merge", "sensitivity", "fit",
                                                   "backtest", "calibrate", "sweep", "optimize"};
  const bool draws = !args.empty() && std::find(drawing.begin(), drawing.end(), args[0]) != drawing.end();
  const bool chosen = std::any_of(args.begin(), args.end(), [](const std::string& arg) {
    return arg == "--plots" || arg == "--no-plots" || arg.starts_with("--format");
  });
  if (draws && !chosen) {
    args.push_back("--no-plots");
  }
  return args;
}

int gapsim(std::vector<std::string> args) {
  args = with_plot_choice(std::move(args));
  args.insert(args.begin(), "gapsim");
  std::vector<const char*> argv;
  for (const std::string& arg : args) {
    argv.push_back(arg.c_str());
  }
  return app_main(static_cast<int>(argv.size()), argv.data());
}

namespace {

// The program's path and `args`, as execv and posix_spawn take them.
class ProgramArgs {
 public:
  explicit ProgramArgs(const std::vector<std::string>& args) : m_args{GAPSIM_BINARY} {
    const std::vector<std::string> chosen = with_plot_choice(args);
    m_args.insert(m_args.end(), chosen.begin(), chosen.end());
  }
  std::vector<char*> argv() {
    std::vector<char*> pointers;
    for (std::string& arg : m_args) {
      pointers.push_back(arg.data());
    }
    pointers.push_back(nullptr);
    return pointers;
  }

 private:
  std::vector<std::string> m_args;
};

}  // namespace

int gapsim_process(const std::vector<std::string>& args) {
  ProgramArgs program(args);
  const auto argv = program.argv();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, GAPSIM_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return -1;
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
    return -1;
  }
  return WEXITSTATUS(status);
}

CommandOutput gapsim_output(const std::vector<std::string>& args) {
  std::ostringstream error;
  std::ostringstream discarded;
  std::streambuf* const old_error = std::cerr.rdbuf(error.rdbuf());
  std::streambuf* const old_output = std::cout.rdbuf(discarded.rdbuf());
  CommandOutput result;
  try {
    result.status = gapsim(args);
  } catch (...) {
    std::cerr.rdbuf(old_error);
    std::cout.rdbuf(old_output);
    throw;
  }
  std::cerr.rdbuf(old_error);
  std::cout.rdbuf(old_output);
  result.error = error.str();
  return result;
}

ProcessEnd gapsim_process_limited(const std::vector<std::string>& args, std::uintmax_t max_file_bytes,
                                  OverLimit over_limit) {
  ProgramArgs program(args);
  const auto argv = program.argv();
  const pid_t pid = fork();
  if (pid == 0) {  // the child: only async-signal-safe calls until exec
    const rlimit limit{max_file_bytes, max_file_bytes};
    const rlimit no_core{0, 0};  // a SIGXFSZ kill would dump core
    const int null = open("/dev/null", O_WRONLY);
    if (null < 0 || dup2(null, 1) < 0 || setrlimit(RLIMIT_FSIZE, &limit) != 0 ||
        setrlimit(RLIMIT_CORE, &no_core) != 0 ||
        signal(SIGXFSZ, over_limit == OverLimit::kill ? SIG_DFL : SIG_IGN) == SIG_ERR) {
      _exit(127);
    }
    execv(GAPSIM_BINARY, argv.data());
    _exit(127);
  }
  ProcessEnd end;
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) {
    return end;
  }
  if (WIFEXITED(status)) {
    end.exit_status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    end.signal = WTERMSIG(status);
  }
  return end;
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> entries_under(const fs::path& root) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    names.push_back(fs::relative(entry.path(), root).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<fs::path> files_under(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files.push_back(fs::relative(entry.path(), root));
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string slurp(const fs::path& path) { return read_disk_file(path.string()).value_or("<missing>"); }

std::vector<std::vector<std::string>> parse_csv(const std::string& text, char separator) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, separator)) {
      cells.push_back(cell);
    }
    if (!line.empty() && line.back() == separator) {
      cells.emplace_back();
    }
    rows.push_back(cells);
  }
  return rows;
}

void check_csv_matches(const fs::path& actual_path, const fs::path& golden_path) {
  INFO("comparing " << actual_path << " with " << golden_path);
  const auto actual = parse_csv(slurp(actual_path));
  const auto golden = parse_csv(slurp(golden_path));
  REQUIRE(actual.size() == golden.size());
  REQUIRE(!golden.empty());
  CHECK(actual[0] == golden[0]);
  for (std::size_t row = 1; row < golden.size(); ++row) {
    REQUIRE(actual[row].size() == golden[row].size());
    for (std::size_t c = 0; c < golden[row].size(); ++c) {
      INFO("row " << row << " column " << golden[0][c]);
      char* end = nullptr;
      const double expected = std::strtod(golden[row][c].c_str(), &end);
      if (golden[row][c].empty() || *end != '\0') {
        CHECK(actual[row][c] == golden[row][c]);
      } else {
        CHECK(test::close(std::stod(actual[row][c]), expected, test::k_golden));
      }
    }
  }
}

}  // namespace gapsim::test
