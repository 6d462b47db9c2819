// A sweep: a scenario run at every point of a grid of key values, and its tidy CSV.
#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"
#include "io/varied_key.hpp"
#include "model/results.hpp"
#include "model/scenario_config.hpp"

namespace gapsim {

class ScenarioVariants;

// The most values one axis may have, and the most points (runs) a whole grid may have: a
// sweep keeps every point's table in memory (about 2.6 kB a point for the baseline's annual
// table of every variable), so a grid past this is a typing mistake, not a study.
inline constexpr std::int64_t k_max_axis_values = 1'000'000;
inline constexpr std::int64_t k_max_sweep_points = 1'000'000;

struct SweepAxis {
  VariedKey key;
  std::vector<double> values;
};

// "KEY=FROM:TO:STEP" (KEY may be KEY@YEAR): FROM, FROM + STEP, ... up to TO (inclusive when
// it lands within rounding), each rounded to 12 significant digits so 0.1 steps give 0.3,
// not 0.30000000000000004. The error says what is wrong with the text.
std::expected<SweepAxis, std::string> parse_sweep_axis(std::string_view text);

// The points of a sweep: every combination of the axes' values, the last axis varying fastest.
class SweepGrid {
 public:
  // Checks each axis against the scenario `raw` built as `base` (the key can vary, is swept
  // once, every value is in its range) and the size of the grid (at most k_max_sweep_points,
  // counted without overflow). The error names the axis ("LABEL: what") or the sizes
  // ("1000 x 2000 values: more grid points than the maximum of 1000000").
  static std::expected<SweepGrid, std::string> make(std::vector<SweepAxis> axes, const RawScenario& raw,
                                                    const BuiltScenario& base);

  const std::vector<SweepAxis>& axes() const { return m_axes; }
  std::vector<VariedKey> keys() const;
  std::int64_t points() const { return m_points; }
  // The values of point `index` (one per axis) into `values`; allocates nothing.
  // REQUIRES: 0 <= index < points(), values.size() == axes().size().
  void values(std::int64_t index, std::span<double> values) const;

 private:
  explicit SweepGrid(std::vector<SweepAxis> axes, std::int64_t points) : m_axes(std::move(axes)), m_points(points) {}
  std::vector<SweepAxis> m_axes;
  std::int64_t m_points = 0;
};

struct SweepOptions {
  std::vector<Column> series;  // variables kept per point and report step (empty: every one)
  int threads = 1;             // worker threads, >= 1
};

struct SweepResult {
  std::vector<Column> series;        // the variables kept
  std::vector<double> report_times;  // the time of each report row (from a run of the scenario as written)
  ReportStep report = ReportStep::annual;
  std::vector<double> table;  // points x report rows x series, point-major
};

// Runs `variants` (which must vary grid.keys(), see ScenarioVariants::vary) at every grid
// point on `options.threads` threads; progress(done) is called from this thread. The result
// does not depend on the thread count.
SweepResult run_sweep(const ScenarioVariants& variants, const SweepGrid& grid, const SweepOptions& options,
                      const std::function<void(std::int64_t)>& progress);

// One column per axis, then year[,month],variable,value: one row per point, report step and
// variable, in grid order.
std::string sweep_csv(const SweepGrid& grid, const SweepResult& result);

}  // namespace gapsim
