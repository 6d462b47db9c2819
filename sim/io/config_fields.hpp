// Where each scenario number lives in the built configuration, so a study can set sampled
// values on a built scenario instead of writing them back into text and building it again,
// and which exogenous series must then be computed again.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "model/exogenous.hpp"
#include "model/scenario_config.hpp"

namespace gapsim {

struct ConfigField {
  std::string_view key;  // as in the key table; "programme.*.intake" for a named section
  ExogenousParts parts;  // the series computed from this number
  // The field of `config`, for the named section at index `section` of its list (programmes
  // or events; ignored for other keys). Exactly one of the two is set.
  double* (*number)(ScenarioConfig& config, std::size_t section) = nullptr;
  Schedule* (*schedule)(ScenarioConfig& config, std::size_t section) = nullptr;
};

// The field of a number or schedule key ("programme.uni.intake" finds "programme.*.intake"),
// or nullptr for a key that shapes the scenario or feeds a derived value (the years, the age
// range, the age profile, the attack trend, a programme's entry age): those vary by rebuilding.
const ConfigField* find_config_field(std::string_view key);

// The whole table, in key-table order.
std::span<const ConfigField> config_fields();

}  // namespace gapsim
