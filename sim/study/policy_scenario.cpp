// Loading a scenario with its levers.
#include "study/policy_scenario.hpp"

#include <algorithm>

#include "io/input_error.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

// The value the scenario gives `key`: its number, or its schedule's point at key.at.
double written_value(const RawScenario& raw, const VariedKey& key) {
  const std::string text = value_text(raw, key.key);
  if (key.at) {
    const auto points = parse_points(text);  // varied_key_problem found the point
    for (const auto& [time, value] : *points) {
      if (time == *key.at) {
        return value;
      }
    }
  }
  return *parse_number(text);  // a number, or a schedule that is one constant
}

}  // namespace

PolicyScenario::PolicyScenario(const std::string& path, const ReadFile& read)
    : raw(load_scenario(path, read)),
      variants(raw, read),
      inputs(read_uncertain_inputs(raw, variants.base())),
      levers(read_levers(raw, variants.base(), inputs)) {
  if (levers.empty()) {
    throw_input_error(raw.path, 1, "levers",
                      "nothing to choose: the scenario declares no [levers] (e.g. programme.NAME.intake@YEAR = "
                      "LOWER:UPPER)");
  }
  std::vector<VariedKey> keys = varied_keys(inputs);
  for (const Lever& lever : levers) {
    keys.push_back(lever.key);
    written.push_back(written_value(raw, lever.key));
  }
  const bool attack_path = !inputs.empty() && inputs.back().attack_path;
  variants.vary(std::move(keys), VariantBuild::set_fields, attack_path);
}

std::size_t PolicyScenario::future_width() const { return variants.value_count() - levers.size(); }

void PolicyScenario::combine(std::span<const double> future, std::span<const double> lever_values,
                             std::span<double> values) const {
  const std::size_t keys = variants.keys().size() - levers.size();  // uncertain keys
  std::copy_n(future.begin(), keys, values.begin());
  std::copy_n(lever_values.begin(), levers.size(), values.begin() + static_cast<std::ptrdiff_t>(keys));
  std::copy(future.begin() + static_cast<std::ptrdiff_t>(keys), future.end(),
            values.begin() + static_cast<std::ptrdiff_t>(keys + levers.size()));
}

}  // namespace gapsim
