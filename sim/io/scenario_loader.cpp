// Loading of scenario files with `extends` layering.
#include "io/scenario_loader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <limits>

#include "io/ini_file.hpp"
#include "io/input_error.hpp"
#include "io/output_name.hpp"

namespace gapsim {
namespace {

// Closes a POSIX file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  int get() const { return m_fd; }

 private:
  int m_fd;
};

// The text of `path` if it is a regular file of at most `max_bytes`; see read_disk_file.
std::optional<std::string> read_regular_file(const std::string& path, std::uintmax_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. The type and
  // size come from the opened file itself, so nothing can swap it in between.
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    return std::nullopt;
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    throw InputError(path + ": not a regular file (directories, devices and FIFOs are refused)");
  }
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    throw InputError(path + ": larger than " + std::to_string(max_bytes >> 20) + " MiB, the limit for input files");
  }
  std::string text(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t got = ::read(fd.get(), text.data() + done, text.size() - done);
    if (got < 0) {
      return std::nullopt;
    }
    if (got == 0) {  // the file shrank while we read it
      text.resize(done);
      break;
    }
    done += static_cast<std::size_t>(got);
  }
  return text;
}

// Merges `path` and its bases into `scenario`; `chain` holds the files being loaded above it.
void load_layer(const std::string& path, const ReadFile& read, std::vector<std::string>& chain, RawScenario& scenario,
                const std::string& from_file, int from_line) {
  std::optional<std::string> text;
  try {
    text = read(path);
  } catch (const InputError& error) {
    if (from_file.empty()) {
      throw;
    }
    throw_input_error(from_file, from_line, "extends", error.what());
  }
  if (!text) {
    if (from_file.empty()) {
      throw InputError(path + ":0: cannot read the scenario file");
    }
    throw_input_error(from_file, from_line, "extends", "file '" + path + "' not found");
  }
  chain.push_back(path);
  const IniFile ini = parse_ini(*text, path);
  for (const IniSetting& setting : ini.settings) {
    if (setting.key != "extends") {
      continue;
    }
    const std::string base = resolve_relative(path, setting.value);
    for (const std::string& open : chain) {
      if (open == base) {
        std::string cycle;
        for (const std::string& file : chain) {
          cycle += file + " -> ";
        }
        throw_input_error(path, setting.line, "extends", "cycle " + cycle + base);
      }
    }
    if (chain.size() >= k_max_extends_depth) {
      throw_input_error(path, setting.line, "extends",
                        "chain deeper than " + std::to_string(k_max_extends_depth) + " files");
    }
    load_layer(base, read, chain, scenario, path, setting.line);
  }
  chain.pop_back();
  scenario.files.push_back(path);
  for (const IniSetting& setting : ini.settings) {
    if (setting.key != "extends") {
      scenario.settings[setting.key] = RawSetting{setting.value, path, setting.line};
    }
  }
  for (const IniSection& section : ini.sections) {
    scenario.sections.try_emplace(section.name, RawSetting{"", path, section.line});
  }
}

}  // namespace

std::optional<std::string> read_disk_file(const std::string& path) {
  return read_regular_file(path, k_max_input_bytes);
}

std::optional<std::string> read_disk_file_any_size(const std::string& path) {
  return read_regular_file(path, std::numeric_limits<std::uintmax_t>::max());
}

std::string resolve_relative(const std::string& file, const std::string& relative) {
  const std::filesystem::path target(relative);
  if (target.is_absolute()) {
    return target.lexically_normal().string();
  }
  return (std::filesystem::path(file).parent_path() / target).lexically_normal().string();
}

RawScenario load_scenario(const std::string& path, const ReadFile& read) {
  RawScenario scenario;
  const std::string top = std::filesystem::path(path).lexically_normal().string();
  scenario.path = top;
  scenario.name = std::filesystem::path(path).stem().string();
  // The name becomes a directory under -o: checked here, once, for every command.
  if (const auto problem = output_name_problem(scenario.name)) {
    throw InputError(path + ":0: cannot name an output directory after this file: " + *problem);
  }
  std::vector<std::string> chain;
  load_layer(top, read, chain, scenario, "", 0);
  return scenario;
}

}  // namespace gapsim
