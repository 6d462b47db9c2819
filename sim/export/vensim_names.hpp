// Which scenario names can become Vensim (and XMILE) names. Programme and event section names
// are part of variable and element names in the exported model; both languages read names
// without regard to case, Vensim takes '_' for a space, and SDEverywhere turns every other
// character into '_', so a name gapsim accepts may stand for no model name, or for the same
// one as another.
#pragma once

#include <string>
#include <vector>

#include "io/scenario_loader.hpp"
#include "model/scenario_config.hpp"

namespace gapsim {

// True for a name that is the same name in every engine: an ASCII letter, then ASCII
// letters, digits and '_'.
bool is_portable_vensim_name(const std::string& name);

// Throws InputError "FILE:LINE: SECTION: ..." (where the section is opened) for a programme
// or event name that is not portable, or that differs from another of its kind only in case.
void check_vensim_names(const RawScenario& raw, const ScenarioConfig& config);

}  // namespace gapsim
