// INI reading in one pass: each line is a section header, a setting, a comment or blank.
#include "io/ini_file.hpp"

#include <algorithm>
#include <unordered_set>

#include "io/input_error.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

// Editors on Windows may start a UTF-8 file with it; it is not part of the first line.
constexpr std::string_view k_utf8_byte_order_mark = "\xEF\xBB\xBF";

// The next line of `text` from `pos` (without its '\n'); moves `pos` past it.
std::string_view next_line(std::string_view text, std::size_t& pos) {
  const std::size_t end = std::min(text.find('\n', pos), text.size());
  const std::string_view line = text.substr(pos, end - pos);
  pos = end + 1;
  return line;
}

}  // namespace

IniFile parse_ini(std::string_view text, const std::string& path) {
  if (text.starts_with(k_utf8_byte_order_mark)) {
    text.remove_prefix(k_utf8_byte_order_mark.size());
  }
  IniFile file;
  file.path = path;
  std::string prefix;  // "section." for the keys that follow a header
  std::unordered_set<std::string> seen;
  int number = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::string_view line = next_line(text, pos);
    ++number;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) {
      continue;
    }
    if (line.front() == '[') {
      const std::string_view name = line.back() == ']' ? trim(line.substr(1, line.size() - 2)) : "";
      if (name.empty()) {
        throw_input_error(path, number, "", "malformed section header (expected '[NAME]')");
      }
      prefix.assign(name);
      prefix += '.';
      file.sections.push_back({std::string(name), number});
      continue;
    }
    const std::size_t equals = line.find('=');
    const std::string_view name = equals == std::string_view::npos ? "" : trim(line.substr(0, equals));
    if (name.empty()) {
      // The line is not quoted: a file that is not INI at all (say, `extends` naming some
      // other file) must not have its content printed.
      throw_input_error(path, number, "", "expected 'KEY = VALUE', a '[section]' header or a comment");
    }
    std::string key = prefix;
    key += name;
    if (!seen.insert(key).second) {
      throw_input_error(path, number, key, "set twice in the same file");
    }
    file.settings.push_back({std::move(key), std::string(trim(line.substr(equals + 1))), number});
  }
  return file;
}

}  // namespace gapsim
