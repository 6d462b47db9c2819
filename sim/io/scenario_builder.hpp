// Raw settings to a validated ScenarioConfig, with the resolved value of every key.
#pragma once

#include <string>
#include <vector>

#include "core/scenario_config.hpp"
#include "io/scenario_loader.hpp"

namespace gapsim {

// One key's effective value and where it came from, for the manifest.
struct ResolvedSetting {
  std::string key;
  std::string value;
  std::string origin;  // "FILE:LINE", or "default"
};

struct BuiltScenario {
  ScenarioConfig config;
  std::vector<ResolvedSetting> resolved;  // every key that applies, sorted by key
  std::vector<std::string> data_files;    // data files read (not scenario files)
};

// Validates every setting against the key table and builds the config. Throws InputError
// "FILE:LINE: KEY: what" for an unknown key, a malformed or out-of-range value, a missing
// required key or a missing data file.
BuiltScenario build_scenario(const RawScenario& raw, const ReadFile& read);

// Loads `path` from disk and builds it.
BuiltScenario load_and_build(const std::string& path);

}  // namespace gapsim
