// Sweep grids: parsing the axes, indexing the points, running them and writing the table.
#include "study/sweep.hpp"

#include <cassert>
#include <charconv>
#include <cmath>

#include "io/csv_writer.hpp"
#include "io/key_schema.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"
#include "study/scenario_variants.hpp"
#include "study/variant_runs.hpp"

namespace gapsim {

std::expected<SweepAxis, std::string> parse_sweep_axis(std::string_view text) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    return std::unexpected("expected KEY=FROM:TO:STEP");
  }
  const auto key = parse_varied_key(text.substr(0, equals));
  if (!key) {
    return std::unexpected("the part after '@' must be a year");
  }
  const std::string_view range = text.substr(equals + 1);
  const std::size_t colon1 = range.find(':');
  const std::size_t colon2 = colon1 == std::string_view::npos ? colon1 : range.find(':', colon1 + 1);
  if (colon2 == std::string_view::npos) {
    return std::unexpected("expected KEY=FROM:TO:STEP");
  }
  const auto from = parse_number(range.substr(0, colon1));
  const auto to = parse_number(range.substr(colon1 + 1, colon2 - colon1 - 1));
  const auto step = parse_number(range.substr(colon2 + 1));
  if (!from || !to || !step) {
    return std::unexpected("FROM, TO and STEP must be numbers");
  }
  if (!(*step > 0.0) || *to < *from) {
    return std::unexpected("needs STEP > 0 and FROM <= TO");
  }
  // In floating point, and compared before any conversion: an infinite or NaN count (an
  // infinite FROM or TO) must be refused, not converted.
  const double count = std::floor((*to - *from) / *step * (1.0 + 1e-12)) + 1.0;
  if (!(count <= static_cast<double>(k_max_axis_values))) {
    return std::unexpected("more than a million values");
  }
  SweepAxis axis{*key, {}};
  for (std::int64_t k = 0; k < static_cast<std::int64_t>(count); ++k) {
    axis.values.push_back(round_to_12_digits(*from + static_cast<double>(k) * *step));
  }
  return axis;
}

std::expected<SweepGrid, std::string> SweepGrid::make(std::vector<SweepAxis> axes, const RawScenario& raw,
                                                      const BuiltScenario& base) {
  std::int64_t points = 1;
  for (std::size_t a = 0; a < axes.size(); ++a) {
    const SweepAxis& axis = axes[a];
    const std::string where = axis.key.label + ": ";
    if (const std::string problem = varied_key_problem(raw, base, axis.key); !problem.empty()) {
      return std::unexpected(where + problem);
    }
    for (std::size_t earlier = 0; earlier < a; ++earlier) {
      if (axes[earlier].key.label == axis.key.label) {
        return std::unexpected(where + "swept twice");
      }
    }
    const KeySpec& spec = *find_key_spec(axis.key.key);
    for (const double value : axis.values) {
      if (!in_range(spec, value)) {
        return std::unexpected(where + format_number(value) + " is out of range (" + range_text(spec) + ")");
      }
    }
    const auto size = static_cast<std::int64_t>(axis.values.size());
    if (size > k_max_sweep_points / points) {  // points * size > the maximum, without computing it
      std::string sizes;
      for (const SweepAxis& each : axes) {
        sizes += (sizes.empty() ? "" : " x ") + std::to_string(each.values.size());
      }
      return std::unexpected(sizes + " values: more grid points than the maximum of " +
                             std::to_string(k_max_sweep_points));
    }
    points *= size;
  }
  return SweepGrid(std::move(axes), points);
}

std::vector<VariedKey> SweepGrid::keys() const {
  std::vector<VariedKey> keys;
  for (const SweepAxis& axis : m_axes) {
    keys.push_back(axis.key);
  }
  return keys;
}

void SweepGrid::values(std::int64_t index, std::span<double> values) const {
  assert(index >= 0 && index < m_points && values.size() == m_axes.size());
  for (std::size_t a = m_axes.size(); a-- > 0;) {
    const auto size = static_cast<std::int64_t>(m_axes[a].values.size());
    values[a] = m_axes[a].values[static_cast<std::size_t>(index % size)];
    index /= size;
  }
}

SweepResult run_sweep(const ScenarioVariants& variants, const SweepGrid& grid, const SweepOptions& options,
                      const std::function<void(std::int64_t)>& progress) {
  SweepResult result;
  result.series = options.series;
  if (result.series.empty()) {
    for (int c = 1; c < k_column_count; ++c) {
      result.series.push_back(static_cast<Column>(c));
    }
  }
  const Results base = variants.run_base();  // its report times label the rows
  const int rows = base.rows();
  for (int r = 0; r < rows; ++r) {
    result.report_times.push_back(base.at(r, Column::time));
  }
  result.report = variants.base().config.time.report;
  const auto width = static_cast<std::int64_t>(result.series.size());
  result.table.assign(static_cast<std::size_t>(grid.points() * rows * width), 0.0);
  run_variants(
      variants, 0, grid.points(), options.threads,
      [&](std::int64_t index, std::span<double> values) { grid.values(index, values); },
      [&](int, std::int64_t index, const Results& results) {
        double* out = result.table.data() + index * rows * width;
        for (int r = 0; r < rows; ++r) {
          for (const Column column : result.series) {
            *out++ = results.at(r, column);
          }
        }
      },
      progress);
  return result;
}

std::string sweep_csv(const SweepGrid& grid, const SweepResult& result) {
  std::string csv;
  for (const SweepAxis& axis : grid.axes()) {
    csv += axis.key.label + ",";
  }
  csv += report_time_header(result.report) + ",variable,value\n";
  std::vector<std::string> times;
  for (const double time : result.report_times) {
    times.push_back(report_time_cells(time, result.report));
  }
  std::vector<double> values(grid.axes().size());
  const double* cell = result.table.data();
  for (std::int64_t index = 0; index < grid.points(); ++index) {
    grid.values(index, values);
    std::string prefix;
    for (const double value : values) {
      prefix += format_number(value);
      prefix += ',';
    }
    for (const std::string& time : times) {
      for (const Column column : result.series) {
        csv += prefix;
        csv += time;
        csv += ',';
        csv += column_name(column);
        csv += ',';
        csv += format_number(*cell++);
        csv += '\n';
      }
    }
  }
  return csv;
}

}  // namespace gapsim
