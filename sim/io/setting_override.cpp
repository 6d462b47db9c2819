// Command-line settings layered over a loaded scenario.
#include "io/setting_override.hpp"

#include "io/input_error.hpp"
#include "io/key_schema.hpp"

namespace gapsim {
namespace {

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Keys of [programme.NAME] and [event.NAME] sections.
bool names_a_section(std::string_view key) { return key.starts_with("programme.") || key.starts_with("event."); }

}  // namespace

std::expected<SettingOverride, std::string> parse_setting_override(std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    return std::unexpected(gapsim::quoted(text) + ": expected KEY=VALUE");
  }
  SettingOverride override{std::string(trimmed(text.substr(0, equals))), std::string(trimmed(text.substr(equals + 1)))};
  if (override.key.empty()) {
    return std::unexpected(gapsim::quoted(text) + ": no key before '='");
  }
  return override;
}

void apply_overrides(RawScenario& raw, std::span<const SettingOverride> overrides, const std::string& origin) {
  for (const SettingOverride& override : overrides) {
    const std::string& key = override.key;
    if (key == "extends") {
      throw_input_error(origin, 0, key, "cannot be set for one run: name the other scenario file instead");
    }
    if (key.starts_with("uncertain.")) {
      throw_input_error(origin, 0, key, "declarations of [uncertain] are read by mc and sensitivity only");
    }
    if (key.starts_with("levers.")) {
      throw_input_error(origin, 0, key, "declarations of [levers] are read by optimize only");
    }
    if (find_key_spec(key) == nullptr) {
      throw_input_error(origin, 0, key, "unknown key (did you mean '" + closest_key(key) + "'?)");
    }
    if (names_a_section(key)) {
      const std::string section = key.substr(0, key.rfind('.'));
      if (!raw.sections.contains(section)) {
        throw_input_error(origin, 0, key, "the scenario has no section [" + section + "]");
      }
    }
    raw.settings[key] = RawSetting{override.value, origin, 0};
  }
}

}  // namespace gapsim
