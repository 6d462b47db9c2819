// A scenario key set for one run from outside its files (`gapsim run --set KEY=VALUE`),
// applied to the raw settings before the scenario is built, so it takes every key type and
// meets the same checks as a file's line.
#pragma once

#include <expected>
#include <span>
#include <string>
#include <string_view>

#include "io/scenario_loader.hpp"

namespace gapsim {

struct SettingOverride {
  std::string key;
  std::string value;
};

// "KEY=VALUE", blanks around either trimmed. The error says what is wrong with `text`.
std::expected<SettingOverride, std::string> parse_setting_override(std::string_view text);

// Sets each override in `raw` in order (a later one for the same key wins), recorded as coming
// from `origin` (e.g. "--set") on line 0, so that a bad value is reported as "ORIGIN KEY: what"
// and the manifest names the origin. Throws InputError "ORIGIN KEY: ..." for a key not in the
// key table (naming the closest), `extends`, an [uncertain] declaration, or a key of a
// programme or event the scenario does not have.
void apply_overrides(RawScenario& raw, std::span<const SettingOverride> overrides, const std::string& origin);

}  // namespace gapsim
