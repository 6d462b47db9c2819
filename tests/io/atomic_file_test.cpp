// Whole-file and whole-directory replacement: the old set or the new one, never a mix, and
// no temporaries left once the next write has run.
#include "io/atomic_file.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>

#include "support/cli_run.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::entries_under;
using test::slurp;
using test::TempDir;
using test::write_text;

// The id of a process that has exited and been reaped.
pid_t dead_pid() {
  const pid_t pid = fork();
  if (pid == 0) {
    _exit(0);
  }
  waitpid(pid, nullptr, 0);
  return pid;
}

// The message of the std::runtime_error `write` throws, or "<no error>".
template <typename Write>
std::string error_of(Write write) {
  try {
    write();
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "<no error>";
}

// While alive, no file may grow past `bytes` and a write past it fails with EFBIG (as on a
// full disk) instead of raising SIGXFSZ. Root ignores permissions, not this limit.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &m_old);
    m_old_handler = signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{bytes, m_old.rlim_max};
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &m_old);
    signal(SIGXFSZ, m_old_handler);
  }

 private:
  rlimit m_old{};
  sighandler_t m_old_handler{};
};

TEST_CASE("io::write_directory_atomically", "[io][atomic_file]") {
  TempDir temp("atomic_directory");
  const fs::path dir = temp.path / "out" / "study";

  SECTION("creates the directory and its parents") {
    // Given no directory yet, should create it with exactly the files and nothing beside it.
    write_directory_atomically(dir.string(), {{"a.csv", "1\n"}, {"manifest", "m1\n"}});
    CHECK(entries_under(temp.path) ==
          std::vector<std::string>{"out", "out/study", "out/study/a.csv", "out/study/manifest"});
    CHECK(slurp(dir / "a.csv") == "1\n");
  }

  SECTION("replaces its own files, drops owned ones not written, keeps others") {
    // Given a directory of an earlier set plus another command's file, should hold the new set
    // and the other file, and no longer the optional file of the earlier set.
    write_directory_atomically(dir.string(), {{"a.csv", "1\n"}, {"series.csv", "s\n"}, {"manifest", "m1\n"}});
    write_text(dir / "timeseries.csv", "other\n");
    write_text(dir / "sub" / "x", "kept\n");
    write_directory_atomically(dir.string(), {{"a.csv", "2\n"}, {"manifest", "m2\n"}}, {"series.csv"});
    CHECK(entries_under(dir) == std::vector<std::string>{"a.csv", "manifest", "sub", "sub/x", "timeseries.csv"});
    CHECK(slurp(dir / "a.csv") == "2\n");
    CHECK(slurp(dir / "manifest") == "m2\n");
    CHECK(slurp(dir / "timeseries.csv") == "other\n");
    CHECK(slurp(dir / "sub" / "x") == "kept\n");
  }

  SECTION("a failing write leaves the previous set whole and no staging") {
    // Given a previous set and a new one whose second file cannot be written (no room past
    // 8 bytes), should throw naming the file and leave the previous files byte for byte.
    write_directory_atomically(dir.string(), {{"a.csv", "old a\n"}, {"b.csv", "old b\n"}, {"manifest", "old\n"}});
    const std::string message = error_of([&] {
      const FileSizeLimit limit(8);
      write_directory_atomically(dir.string(), {{"a.csv", "new a\n"}, {"b.csv", "new b is long\n"}, {"manifest", ""}});
    });
    CHECK(message == (dir / "b.csv").string() + ": write failed: File too large");
    CHECK(entries_under(temp.path / "out") ==
          std::vector<std::string>{"study", "study/a.csv", "study/b.csv", "study/manifest"});
    CHECK(slurp(dir / "a.csv") == "old a\n");
    CHECK(slurp(dir / "b.csv") == "old b\n");
    CHECK(slurp(dir / "manifest") == "old\n");
  }

  SECTION("removes what killed writers left") {
    // Given the staging directory of a dead process and a temporary file an earlier version
    // left inside the target, should remove both and write the new set.
    write_directory_atomically(dir.string(), {{"a.csv", "old\n"}});
    const std::string pid = std::to_string(dead_pid());
    write_text(temp.path / "out" / (".study.staging." + pid) / "a.csv", "half");
    write_text(dir / ("a.csv.tmp." + pid), "half");
    write_text(temp.path / "out" / (".other.staging." + pid) / "a.csv", "not ours");
    write_directory_atomically(dir.string(), {{"a.csv", "new\n"}});
    CHECK(entries_under(temp.path / "out") == std::vector<std::string>{".other.staging." + pid,
                                                                       ".other.staging." + pid + "/a.csv", "study",
                                                                       "study/a.csv"});
    CHECK(slurp(dir / "a.csv") == "new\n");
  }

  SECTION("refuses names that leave the directory and directories it cannot swap") {
    // Given a file name with a separator, a file in the way or the current directory, should
    // refuse before writing anything.
    CHECK(error_of([&] {
            write_directory_atomically(dir.string(), {{"../x", "1"}});
          }) == dir.string() + ": refusing to write a file outside it: the name '../x' starts with '.'");
    CHECK(error_of([&] {
            write_directory_atomically(dir.string(), {{"a/b", "1"}});
          }) == dir.string() + ": refusing to write a file outside it: the name 'a/b' contains a path separator");
    write_text(temp.path / "file", "x");
    CHECK(error_of([&] {
            write_directory_atomically((temp.path / "file").string(), {{"a", "1"}});
          }) == (temp.path / "file").string() + ": exists and is not a directory");
    CHECK(error_of([&] {
            write_directory_atomically(".", {{"a", "1"}});
          }) == ".: cannot replace the current directory or one containing it; choose a new output directory");
    CHECK(entries_under(temp.path) == std::vector<std::string>{"file"});
  }
}

TEST_CASE("io::write_file_atomically", "[io][atomic_file]") {
  TempDir temp("atomic_file");
  const fs::path path = temp.path / "summary.csv";
  SECTION("removes temporaries of dead processes") {
    // Given the temporary a killed run left, should remove it when it writes the file.
    const std::string leftover = "summary.csv.tmp." + std::to_string(dead_pid());
    write_text(temp.path / leftover, "half");
    write_file_atomically(path.string(), "new\n");
    CHECK(entries_under(temp.path) == std::vector<std::string>{"summary.csv"});
  }
  SECTION("a failing write keeps the old file") {
    // Given a full disk (a file size limit), should throw and keep the old file and no temporary.
    write_file_atomically(path.string(), "old\n");
    const std::string message = error_of([&] {
      const FileSizeLimit limit(2);
      write_file_atomically(path.string(), "new and long\n");
    });
    CHECK(message == path.string() + ": write failed: File too large");
    CHECK(entries_under(temp.path) == std::vector<std::string>{"summary.csv"});
    CHECK(slurp(path) == "old\n");
  }
}

}  // namespace
}  // namespace gapsim
