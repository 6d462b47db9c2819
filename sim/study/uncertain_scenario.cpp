// Loading a scenario with its uncertain inputs.
#include "study/uncertain_scenario.hpp"

#include "io/input_error.hpp"

namespace gapsim {

UncertainScenario::UncertainScenario(const std::string& path, const ReadFile& read)
    : raw(load_scenario(path, read)), variants(raw, read), inputs(read_uncertain_inputs(raw, variants.base())) {
  if (inputs.empty()) {
    throw_input_error(raw.path, 1, "uncertain", "nothing to vary: the scenario declares no [uncertain] inputs");
  }
  const bool attack_path = inputs.back().attack_path;  // always the last when declared
  variants.vary(varied_keys(inputs), VariantBuild::set_fields, attack_path);
}

}  // namespace gapsim
