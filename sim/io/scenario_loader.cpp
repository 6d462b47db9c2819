// Loading of scenario files with `extends` layering.
#include "io/scenario_loader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/ini_file.hpp"
#include "io/input_error.hpp"
#include "io/output_name.hpp"

namespace gapsim {
namespace {

// Merges `path` and its bases into `scenario`; `chain` holds the files being loaded above it.
void load_layer(const std::string& path, const ReadFile& read, std::vector<std::string>& chain, RawScenario& scenario,
                const std::string& from_file, int from_line) {
  const std::optional<std::string> text = read(path);
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
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
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
