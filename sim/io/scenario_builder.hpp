// Raw settings to a validated ScenarioConfig, with the resolved value of every key.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/scenario_loader.hpp"
#include "model/scenario_config.hpp"

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
// With `trends`, a fitted attack trend is looked up there before it is fitted (and stored
// after), so rebuilding one scenario with other numbers (Monte Carlo, sweeps, calibration)
// does not refit the same data: a fit takes milliseconds, a run tens of microseconds.
// With Provenance::skip, `resolved` is left empty: variants of a scenario rebuilt per run
// need only the config, and recording some 60 keys with their origins is a third of a build.
using TrendCache = std::map<std::string, std::shared_ptr<const AttackTrend>>;
enum class Provenance { record, skip };
BuiltScenario build_scenario(const RawScenario& raw, const ReadFile& read, TrendCache* trends = nullptr,
                             Provenance provenance = Provenance::record);

// Loads `path` from disk and builds it.
BuiltScenario load_and_build(const std::string& path);

}  // namespace gapsim
