// INI text to an ordered list of "section.key = value" settings with their line numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gapsim {

struct IniSetting {
  std::string key;    // "section.name", or "name" before any section
  std::string value;  // trimmed, comment removed; empty when nothing follows the '='
  int line = 0;
};

struct IniSection {
  std::string name;
  int line = 0;
};

struct IniFile {
  std::string path;
  std::vector<IniSetting> settings;  // in file order
  std::vector<IniSection> sections;  // in file order; a section opened twice is listed twice
};

// Parses `text` (the contents of `path`, used in messages) in one pass, in time linear in
// its length. Syntax: `[name]` opens a section (blanks around the name are ignored),
// `key = value` sets "name.key" (the value is everything after the first '='), '#' starts a
// comment anywhere on a line, and blank lines are skipped. Lines may end in "\n" or "\r\n";
// a UTF-8 byte order mark before the first line is skipped.
// Throws InputError "FILE:LINE: ..." for a line that is neither a section, a setting, a
// comment nor blank, and "FILE:LINE: KEY: set twice in the same file" for a repeated key.
IniFile parse_ini(std::string_view text, const std::string& path);

}  // namespace gapsim
