// What a scenario must be for an exported model to express it.
//
// Programme and event section names are part of variable and element names in the model;
// Vensim and XMILE read names without regard to case, Vensim takes '_' for a space and
// runs of them for one, and SDEverywhere turns every other character into '_', so a name
// gapsim accepts may stand for no model name, or for the same one as another.
//
// An event whose attack multiplier is 0 makes the threat response take the logarithm of 0
// (MODEL.md 4): gapsim carries the -inf through tanh to the floor 1 / threat_ceiling, but
// Vensim stops at LN(0), and no rewriting keeps both the numbers and the equation.
#pragma once

#include <string>

#include "io/scenario_loader.hpp"
#include "model/scenario_config.hpp"

namespace gapsim {

// True for a name that is the same name in every engine: ASCII letters and digits, starting
// with a letter, in words joined by single '_'.
bool is_portable_model_name(const std::string& name);

// Throws InputError "FILE:LINE: KEY: ..." for what the model cannot express: a programme or
// event name that is not portable (at its section's header), or that differs from another of
// its kind only in case, and an event's attack_multiplier of 0 (at the key).
void check_exportable(const RawScenario& raw, const ScenarioConfig& config);

}  // namespace gapsim
