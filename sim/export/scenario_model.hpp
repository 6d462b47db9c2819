// A scenario as a Vensim model (.mdl): the equations of docs/MODEL.md for one fully resolved
// scenario, in the subset of Vensim that Vensim, PySD and SDEverywhere all read, so that a
// modeller can open what gapsim computed in the tools they already use and reproduce its
// numbers (docs/MODEL.md section 17).
#pragma once

#include <string>

#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"

namespace gapsim {

// The model text of `built`, the scenario built from `raw`. Time counts steps (TIME STEP = 1,
// SAVEPER = the report step); every timeseries.csv column is a variable of the same name:
// the levels at the start of each report row, the totals and means of a row at its end.
// Throws InputError "FILE:LINE: KEY: ..." for what the model cannot express.
std::string vensim_model(const RawScenario& raw, const BuiltScenario& built);

}  // namespace gapsim
