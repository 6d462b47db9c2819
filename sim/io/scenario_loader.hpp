// A scenario file and the files it extends, merged into one set of raw settings.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gapsim {

// Reads a whole file; nullopt when it cannot be read. Injected so tests need no disk.
using ReadFile = std::function<std::optional<std::string>(const std::string& path)>;

// Reads from the real file system.
std::optional<std::string> read_disk_file(const std::string& path);

struct RawSetting {
  std::string value;
  std::string file;  // file that set it (the last one in the extends chain)
  int line = 0;
};

struct RawScenario {
  std::string name;                            // stem of the top file
  std::string path;                            // the top file as given
  std::vector<std::string> files;              // every scenario file read, bases first
  std::map<std::string, RawSetting> settings;  // "section.key" -> value ("extends" excluded)
  std::map<std::string, RawSetting> sections;  // section name -> where it was opened
};

// Loads `path`, following `extends` (relative to the file that says it). A later file's
// value wins. Throws InputError for a file name whose stem cannot name an output directory
// (io/output_name.hpp), unreadable files, bad INI lines and extends cycles.
RawScenario load_scenario(const std::string& path, const ReadFile& read);

// `relative` resolved against the directory of `file`, lexically normalised.
std::string resolve_relative(const std::string& file, const std::string& relative);

}  // namespace gapsim
