// The design the scenarios of a paired study share (common random numbers): one coordinate
// group per distinct uncertain input among them, matched by label, so a key every scenario
// declares takes the same design coordinate, hence the same quantile rank, in run i of each.
#pragma once

#include <span>
#include <vector>

#include "io/uncertainty.hpp"
#include "study/monte_carlo.hpp"

namespace gapsim {

// Sets plans[i].shared_dimensions and plans[i].shared_coordinates for the scenarios whose
// inputs are inputs[i]. The shared design lists the reference's inputs first, in its order,
// then each other scenario's inputs not yet listed, in the order given; so a scenario whose
// inputs are exactly the shared design's (the reference, when no other scenario adds an
// input) takes, run by run, the values of its own study.
// REQUIRES: reference < inputs.size() == plans.size().
void share_design(std::span<StudyPlan> plans, std::span<const std::vector<UncertainInput>* const> inputs,
                  std::size_t reference);

}  // namespace gapsim
