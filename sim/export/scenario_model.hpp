// A scenario as a system-dynamics model for other engines: the equations of docs/MODEL.md
// for one fully resolved scenario, as a Vensim .mdl model (Vensim, PySD, SDEverywhere) or an
// XMILE 1.0 model (Stella, simlin), so that a modeller can open what gapsim computed in the
// tools they already use and reproduce its numbers (docs/MODEL.md section 17).
#pragma once

#include <string>

#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"

namespace gapsim {

enum class ModelFormat { mdl, xmile };

// The model text of `built`, the scenario built from `raw`, whose files `read` reads again for
// their SHA-256 in the model's header. Time counts steps (TIME STEP = 1); every
// timeseries.csv column is a variable of the same name: the levels at the start of each
// report row, the totals and means of a row at its end. Throws InputError
// "FILE:LINE: KEY: ..." for what the model cannot express.
std::string scenario_model(const RawScenario& raw, const BuiltScenario& built, ModelFormat format,
                           const ReadFile& read);

}  // namespace gapsim
