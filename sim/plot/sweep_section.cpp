// Figures of sweep directories.
#include "plot/sweep_section.hpp"

#include <algorithm>
#include <cmath>

#include "plot/run_figures.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;

// A colour-blind-safe sequential palette (viridis), dark for low values.
const std::string k_viridis =
    "set palette defined (0 \"#440154\", 0.25 \"#3B528B\", 0.5 \"#21908C\", 0.75 \"#5DC863\", 1 \"#FDE725\")\n";

// How a variable is scaled for its axis: persons in thousands, yen in billions, the others as they are.
struct Scale {
  std::string divisor;
  std::string unit;
};

Scale scale_of(const std::string& variable) {
  if (variable.starts_with("cost")) {
    return {"1e9", "billion yen"};
  }
  if (variable == "attack_volume" || variable == "threat_index" || variable == "outsourced_share") {
    return {"1", "its unit"};
  }
  return {"1000", "thousand persons"};
}

// The shape of a sweep table: keys first, then the time columns, variable, value; each grid
// point's rows together, the first key outermost.
struct SweepShape {
  std::vector<std::string> keys;
  std::vector<std::vector<std::string>> values;  // per key, in the grid's order
  std::size_t points = 1;
  std::size_t rows_per_point = 0;
  bool monthly = false;
};

SweepShape shape_of(const CsvTable& table) {
  SweepShape shape;
  const std::size_t year = table.column("year").value_or(0);
  for (std::size_t k = 0; k < year; ++k) {
    shape.keys.push_back(table.header[k]);
    shape.values.push_back(distinct_values(table, table.header[k]));
    shape.points *= std::max<std::size_t>(1, shape.values.back().size());
  }
  shape.rows_per_point = table.rows.size() / shape.points;
  shape.monthly = table.column("month").has_value();
  return shape;
}

Figure lines_figure(const SweepShape& shape, const std::string& variable, std::size_t variable_offset,
                    std::size_t variables) {
  const Scale scale = scale_of(variable);
  const std::string& key = shape.keys.front();
  std::vector<std::string> lines;
  for (std::size_t p = 0; p < shape.points; ++p) {
    const std::size_t first = p * shape.rows_per_point + variable_offset;
    const std::size_t last = (p + 1) * shape.rows_per_point - 1;
    lines.push_back(gnuplot_string("../sweep.csv") + " every " + std::to_string(variables) +
                    "::" + std::to_string(first) + "::" + std::to_string(last) + " using " + time_axis(shape.monthly) +
                    ":(column(\"value\") / " + scale.divisor + "):(column(" + gnuplot_string(key) +
                    ")) with lines lc palette lw 2 notitle");
  }
  Figure figure;
  figure.name = "sweep_" + variable;
  figure.title = variable + " over the years, one line per value of " + key;
  figure.caption = variable + " (" + scale.unit + ") at each report step, one line per value of " + key +
                   ", coloured by the value (scale on the right).";
  figure.body = "set xlabel \"Year\"\nset ylabel " + gnuplot_string(variable + " [" + scale.unit + "]") +
                " noenhanced\nset cblabel " + gnuplot_string(key) + " noenhanced\n" + k_viridis +
                "set format cb \"%g\"\n" + plot_lines(lines);
  return figure;
}

// The gap between neighbouring values of a key, for the width of a heat-map cell.
double cell_width(const std::vector<std::string>& values) {
  return values.size() > 1 ? std::abs(std::stod(values[1]) - std::stod(values[0])) : 1.0;
}

Figure heat_map_figure(const SweepShape& shape, const std::string& variable, const std::string& year,
                       std::size_t row_offset) {
  const Scale scale = scale_of(variable);
  std::size_t stride = shape.rows_per_point;
  for (std::size_t k = 2; k < shape.keys.size(); ++k) {
    stride *= shape.values[k].size();
  }
  const std::string every = " every " + std::to_string(stride) + "::" + std::to_string(row_offset);
  const std::string x = "(column(" + gnuplot_string(shape.keys[0]) + "))";
  const std::string y = "(column(" + gnuplot_string(shape.keys[1]) + "))";
  const std::string value = "(column(\"value\") / " + scale.divisor + ")";
  const std::string data = gnuplot_string("../sweep.csv");
  std::vector<std::string> layers = {data + every + " using " + x + ":" + y + ":(" +
                                     std::to_string(cell_width(shape.values[0]) / 2) + "):(" +
                                     std::to_string(cell_width(shape.values[1]) / 2) + "):" + value +
                                     " with boxxyerror fs solid 1.0 noborder lc palette notitle"};
  const std::size_t cells = shape.values[0].size() * shape.values[1].size();
  if (cells <= 100) {
    layers.push_back(data + every + " using " + x + ":" + y + ":(grouped(" + value +
                     ")) with labels boxed font \",9\" notitle");
  }
  std::string others;
  for (std::size_t k = 2; k < shape.keys.size(); ++k) {
    others += (others.empty() ? " The other keys at their first values: " : ", ") + shape.keys[k] + " = " +
              shape.values[k].front();
  }
  Figure figure;
  figure.name = "sweep_heat_map";
  figure.title = variable + " in " + year + " over " + shape.keys[0] + " and " + shape.keys[1];
  figure.caption = variable + " (" + scale.unit + ") at 1 January " + year + " for every pair of values of " +
                   shape.keys[0] + " and " + shape.keys[1] + ", coloured by the value (scale on the right)" +
                   (cells <= 100 ? ", each cell labelled." : ".") + (others.empty() ? "" : others + ".");
  figure.group_y_tics = false;
  figure.body =
      "set xlabel " + gnuplot_string(shape.keys[0]) + " noenhanced\nset ylabel " + gnuplot_string(shape.keys[1]) +
      " noenhanced\nset cblabel " + gnuplot_string(variable + " [" + scale.unit + "]") +
      " noenhanced offset 1,0\nset xtics auto\nset format x \"%g\"\nset format y \"%g\"\nset format cb \"%g\"\n"
      "set grid noxtics noytics\nset style textbox opaque noborder\nset autoscale fix\n" +
      k_viridis + plot_lines(layers);
  return figure;
}

}  // namespace

bool is_sweep_directory(const fs::path& dir) { return fs::exists(dir / "sweep.csv"); }

ReportSection sweep_section(const fs::path& dir, FigureSet& set) {
  const CsvTable table = read_table(dir / "sweep.csv");
  const SweepShape shape = shape_of(table);
  const std::vector<std::string> variables = table.first_step_values("variable");
  set.dir = dir / "figures";
  std::string subtitle = "scenario " + dir.filename().string();
  for (std::size_t k = 0; k < shape.keys.size(); ++k) {
    subtitle += ", " + shape.keys[k] + " " + shape.values[k].front() + " to " + shape.values[k].back();
  }
  set.subtitle = subtitle;
  if (shape.keys.empty() || variables.empty() || shape.rows_per_point == 0) {
    return {"Sweep: " + dir.filename().string(), {}, {}};
  }
  // The shortage when the sweep wrote it, else the first variable.
  const auto found = std::find(variables.begin(), variables.end(), "shortage");
  const auto chosen = found != variables.end() ? found : variables.begin();
  const std::string variable = *chosen;
  const auto variable_offset = static_cast<std::size_t>(chosen - variables.begin());

  // The report year: 2030 when swept, else the last; the first month of it.
  const std::size_t year_column = table.column("year").value_or(0);
  const std::size_t variable_column = table.column("variable").value_or(0);
  const auto month_column = table.column("month");
  std::string year;
  std::size_t row_offset = 0;
  for (std::size_t r = 0; r < shape.rows_per_point; ++r) {
    const auto& row = table.rows[r];
    const bool first_month = !month_column || row.at(*month_column) == "1";
    if (row.at(variable_column) == variable && first_month && year != "2030") {
      year = row.at(year_column);
      row_offset = r;
    }
  }
  const Scale scale = scale_of(variable);
  const double divisor = std::stod(scale.divisor);
  std::vector<std::string> header = shape.keys;
  header.push_back(variable + " " + year + " [" + scale.unit + "]");
  ReportTable summary{variable + " in " + year + " at each point of the grid (at most 50 rows)", header, {}};
  for (std::size_t p = 0; p < shape.points && p < 50; ++p) {
    const auto& row = table.rows.at(p * shape.rows_per_point + row_offset);
    std::vector<std::string> cells(row.begin(), row.begin() + static_cast<long>(shape.keys.size()));
    cells.push_back(grouped_number(number_in(table, row, "value") / divisor, divisor == 1.0 ? 3 : 1));
    summary.rows.push_back(cells);
  }
  set.figures = {shape.keys.size() == 1 ? lines_figure(shape, variable, variable_offset, variables.size())
                                        : heat_map_figure(shape, variable, year, row_offset)};
  return {"Sweep: " + dir.filename().string(), {summary}, {}};
}

}  // namespace gapsim
