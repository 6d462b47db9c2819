// Rebuilding a scenario with varied numbers.
#include "study/scenario_variants.hpp"

#include <map>

#include "model/engine.hpp"
#include "model/exogenous.hpp"
#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

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
