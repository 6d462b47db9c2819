// A scenario whose [levers] a policy sets, studied over futures of its [uncertain] inputs:
// where `gapsim optimize` starts.
#pragma once

#include <string>
#include <vector>

#include "io/lever.hpp"
#include "io/scenario_loader.hpp"
#include "io/uncertainty.hpp"
#include "study/scenario_variants.hpp"

namespace gapsim {

struct PolicyScenario {
  // Loads and builds the scenario at `path`, reads its [uncertain] inputs (there may be none:
  // then one future, the scenario as written) and its levers, and makes the variants vary the
  // uncertain keys, then the levers, then the attack path when it is uncertain. Throws
  // InputError for a bad scenario, a bad lever, or a scenario that declares no lever.
  PolicyScenario(const std::string& path, const ReadFile& read);

  // The values of ScenarioVariants::inputs for future values `future` (the uncertain keys,
  // then the attack path's values, as study_run_values gives them) and lever values `levers`,
  // into `values`. Allocates nothing.
  void combine(std::span<const double> future, std::span<const double> levers, std::span<double> values) const;

  // Values per future: the uncertain keys, then the attack path's values when it varies.
  std::size_t future_width() const;

  RawScenario raw;
  ScenarioVariants variants;
  std::vector<UncertainInput> inputs;
  std::vector<Lever> levers;
  std::vector<double> written;  // each lever's value as the scenario writes it
};

}  // namespace gapsim
