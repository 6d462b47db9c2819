// Rebuilding a scenario with varied numbers.
#include "io/scenario_variants.hpp"

#include <map>

#include "core/engine.hpp"
#include "core/exogenous.hpp"
#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

// The text a key has in the scenario: its setting, or the key table's default.
std::string value_text(const RawScenario& raw, const std::string& key) {
  if (auto it = raw.settings.find(key); it != raw.settings.end()) {
    return it->second.value;
  }
  return std::string(find_key_spec(key)->default_value);
}

std::string point_years(const std::vector<std::pair<double, double>>& points) {
  std::string out;
  for (const auto& [time, value] : points) {
    out += (out.empty() ? "" : ", ") + format_number(time);
  }
  return out;
}

std::string points_text(const std::vector<std::pair<double, double>>& points) {
  std::string out;
  for (const auto& [time, value] : points) {
    if (!out.empty()) {
      out += ", ";
    }
    out += format_number(time);
    out += ':';
    out += format_number(value);
  }
  return out;
}

}  // namespace

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

ScenarioVariants::ScenarioVariants(const RawScenario& raw, const ReadFile& read) : m_raw(raw), m_trial(raw) {
  auto files = std::make_shared<std::map<std::string, std::optional<std::string>>>();
  const ReadFile recording = [&read, files](const std::string& path) {
    auto it = files->find(path);
    if (it == files->end()) {
      it = files->emplace(path, read(path)).first;
    }
    return it->second;
  };
  m_base = build_scenario(raw, recording, &m_trends);
  // From here on only what the base build read is served, from memory and read-only.
  std::shared_ptr<const std::map<std::string, std::optional<std::string>>> frozen = files;
  m_read = [frozen](const std::string& path) -> std::optional<std::string> {
    auto it = frozen->find(path);
    return it == frozen->end() ? std::nullopt : it->second;
  };
}

void ScenarioVariants::vary(std::vector<VariedKey> keys) {
  const RawScenario& raw = m_raw;
  m_trial = m_raw;
  m_keys = std::move(keys);
  m_edits.clear();
  std::map<std::string, std::size_t> edit_of;  // setting key -> index in m_edits
  for (std::size_t i = 0; i < m_keys.size(); ++i) {
    const VariedKey& varied = m_keys[i];
    auto [it, fresh] = edit_of.emplace(varied.key, m_edits.size());
    if (fresh) {
      Edit edit{varied.key, {}, {}, i};
      if (varied.at) {
        edit.points = *parse_points(value_text(raw, varied.key));
      }
      m_edits.push_back(std::move(edit));
      RawSetting& setting = m_trial.settings[varied.key];
      if (setting.file.empty()) {  // a default: messages point at the top of the top file
        setting.file = raw.path;
        setting.line = 1;
      }
    }
    Edit& edit = m_edits[it->second];
    if (varied.at) {
      for (std::size_t p = 0; p < edit.points.size(); ++p) {
        if (edit.points[p].first == *varied.at) {
          edit.point_of.emplace_back(i, p);
        }
      }
    }
  }
}

Results ScenarioVariants::run_base() const {
  Workspace workspace;
  Results results;
  Engine::run(make_exogenous_inputs(m_base.config), workspace, results);
  return results;
}

const BuiltScenario& ScenarioVariants::build(std::span<const double> values) {
  for (Edit& edit : m_edits) {
    std::string& text = m_trial.settings[edit.key].value;
    if (edit.point_of.empty()) {
      text = format_number(values[edit.value_index]);
      continue;
    }
    for (const auto& [value_index, point_index] : edit.point_of) {
      edit.points[point_index].second = values[value_index];
    }
    text = points_text(edit.points);
  }
  m_built = build_scenario(m_trial, m_read, &m_trends, Provenance::skip);
  return m_built;
}

}  // namespace gapsim
