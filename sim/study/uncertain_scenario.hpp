// A scenario whose [uncertain] inputs vary between runs: where Monte Carlo and sensitivity
// studies start.
#pragma once

#include <string>
#include <vector>

#include "io/scenario_loader.hpp"
#include "io/uncertainty.hpp"
#include "study/scenario_variants.hpp"

namespace gapsim {

struct UncertainScenario {
  // Loads and builds the scenario at `path`, reads its [uncertain] inputs and makes the
  // variants vary them, in the inputs' order. Throws InputError for a bad scenario or one
  // that declares no uncertain input.
  UncertainScenario(const std::string& path, const ReadFile& read);

  RawScenario raw;
  ScenarioVariants variants;
  std::vector<UncertainInput> inputs;
};

}  // namespace gapsim
