// The centre check of uncertain declarations (docs/MODEL.md, section 14.1).
#include "io/declaration_centre.hpp"

#include <cmath>

#include "io/number_format.hpp"
#include "io/value_parser.hpp"
#include "io/varied_key.hpp"

namespace gapsim {

std::optional<std::string> off_centre_text(const RawScenario& raw, const UncertainInput& input) {
  if (input.attack_path) {
    return std::nullopt;
  }
  const auto points = parse_points(value_text(raw, input.key.key));
  if (!points) {
    return std::nullopt;  // not a number: varied_key_problem has refused it already
  }
  std::optional<double> value;
  for (const auto& [time, point] : *points) {
    if (!input.key.at ? points->size() == 1 : time == *input.key.at) {
      value = point;
    }
  }
  if (!value) {
    return std::nullopt;
  }
  const Distribution& d = input.distribution;
  const double median = d.median();
  const double spread = d.quantile(0.95) - d.quantile(0.05);
  if (std::abs(*value - median) <= k_centre_tolerance * spread) {
    return std::nullopt;
  }
  return input.key.label + " is " + format_number(*value) + " in the scenario but the median of its declaration " +
         d.text() + " (" + input.file + ":" + std::to_string(input.line) + ") is " + format_number(median) +
         ": the deterministic run is not the centre of the study; declare a distribution whose median is the "
         "value, or set the value to the median";
}

}  // namespace gapsim
