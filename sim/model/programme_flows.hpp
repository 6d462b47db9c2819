// The per-programme table of a run: starters, pipeline content, completers, entrants and cost
// of each programme in each report step.
#pragma once

#include "model/exogenous.hpp"
#include "model/results.hpp"

namespace gapsim {

// Fills results.programmes and results.programme_count for `inputs`. A programme's flows
// depend on its intake alone (a starter of step n finishes in step n + delay_steps), so they
// are summed from the starts, in step order, to the values the engine's pipelines give its
// step loop: the loop, and the studies that never write the table, do not carry it.
// Allocates nothing when `results` already holds a table of this shape.
void record_programme_flows(const ExogenousInputs& inputs, Results& results);

}  // namespace gapsim
