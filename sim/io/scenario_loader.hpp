// A scenario file and the files it extends, merged into one set of raw settings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gapsim {

// Reads a whole file; nullopt when it cannot be read. Injected so tests need no disk. May
// throw InputError naming the file when it refuses one (see read_disk_file).
using ReadFile = std::function<std::optional<std::string>(const std::string& path)>;

// Largest scenario or data file read [bytes]; the shipped ones are a few KiB.
inline constexpr std::uintmax_t k_max_input_bytes = std::uintmax_t{16} << 20;

// Most files an `extends` chain may hold, the top file included.
inline constexpr std::size_t k_max_extends_depth = 64;

// Reads a scenario or data file from the real file system: nullopt when it does not exist
// or cannot be read; throws InputError "PATH: ..." for what is not a regular file (a
// directory, device or FIFO, refused before reading) and for a file larger than
// k_max_input_bytes.
std::optional<std::string> read_disk_file(const std::string& path);

// read_disk_file without the size limit, for the study files that merge reads back (they
// grow with the number of runs).
std::optional<std::string> read_disk_file_any_size(const std::string& path);

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
// (io/output_name.hpp), unreadable files, bad INI lines, extends cycles and chains of more
// than k_max_extends_depth files.
RawScenario load_scenario(const std::string& path, const ReadFile& read);

// `relative` resolved against the directory of `file`, lexically normalised.
std::string resolve_relative(const std::string& file, const std::string& relative);

}  // namespace gapsim
