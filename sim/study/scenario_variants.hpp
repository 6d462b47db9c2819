// A scenario with some of its numbers changed: the inputs that vary between the runs of a
// Monte Carlo study, a sweep, a sensitivity analysis or a calibration. Every value passes the
// range check of its key, as in a file.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fit/trend_path_draw.hpp"
#include "io/config_fields.hpp"
#include "io/key_schema.hpp"
#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"
#include "io/varied_key.hpp"
#include "model/exogenous.hpp"
#include "model/results.hpp"

namespace gapsim {

// How a variant is made. set_fields writes the values into the built configuration and
// recomputes only the exogenous series that depend on them (io/config_fields); rebuild
// writes them into the scenario's text and builds it again, as a file would be. Both give the
// same bits; set_fields is used whenever every varied key has a field.
enum class VariantBuild { set_fields, rebuild };

// The values that set a fitted attack path, after the keys' values: first a predictive
// probability q in (0, 1) for the path at q in every year (QuantilePath: the tornado's ends,
// the medians), or 0 for a drawn path; then the k_path_uniforms uniforms of the draw.
inline constexpr std::size_t k_attack_path_values = 1 + k_path_uniforms;

class ScenarioVariants {
 public:
  // Builds `raw` as written (reading its files once, fitting any attack trend once).
  // Throws InputError as build_scenario does.
  ScenarioVariants(const RawScenario& raw, const ReadFile& read);

  // Chooses the keys that inputs() sets, and whether it sets the attack path too.
  // REQUIRES: every key passes varied_key_problem; attack_path only for a fitted trend
  // and no attack.* key among `keys`.
  void vary(std::vector<VariedKey> keys, VariantBuild how = VariantBuild::set_fields, bool attack_path = false);

  const BuiltScenario& base() const { return m_base; }
  // A run of the scenario as written (the reference of bands, the report times of sweeps).
  Results run_base() const;
  const std::vector<VariedKey>& keys() const { return m_keys; }
  bool varies_attack_path() const { return m_attack_path; }
  // How many values inputs() takes: one per key, then k_attack_path_values for the path.
  std::size_t value_count() const { return m_keys.size() + (m_attack_path ? k_attack_path_values : 0); }
  // The predictive probability, in `year`, of the attack path that `path_values` (the last
  // k_attack_path_values of inputs()'s values) set: the same in every year for a QuantilePath.
  double attack_path_probability(std::span<const double> path_values, double year) const;
  // How inputs() makes a variant: rebuild when asked, or when a key has no field.
  VariantBuild build_kind() const { return m_how; }

  // The exogenous inputs of the scenario with keys()[i] set to values[i] (and the attack path
  // set by the values after them, when it varies). Throws InputError
  // naming the key (at its setting, or the top of the scenario for a default) when a value
  // is out of its range. Allocates nothing with set_fields. Copies of this object can make
  // variants in parallel.
  const ExogenousInputs& inputs(std::span<const double> values);
  // The configuration of the variant inputs() made last.
  const ScenarioConfig& config() const { return m_how == VariantBuild::set_fields ? m_config : m_built.config; }

 private:
  // set_fields: one varied key's field.
  struct FieldEdit {
    const ConfigField* field;
    const KeySpec* spec;
    std::size_t section = 0;               // index of its programme or event
    std::optional<std::size_t> point;      // KEY@YEAR: index of the schedule point
    std::pair<std::string, int> location;  // where a range error points
  };
  // rebuild: the setting a group of keys writes, a whole value or points of one schedule.
  struct TextEdit {
    std::string key;
    std::vector<std::pair<double, double>> points;              // schedule points as written (empty: a plain value)
    std::vector<std::pair<std::size_t, std::size_t>> point_of;  // (value index, point index)
    std::size_t value_index = 0;                                // for a plain value
  };

  void vary_fields();
  void vary_text();
  void set_fields(std::span<const double> values);
  // Sets the attack path and recomputes the series of `changed` with it.
  void set_attack_path(std::span<const double> path_values, ExogenousParts changed);
  void rebuild(std::span<const double> values);

  RawScenario m_raw;  // as written
  std::vector<VariedKey> m_keys;
  VariantBuild m_how = VariantBuild::set_fields;
  ReadFile m_read;      // serves the files the base build read, from memory
  TrendCache m_trends;  // fitted once by the base build, shared read-only by copies
  BuiltScenario m_base;

  std::vector<FieldEdit> m_field_edits;
  ExogenousParts m_changed = 0;  // the series the varied fields feed
  ScenarioConfig m_config;       // the base config with the varied fields set
  std::optional<ExogenousSeries> m_series;

  bool m_attack_path = false;
  std::shared_ptr<const TrendPathSampler> m_path_sampler;  // of a fitted trend; shared by copies
  std::shared_ptr<const PathGrid> m_path_grid;             // its curves at t_0 .. t_N
  std::vector<double> m_log_path;                          // ln V(t_n) of the last draw

  std::vector<TextEdit> m_text_edits;
  RawScenario m_trial;  // with the varied settings rewritten per build
  BuiltScenario m_built;
};

}  // namespace gapsim
