// The [uncertain] section of a scenario: a distribution for each number that is not known,
// checked against the key table and against the scenario that uses it.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"
#include "io/varied_key.hpp"
#include "stats/distribution.hpp"

namespace gapsim {

// The fitted attack trend's whole path as one uncertain input ("attack.path"): each run draws
// a path from the forecast's predictive distribution (fit/trend_path_draw.hpp), from
// k_path_uniforms coordinates of the study's design rather than from one value of a key.
inline constexpr std::string_view k_attack_path_label = "attack.path";

struct UncertainInput {
  VariedKey key;
  Distribution distribution;  // uniform(0, 1) for the attack path: its predictive probability
  std::string file;           // where it was declared ("" for the attack path by default)
  int line = 0;
  bool attack_path = false;
};

// "uniform(a, b)", "normal(mean, sd[, lo, hi])", "lognormal(mu, sigma[, lo, hi])",
// "triangular(min, mode, max)", "beta(alpha, beta[, min, max])", "choice(v1, v2, ...)" (equal
// weights) or "choice(v1:p1, v2:p2, ...)". Truncation bounds may be inf or -inf. The error
// says what is wrong with `text` (the caller adds file, line and key).
std::expected<Distribution, std::string> parse_distribution(std::string_view text);

// Every declaration of the [uncertain] section (settings "uncertain.KEY" or
// "uncertain.KEY@YEAR") but the overridden ones (overridden_declarations), sorted by key, then the attack path when the
// attack trend is fitted (attack.trend = fit) unless "attack.path = none" drops it ("attack.path = predictive" is the
// default, written out). Declarations are inherited through `extends` like
// any setting; "KEY = none" drops an inherited one. Throws InputError "FILE:LINE: uncertain.KEY: what"
// for a malformed or impossible distribution, a key that cannot vary (see
// varied_key_problem), or a distribution that can produce values outside the key's range.
std::vector<UncertainInput> read_uncertain_inputs(const RawScenario& raw, const BuiltScenario& base);

// A declaration inherited from a file that a later file of the extends chain overrides by
// setting the key's value (the whole schedule, for a KEY@YEAR declaration): the child's value
// wins and the declaration is dropped, unless that later file declares the key again.
struct OverriddenDeclaration {
  std::string label;  // "hiring.delay", "outsourcing.share@2030"
  RawSetting declaration;
  RawSetting value;  // the later setting that wins
};
std::vector<OverriddenDeclaration> overridden_declarations(const RawScenario& raw);

// One line for each: "FILE:LINE: KEY = VALUE overrides the uncertain declaration of KEY at
// FILE:LINE; the run uses VALUE (declare it again in this file to keep it uncertain)".
std::string overridden_declaration_text(const OverriddenDeclaration& overridden);

// The keys of `inputs` in order, the attack path left out.
std::vector<VariedKey> varied_keys(const std::vector<UncertainInput>& inputs);

}  // namespace gapsim
