// INI parsing: Boost.Program_options' config-file parser reads the values; a line scan of the
// same text supplies what the parser does not keep, the line of every key and section.
#include "io/ini_file.hpp"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/parsers.hpp>
#include <set>
#include <sstream>

#include "io/input_error.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

// Lines and sections as the config-file parser will see them, with numbers.
IniFile scan_lines(std::string_view text, const std::string& path) {
  IniFile file;
  file.path = path;
  std::string prefix;
  int number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) {
      continue;
    }
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3) {
        throw_input_error(path, number, "", "malformed section header '" + std::string(line) + "'");
      }
      std::string name(trim(line.substr(1, line.size() - 2)));
      prefix = name + ".";
      file.sections.push_back({name, number});
      continue;
    }
    const auto equals = line.find('=');
    if (equals == std::string_view::npos || trim(line.substr(0, equals)).empty()) {
      throw_input_error(path, number, "", "expected 'KEY = VALUE', got '" + std::string(line) + "'");
    }
    file.settings.push_back({prefix + std::string(trim(line.substr(0, equals))), "", number});
  }
  return file;
}

}  // namespace

IniFile parse_ini(std::string_view text, const std::string& path) {
  IniFile file = scan_lines(text, path);
  namespace po = boost::program_options;
  std::istringstream stream{std::string(text)};
  const po::options_description no_declared_options;
  const po::parsed_options parsed =
      po::parse_config_file(stream, no_declared_options, /*allow_unregistered=*/true);
  // Both readers walk the same lines, so the n-th option is the n-th scanned setting.
  if (parsed.options.size() != file.settings.size()) {
    throw_input_error(path, 1, "", "could not be read as an INI file");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < file.settings.size(); ++i) {
    IniSetting& setting = file.settings[i];
    const po::option& option = parsed.options[i];
    if (option.string_key != setting.key) {
      throw_input_error(path, setting.line, setting.key, "could not be read as an INI setting");
    }
    setting.value = option.value.empty() ? "" : std::string(trim(option.value.front()));
    if (!seen.insert(setting.key).second) {
      throw_input_error(path, setting.line, setting.key, "set twice in the same file");
    }
  }
  return file;
}

}  // namespace gapsim
