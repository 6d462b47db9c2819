// Which scenario keys a study may vary.
#include "io/varied_key.hpp"

#include "io/key_schema.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

std::string point_years(const std::vector<std::pair<double, double>>& points) {
  std::string out;
  for (const auto& [time, value] : points) {
    out += (out.empty() ? "" : ", ") + format_number(time);
  }
  return out;
}

}  // namespace

std::string value_text(const RawScenario& raw, const std::string& key) {
  if (auto it = raw.settings.find(key); it != raw.settings.end()) {
    return it->second.value;
  }
  return std::string(find_key_spec(key)->default_value);
}

std::optional<VariedKey> parse_varied_key(std::string_view text) {
  VariedKey varied{std::string(trim(text)), std::nullopt, std::string(trim(text))};
  const std::size_t at = varied.key.find('@');
  if (at != std::string::npos) {
    const auto year = parse_number(varied.key.substr(at + 1));
    if (!year) {
      return std::nullopt;
    }
    varied.at = *year;
    varied.key.resize(at);
  }
  return varied;
}

std::string varied_key_problem(const RawScenario& raw, const BuiltScenario& base, const VariedKey& varied) {
  const std::string& key = varied.key;
  const KeySpec* spec = find_key_spec(key);
  if (spec == nullptr) {
    return "unknown key '" + key + "' (did you mean '" + closest_key(key) + "'?)";
  }
  if (spec->type != KeyType::number && spec->type != KeyType::integer && spec->type != KeyType::schedule) {
    return "'" + key + "' is not a number; only number, whole-number and schedule keys can vary";
  }
  if (key == "time.start_year" || key == "time.end_year") {
    return "'" + key + "' sets the years reported, which every run of a study shares; it cannot vary";
  }
  bool used = false;
  for (const ResolvedSetting& setting : base.resolved) {
    used = used || setting.key == key;
  }
  if (!used) {
    return "'" + key + "' is not used by this scenario (no such section, or another setting turns it off)";
  }
  if (spec->type != KeyType::schedule) {
    return varied.at ? "'" + key + "' is not a schedule, so it has no points (drop the '@')" : "";
  }
  const std::string text = value_text(raw, key);
  const bool constant = text.find(':') == std::string::npos;
  const auto points = parse_points(text);
  if (!points) {
    return "";  // the base build has already rejected a malformed schedule
  }
  if (!varied.at) {
    return constant ? ""
                    : "'" + key + "' is a schedule with " + std::to_string(points->size()) +
                          " points; vary one point as '" + key + "@YEAR' (points at " + point_years(*points) + ")";
  }
  if (constant) {
    return "'" + key + "' is one constant value, so it has no points (vary it as '" + key + "')";
  }
  for (const auto& point : *points) {
    if (point.first == *varied.at) {
      return "";
    }
  }
  return "'" + key + "' has no point at " + format_number(*varied.at) + " (points at " + point_years(*points) + ")";
}

std::expected<VariedKey, std::string> checked_varied_key(const RawScenario& raw, const BuiltScenario& base,
                                                         std::string_view text) {
  const auto varied = parse_varied_key(text);
  if (!varied) {
    return std::unexpected("the part after '@' must be a year (KEY@YEAR)");
  }
  if (std::string problem = varied_key_problem(raw, base, *varied); !problem.empty()) {
    return std::unexpected(std::move(problem));
  }
  return *varied;
}

}  // namespace gapsim
