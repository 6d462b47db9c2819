// Making variants of a scenario: by setting fields of the built configuration, or by
// rebuilding it from rewritten text.
#include "study/scenario_variants.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "fit/fitted_trend.hpp"
#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"
#include "model/engine.hpp"

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

// The index of the programme or event that a key "programme.NAME.x" or "event.NAME.x" names.
std::size_t section_index(const ScenarioConfig& config, const std::string& key) {
  const std::size_t first_dot = key.find('.');
  const std::size_t last_dot = key.rfind('.');
  if (first_dot == last_dot) {
    return 0;
  }
  const std::string section = key.substr(0, first_dot);
  const std::string name = key.substr(first_dot + 1, last_dot - first_dot - 1);
  const auto index_of = [&name](const auto& list) {
    const auto it = std::find_if(list.begin(), list.end(), [&name](const auto& item) { return item.name == name; });
    return static_cast<std::size_t>(it - list.begin());
  };
  return section == "programme" ? index_of(config.programmes) : index_of(config.events);
}

}  // namespace

ScenarioVariants::ScenarioVariants(const RawScenario& raw, const ReadFile& read) : m_raw(raw) {
  auto files = std::make_shared<std::map<std::string, std::optional<std::string>>>();
  const ReadFile recording = [&read, files](const std::string& path) {
    auto it = files->find(path);
    if (it == files->end()) {
      it = files->emplace(path, read(path)).first;
    }
    return it->second;
  };
  m_base = build_scenario(raw, recording, &m_trends);
  if (const auto* fitted = dynamic_cast<const FittedTrend*>(m_base.config.attack.get())) {
    m_path_sampler = std::make_shared<const TrendPathSampler>(fitted->forecast());
    const ExogenousInputs times = make_exogenous_inputs(m_base.config);
    std::vector<double> grid_times;
    for (int n = 0; n <= times.steps; ++n) {  // t_0 .. t_N
      grid_times.push_back(times.time_at(n));
    }
    m_path_grid = std::make_shared<const PathGrid>(m_path_sampler->grid(grid_times));
    m_log_path.resize(grid_times.size());
  }
  // From here on only what the base build read is served, from memory and read-only.
  std::shared_ptr<const std::map<std::string, std::optional<std::string>>> frozen = files;
  m_read = [frozen](const std::string& path) -> std::optional<std::string> {
    auto it = frozen->find(path);
    return it == frozen->end() ? std::nullopt : it->second;
  };
}

void ScenarioVariants::vary(std::vector<VariedKey> keys, VariantBuild how, bool attack_path) {
  m_keys = std::move(keys);
  m_attack_path = attack_path && m_path_sampler != nullptr;
  const bool every_key_has_a_field = std::all_of(
      m_keys.begin(), m_keys.end(), [](const VariedKey& varied) { return find_config_field(varied.key) != nullptr; });
  m_how = every_key_has_a_field ? how : VariantBuild::rebuild;
  if (m_how == VariantBuild::set_fields) {
    vary_fields();
  } else {
    vary_text();
  }
}

void ScenarioVariants::vary_fields() {
  m_field_edits.clear();
  m_changed = 0;
  m_config = m_base.config;
  for (const VariedKey& varied : m_keys) {
    FieldEdit edit{
        find_config_field(varied.key), find_key_spec(varied.key), section_index(m_config, varied.key), {}, {}};
    if (varied.at) {
      const Schedule& schedule = *edit.field->schedule(m_config, edit.section);
      const auto& points = schedule.points();
      const auto it = std::find_if(points.begin(), points.end(), [&](const auto& p) { return p.first == *varied.at; });
      edit.point = static_cast<std::size_t>(it - points.begin());
    }
    const auto setting = m_raw.settings.find(varied.key);
    edit.location = setting != m_raw.settings.end() ? std::pair{setting->second.file, setting->second.line}
                                                    : std::pair{m_raw.path, 1};  // a default
    m_changed |= edit.field->parts;
    m_field_edits.push_back(std::move(edit));
  }
  m_series.emplace(m_config);
}

void ScenarioVariants::vary_text() {
  m_trial = m_raw;
  m_text_edits.clear();
  std::map<std::string, std::size_t> edit_of;  // setting key -> index in m_text_edits
  for (std::size_t i = 0; i < m_keys.size(); ++i) {
    const VariedKey& varied = m_keys[i];
    auto [it, fresh] = edit_of.emplace(varied.key, m_text_edits.size());
    if (fresh) {
      TextEdit edit{varied.key, {}, {}, i};
      if (varied.at) {
        edit.points = *parse_points(value_text(m_raw, varied.key));
      }
      m_text_edits.push_back(std::move(edit));
      RawSetting& setting = m_trial.settings[varied.key];
      if (setting.file.empty()) {  // a default: messages point at the top of the top file
        setting.file = m_raw.path;
        setting.line = 1;
      }
    }
    TextEdit& edit = m_text_edits[it->second];
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

const ExogenousInputs& ScenarioVariants::inputs(std::span<const double> values) {
  ExogenousParts changed = 0;
  if (m_how == VariantBuild::set_fields) {
    set_fields(values);
    changed = m_changed;
  } else {
    rebuild(values);
  }
  if (m_attack_path) {
    set_attack_path(values.subspan(m_keys.size(), k_attack_path_values), changed);
  } else if (changed != 0) {
    m_series->update(m_config, changed);
  }
  return m_series->inputs();
}

void ScenarioVariants::set_attack_path(std::span<const double> path_values, ExogenousParts changed) {
  if (path_values[0] > 0.0) {
    m_series->set_attack_trend(QuantilePath(m_path_sampler->forecast(), path_values[0]), config(), changed);
    return;
  }
  PathUniforms uniforms;
  std::copy_n(path_values.begin() + 1, k_path_uniforms, uniforms.begin());
  m_path_sampler->log_path(*m_path_grid, uniforms, m_log_path);
  m_series->set_log_attack_trend(m_log_path, config(), changed);
}

double ScenarioVariants::attack_path_probability(std::span<const double> path_values, double year) const {
  if (path_values[0] > 0.0) {
    return path_values[0];
  }
  PathUniforms uniforms;
  std::copy_n(path_values.begin() + 1, k_path_uniforms, uniforms.begin());
  return m_path_sampler->predictive_quantile(m_path_sampler->draw(uniforms), year);
}

void ScenarioVariants::set_fields(std::span<const double> values) {
  for (std::size_t i = 0; i < m_field_edits.size(); ++i) {
    const FieldEdit& edit = m_field_edits[i];
    const double value = values[i];
    if (!in_range(*edit.spec, value)) {  // the builder's messages for the same value in a file
      const std::string what =
          edit.field->schedule != nullptr ? "schedule value " + format_number(value) : format_number(value);
      throw_input_error(edit.location.first, edit.location.second, m_keys[i].key,
                        what + " is out of range (" + range_text(*edit.spec) + ")");
    }
    if (edit.field->number != nullptr) {
      *edit.field->number(m_config, edit.section) = value;
    } else {
      edit.field->schedule(m_config, edit.section)->set_value(edit.point.value_or(0), value);
    }
  }
}

void ScenarioVariants::rebuild(std::span<const double> values) {
  for (TextEdit& edit : m_text_edits) {
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
  m_series.emplace(m_built.config);
}

}  // namespace gapsim
