// The mapping from a study's design to the values of a scenario variant.
#include "study/study_inputs.hpp"

#include <algorithm>

#include "study/scenario_variants.hpp"

namespace gapsim {

std::vector<int> design_groups(const std::vector<UncertainInput>& inputs) {
  std::vector<int> groups;
  for (const UncertainInput& input : inputs) {
    groups.push_back(input.attack_path ? static_cast<int>(k_path_uniforms) : 1);
  }
  return groups;
}

int design_dimensions(const std::vector<UncertainInput>& inputs) {
  const std::vector<int> groups = design_groups(inputs);
  int dims = 0;
  for (const int size : groups) {
    dims += size;
  }
  return dims;
}

void unit_to_values(const std::vector<UncertainInput>& inputs, std::span<double> values) {
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].attack_path) {  // the last input: its uniforms move one place up
      std::copy_backward(values.begin() + i, values.begin() + i + k_path_uniforms,
                         values.begin() + i + 1 + k_path_uniforms);
      values[i] = 0.0;  // a drawn path, from the uniforms that follow
    } else {
      values[i] = inputs[i].distribution.quantile(values[i]);
    }
  }
}

std::vector<double> values_at(const std::vector<UncertainInput>& inputs, std::optional<std::size_t> moved, double q) {
  std::vector<double> values;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const double probability = moved == i ? q : 0.5;
    if (inputs[i].attack_path) {
      values.push_back(probability);  // the path at this probability in every year
      values.insert(values.end(), k_path_uniforms, 0.5);
    } else {
      values.push_back(inputs[i].distribution.quantile(probability));
    }
  }
  return values;
}

double shown_value(const ScenarioVariants& variants, const std::vector<UncertainInput>& inputs, std::size_t i,
                   std::span<const double> values, double year) {
  if (!inputs[i].attack_path) {
    return values[i];
  }
  return variants.attack_path_probability(values.subspan(i, k_attack_path_values), year);
}

}  // namespace gapsim
