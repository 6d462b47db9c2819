// Parsing and checking of lever declarations.
#include "io/lever.hpp"

#include <algorithm>
#include <cmath>

#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

constexpr std::string_view k_section = "levers.";

// "LOWER:UPPER[:STEP]" split at its colons.
std::vector<std::string_view> split_at_colons(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t colon = text.find(':'); colon != std::string_view::npos; colon = text.find(':', start)) {
    parts.push_back(trim(text.substr(start, colon - start)));
    start = colon + 1;
  }
  parts.push_back(trim(text.substr(start)));
  return parts;
}

}  // namespace

double Lever::snapped(double value) const {
  const double clamped = std::clamp(value, lower, upper);
  if (!step) {
    return clamped;
  }
  const double steps = std::floor((upper - lower) / *step + 1e-9);  // the last grid value within the bounds
  return round_to_12_digits(lower + std::clamp(std::round((clamped - lower) / *step), 0.0, steps) * *step);
}

std::vector<Lever> read_levers(const RawScenario& raw, const BuiltScenario& base,
                               const std::vector<UncertainInput>& uncertain) {
  std::vector<Lever> levers;
  for (const auto& [setting_key, setting] : raw.settings) {
    if (!setting_key.starts_with(k_section)) {
      continue;
    }
    const auto fail = [&](const std::string& what) {
      throw_input_error(setting.file, setting.line, setting_key, what);
    };
    const auto varied = checked_varied_key(raw, base, setting_key.substr(k_section.size()));
    if (!varied) {
      fail(varied.error());
    }
    for (const UncertainInput& input : uncertain) {
      if (!input.attack_path && input.key.key == varied->key) {
        fail("'" + varied->key + "' is declared uncertain at " + input.file + ":" + std::to_string(input.line) +
             "; a key is either a lever (a choice) or uncertain (not known), not both");
      }
    }
    const std::vector<std::string_view> parts = split_at_colons(setting.value);
    std::vector<double> numbers;
    for (std::string_view part : parts) {
      const auto number = parse_number(part);
      if (parts.size() < 2 || parts.size() > 3 || !number) {
        fail(gapsim::quoted(setting.value) + " is not LOWER:UPPER or LOWER:UPPER:STEP");
      }
      numbers.push_back(*number);
    }
    Lever lever{*varied, numbers[0], numbers[1], std::nullopt, setting.file, setting.line};
    if (!(lever.lower < lever.upper)) {
      fail("the lower bound " + format_number(lever.lower) + " is not below the upper bound " +
           format_number(lever.upper));
    }
    const KeySpec& spec = *find_key_spec(varied->key);
    for (const double bound : {lever.lower, lever.upper}) {
      if (!in_range(spec, bound)) {
        fail("the bound " + format_number(bound) + " is outside the key's range (" + range_text(spec) + ")");
      }
    }
    if (numbers.size() == 3) {
      const double step = numbers[2];
      if (!(step > 0.0) || step > lever.upper - lever.lower) {
        fail("the step " + format_number(step) + " must be above 0 and at most UPPER - LOWER (" +
             format_number(lever.upper - lever.lower) + ")");
      }
      lever.step = step;
    }
    if (spec.type == KeyType::integer &&
        (!lever.step || *lever.step != std::round(*lever.step) || lever.lower != std::round(lever.lower))) {
      fail("'" + varied->key + "' is a whole number; give whole bounds and a whole step (LOWER:UPPER:1)");
    }
    levers.push_back(std::move(lever));
  }
  return levers;
}

std::vector<VariedKey> lever_keys(const std::vector<Lever>& levers) {
  std::vector<VariedKey> keys;
  for (const Lever& lever : levers) {
    keys.push_back(lever.key);
  }
  return keys;
}

std::string lever_bounds_text(const Lever& lever) {
  return format_number(lever.lower) + ":" + format_number(lever.upper) +
         (lever.step ? ":" + format_number(*lever.step) : std::string());
}

}  // namespace gapsim
