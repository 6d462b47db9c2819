// Whether an uncertain declaration is centred on the value the scenario sets for its key.
// The deterministic run (`gapsim run`, the reference of a study's bands) is the scenario as
// written; it is the centre of the study only when every declared key's value is its
// declaration's median.
#pragma once

#include <optional>
#include <string>

#include "io/scenario_loader.hpp"
#include "io/uncertainty.hpp"

namespace gapsim {

// How far a value may lie from its declaration's median: this share of the 5-95% spread.
inline constexpr double k_centre_tolerance = 0.01;

// The message when the value `raw` sets for `input`'s key (or the point KEY@YEAR of its
// schedule) lies more than k_centre_tolerance of the 5-95% spread from the declaration's
// median, naming both and where the declaration is; nullopt when it lies within, and for
// the attack path (its median path is the deterministic run's by construction).
std::optional<std::string> off_centre_text(const RawScenario& raw, const UncertainInput& input);

}  // namespace gapsim
