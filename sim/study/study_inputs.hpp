// How the uncertain inputs of a study become the values ScenarioVariants::inputs takes: a key
// takes one coordinate of the study's design through its distribution's quantile function;
// the fitted attack path takes k_path_uniforms coordinates as they are and draws a path.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "io/uncertainty.hpp"

namespace gapsim {

// Design coordinates of each input (1 for a key, k_path_uniforms for the attack path), and
// their sum.
std::vector<int> design_groups(const std::vector<UncertainInput>& inputs);
int design_dimensions(const std::vector<UncertainInput>& inputs);

// Turns the unit point of the design held in the first design_dimensions(inputs) of
// `values` into the values of ScenarioVariants::inputs (the keys, then the attack path's
// values), in place. REQUIRES: the attack path, if any, is the last input
// (read_uncertain_inputs puts it there). Allocates nothing.
void unit_to_values(const std::vector<UncertainInput>& inputs, std::span<double> values);

// The values with every input at its median and input `moved` (if given) at probability `q`:
// a key at its quantile, the attack path at the path of predictive probability q.
std::vector<double> values_at(const std::vector<UncertainInput>& inputs, std::optional<std::size_t> moved = {},
                              double q = 0.5);

// The value a runs table shows for input `i` among `values`: the key's value, or for the
// attack path its predictive probability in `year`.
class ScenarioVariants;
double shown_value(const ScenarioVariants& variants, const std::vector<UncertainInput>& inputs, std::size_t i,
                   std::span<const double> values, double year);

}  // namespace gapsim
