// INI text to an ordered list of "section.key = value" settings with their line numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gapsim {

struct IniSetting {
  std::string key;    // "section.name", or "name" before any section
  std::string value;  // trimmed, comment removed
  int line = 0;
};

struct IniSection {
  std::string name;
  int line = 0;
};

struct IniFile {
  std::string path;
  std::vector<IniSetting> settings;  // in file order
  std::vector<IniSection> sections;  // in file order
};

// Parses `text` (the contents of `path`, used in messages). '#' starts a comment.
// Throws InputError for a line that is neither a section, a setting, a comment nor blank,
// and for a key set twice in the same file.
IniFile parse_ini(std::string_view text, const std::string& path);

}  // namespace gapsim
