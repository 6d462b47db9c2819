// A scenario key that a study varies: "KEY", or "KEY@YEAR" for one point of a schedule, and
// the rules for which keys may vary at all.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"

namespace gapsim {

struct VariedKey {
  std::string key;           // scenario key, e.g. "upskilling.rate"
  std::optional<double> at;  // "KEY@YEAR": the time of the schedule point that varies
  std::string label;         // as written: "hiring.delay", "upskilling.rate@2025"
};

// "KEY" or "KEY@YEAR"; nullopt when YEAR is not a number.
std::optional<VariedKey> parse_varied_key(std::string_view text);

// Why `key` cannot vary in the scenario `raw` (built as `base`), or "" when it can: it must be
// a number, whole-number or schedule key the scenario uses, and not one that sets the report
// years (every run of a study has the same rows); a schedule with several points varies one
// point at a time (KEY@YEAR, at one of its points).
std::string varied_key_problem(const RawScenario& raw, const BuiltScenario& base, const VariedKey& key);

// "KEY" or "KEY@YEAR" parsed and checked by varied_key_problem; the error says what is wrong.
std::expected<VariedKey, std::string> checked_varied_key(const RawScenario& raw, const BuiltScenario& base,
                                                         std::string_view text);

// The text a key has in the scenario: its setting, or the key table's default.
std::string value_text(const RawScenario& raw, const std::string& key);

}  // namespace gapsim
