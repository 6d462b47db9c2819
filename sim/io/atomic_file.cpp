// Atomic replacement of a file by rename(2) and of a directory by renameat2(RENAME_EXCHANGE).
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>

#include "io/output_name.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;

std::string errno_text(int error) { return std::strerror(error); }

// The process id that ends `name` after `prefix`, or nullopt when `name` is not prefix + digits.
std::optional<pid_t> pid_after(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix) || name.size() == prefix.size()) {
    return std::nullopt;
  }
  const std::string_view digits = name.substr(prefix.size());
  pid_t pid = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
  if (error != std::errc() || end != digits.data() + digits.size() || pid <= 0) {
    return std::nullopt;
  }
  return pid;
}

// True when a temporary of `pid` can be removed: that process is gone, or it is this one
// (which writes one target at a time, so any earlier temporary of its own is abandoned).
bool abandoned(pid_t pid) { return pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH); }

// Removes the entries of `parent` named prefix + PID of abandoned processes.
void remove_abandoned(const fs::path& parent, const std::string& prefix) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(parent, error)) {
    const auto pid = pid_after(entry.path().filename().string(), prefix);
    if (pid && abandoned(*pid)) {
      std::error_code ignored;  // another run may be removing it too
      fs::remove_all(entry.path(), ignored);
    }
  }
}

// Writes and fsyncs a new file; throws naming `shown` (the path the user knows).
void write_synced_file(const fs::path& path, std::string_view contents, const std::string& shown) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    throw std::runtime_error(shown + ": cannot write: " + errno_text(errno));
  }
  bool ok = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
  ok = ok && std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
  const int write_error = errno;
  if (std::fclose(file) != 0 && ok) {
    throw std::runtime_error(shown + ": write failed: " + errno_text(errno));
  }
  if (!ok) {
    throw std::runtime_error(shown + ": write failed: " + errno_text(write_error));
  }
}

// Makes a rename inside `dir` durable. File systems that cannot sync a directory say EINVAL.
void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    throw std::runtime_error(dir.string() + ": cannot open to sync: " + errno_text(errno));
  }
  const bool synced = ::fsync(fd) == 0 || errno == EINVAL;
  const int sync_error = errno;
  ::close(fd);
  if (!synced) {
    throw std::runtime_error(dir.string() + ": cannot sync: " + errno_text(sync_error));
  }
}

void create_parent(const fs::path& path, const std::string& shown) {
  std::error_code error;
  if (path.has_parent_path()) {
    fs::create_directories(path.parent_path(), error);
    if (error) {
      throw std::runtime_error(shown + ": cannot create directory: " + error.message());
    }
  }
}

// `dir` made absolute and free of "." and ".." (resolving symbolic links), without a
// trailing separator; refuses a root and the current directory or one containing it,
// which cannot be swapped away under the processes that use them.
fs::path swappable_directory(const std::string& dir) {
  fs::path target = fs::weakly_canonical(fs::absolute(dir));
  if (!target.has_filename()) {
    target = target.parent_path();
  }
  if (!target.has_filename() || target == target.root_path()) {
    throw std::runtime_error(dir + ": cannot replace a file system root; choose an output directory below it");
  }
  const fs::path cwd = fs::current_path();
  const auto [differs, rest] = std::mismatch(target.begin(), target.end(), cwd.begin(), cwd.end());
  if (differs == target.end()) {
    throw std::runtime_error(dir +
                             ": cannot replace the current directory or one containing it; choose a new "
                             "output directory");
  }
  return target;
}

// Adds to `staging` hard links to the entries of `old_dir` that the new set does not replace,
// except the temporaries ("NAME.tmp.PID") that earlier versions left of owned files.
void carry_over(const fs::path& old_dir, const fs::path& staging, const std::set<std::string>& owned) {
  for (const fs::directory_entry& entry : fs::directory_iterator(old_dir)) {
    const std::string name = entry.path().filename().string();
    const auto dot_tmp = name.rfind(".tmp.");
    if (owned.contains(name) || (dot_tmp != std::string::npos && owned.contains(name.substr(0, dot_tmp)) &&
                                 pid_after(name, name.substr(0, dot_tmp + 5)))) {
      continue;
    }
    fs::copy(entry.path(), staging / name,
             fs::copy_options::recursive | fs::copy_options::create_hard_links | fs::copy_options::copy_symlinks);
  }
}

// Puts the complete `staging` in place of `target`. With an existing target, one
// renameat2(RENAME_EXCHANGE) swaps the two, so no moment lacks a complete target; the
// previous set is then under the staging name, for the caller to remove.
void swap_into_place(const fs::path& staging, const fs::path& target, const std::string& shown) {
  if (!fs::exists(fs::symlink_status(target))) {
    if (::rename(staging.c_str(), target.c_str()) != 0) {
      throw std::runtime_error(shown + ": cannot put in place: " + errno_text(errno));
    }
    return;
  }
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    const int error = errno;
    // Some file systems (NFS, FUSE) lack the swap; the previous set then stays, untouched.
    throw std::runtime_error(shown + ": cannot replace: " + errno_text(error) +
                             (error == EINVAL ? " (the file system cannot swap directories: renameat2 "
                                                "RENAME_EXCHANGE; write to another one)"
                                              : ""));
  }
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view contents) {
  const fs::path target(path);
  create_parent(target, path);
  const std::string prefix = target.filename().string() + ".tmp.";
  remove_abandoned(target.has_parent_path() ? target.parent_path() : fs::path("."), prefix);
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  try {
    write_synced_file(temporary, contents, path);
  } catch (...) {
    std::remove(temporary.c_str());
    throw;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::remove(temporary.c_str());
    throw std::runtime_error(path + ": cannot replace: " + errno_text(error));
  }
  sync_directory(target.has_parent_path() ? target.parent_path() : fs::path("."));
}

void write_directory_atomically(const std::string& dir, const std::vector<NamedContents>& files,
                                const std::vector<std::string>& also_owned) {
  std::set<std::string> owned(also_owned.begin(), also_owned.end());
  for (const NamedContents& file : files) {
    if (const auto problem = output_name_problem(file.name)) {
      throw std::runtime_error(dir + ": refusing to write a file outside it: " + *problem);
    }
    owned.insert(file.name);
  }
  const fs::path target = swappable_directory(dir);
  create_parent(target, dir);
  if (fs::exists(target) && !fs::is_directory(target)) {
    throw std::runtime_error(dir + ": exists and is not a directory");
  }
  const fs::path parent = target.parent_path();
  std::string prefix = ".";  // built by appending: GCC 12 warns falsely on "." + std::string
  prefix += target.filename().string();
  prefix += ".staging.";
  remove_abandoned(parent, prefix);
  const fs::path staging = parent / (prefix + std::to_string(::getpid()));
  try {
    fs::create_directory(staging);
    for (const NamedContents& file : files) {
      write_synced_file(staging / file.name, file.contents, (fs::path(dir) / file.name).string());
    }
    if (fs::exists(target)) {
      carry_over(target, staging, owned);
    }
    sync_directory(staging);
    swap_into_place(staging, target, dir);
    sync_directory(parent);
  } catch (const fs::filesystem_error& error) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw std::runtime_error(dir + ": " + error.code().message() + " (" + error.path1().string() + ")");
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw;
  }
  std::error_code ignored;  // the previous set, now under the staging name; a later run removes what is left
  fs::remove_all(staging, ignored);
}

}  // namespace gapsim
