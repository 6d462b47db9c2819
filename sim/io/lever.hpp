// The [levers] section of a scenario: what a policy may change, and within which bounds, for
// `gapsim optimize`. Levers are choices; [uncertain] inputs are what is not known, so a key is
// never both.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"
#include "io/uncertainty.hpp"
#include "io/varied_key.hpp"

namespace gapsim {

struct Lever {
  VariedKey key;
  double lower = 0.0;
  double upper = 0.0;
  std::optional<double> step;  // values lower + k * step only (whole numbers of persons, say)
  std::string file;            // where it was declared
  int line = 0;

  // `value` on the lever's grid (the nearest lower + k * step within the bounds), or
  // clamped to the bounds when the lever has no step.
  double snapped(double value) const;
};

// Every setting "levers.KEY" or "levers.KEY@YEAR" = "LOWER:UPPER" or "LOWER:UPPER:STEP", sorted
// by key. Throws InputError "FILE:LINE: levers.KEY: what" for malformed bounds, LOWER not below
// UPPER, a bound outside the key's range, a step that is not positive or does not fit
// between the bounds, a key that cannot vary (varied_key_problem), a whole-number key with a
// step that is not whole, and a key that `uncertain` also declares.
std::vector<Lever> read_levers(const RawScenario& raw, const BuiltScenario& base,
                               const std::vector<UncertainInput>& uncertain);

// The keys of `levers` in order.
std::vector<VariedKey> lever_keys(const std::vector<Lever>& levers);

// "30000:120000" or "30000:120000:1000", as a declaration is written.
std::string lever_bounds_text(const Lever& lever);

}  // namespace gapsim
