// The checks a scenario passes before it is exported.
#include "export/exportable.hpp"

#include <algorithm>
#include <map>

#include "io/input_error.hpp"

namespace gapsim {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
  return text;
}

void check_names(const RawScenario& raw, const std::string& kind, const std::vector<std::string>& names) {
  std::map<std::string, std::string> by_lower_case;
  for (const std::string& name : names) {
    const std::string section = kind + "." + name;
    // Every programme or event has a header in some file: --set cannot open a section.
    const RawSetting& where = raw.sections.at(section);
    if (!is_portable_model_name(name)) {
      throw_input_error(where.file, where.line, section,
                        "the " + kind + " name " + quoted(name) +
                            " cannot be exported: in a model it must start with an ASCII letter and hold only ASCII "
                            "letters, digits and single '_' between them (rename the section [" +
                            section + "])");
    }
    const auto [other, inserted] = by_lower_case.try_emplace(lower_case(name), name);
    if (!inserted) {
      throw_input_error(where.file, where.line, section,
                        "the " + kind + " names " + quoted(other->second) + " and " + quoted(name) +
                            " cannot both be exported: Vensim does not tell names apart by case");
    }
  }
}

}  // namespace

bool is_portable_model_name(const std::string& name) {
  return !name.empty() && is_ascii_letter(name.front()) && name.back() != '_' && name.find("__") == std::string::npos &&
         std::all_of(name.begin(), name.end(),
                     [](char c) { return is_ascii_letter(c) || is_ascii_digit(c) || c == '_'; });
}

void check_exportable(const RawScenario& raw, const ScenarioConfig& config) {
  std::vector<std::string> names;
  for (const ProgrammeConfig& programme : config.programmes) {
    names.push_back(programme.name);
  }
  check_names(raw, "programme", names);
  names.clear();
  for (const EventConfig& event : config.events) {
    names.push_back(event.name);
  }
  check_names(raw, "event", names);
  for (const EventConfig& event : config.events) {
    if (event.attack_multiplier == 0.0) {
      const std::string key = "event." + event.name + ".attack_multiplier";
      const auto setting = raw.settings.find(key);
      throw_input_error(setting->second.file, setting->second.line, key,
                        "0 cannot be exported: inside the window the threat response takes the logarithm of 0 "
                        "(docs/MODEL.md 4), where Vensim stops; a small positive multiplier (1e-9, say) gives "
                        "almost the same threat");
    }
  }
}

}  // namespace gapsim
