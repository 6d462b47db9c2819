// A scenario rebuilt with some of its numbers changed: the inputs that vary between the runs
// of a Monte Carlo study, a sweep or a sensitivity analysis. Every variant goes through the
// scenario builder, so every range and consistency check applies to it as to a file.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/results.hpp"
#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"
#include "io/varied_key.hpp"

namespace gapsim {

class ScenarioVariants {
 public:
  // Builds `raw` as written (reading its files once, fitting any attack trend once).
  // Throws InputError as build_scenario does.
  ScenarioVariants(const RawScenario& raw, const ReadFile& read);

  // Chooses the keys that build() sets. REQUIRES: every key passes varied_key_problem.
  void vary(std::vector<VariedKey> keys);

  const BuiltScenario& base() const { return m_base; }
  // A run of the scenario as written (the reference of bands, the report times of sweeps).
  Results run_base() const;
  const std::vector<VariedKey>& keys() const { return m_keys; }

  // The scenario with keys()[i] set to values[i], its `resolved` left empty (base() has the
  // provenance). Throws InputError naming the key when a value is out of its range. Copies
  // of this object can build in parallel.
  const BuiltScenario& build(std::span<const double> values);

 private:
  // The setting a group of keys writes: a whole value, or points of one schedule.
  struct Edit {
    std::string key;
    std::vector<std::pair<double, double>> points;  // schedule points as written (empty: a plain value)
    std::vector<std::pair<std::size_t, std::size_t>> point_of;  // (value index, point index)
    std::size_t value_index = 0;                                // for a plain value
  };

  RawScenario m_raw;    // as written
  RawScenario m_trial;  // with the varied settings rewritten per build
  std::vector<VariedKey> m_keys;
  std::vector<Edit> m_edits;
  ReadFile m_read;      // serves the files the base build read, from memory
  TrendCache m_trends;  // fitted once by the base build, shared read-only by copies
  BuiltScenario m_base;
  BuiltScenario m_built;
};

}  // namespace gapsim
