// Figures of optimize directories.
#include "plot/optimisation_section.hpp"

#include <cmath>

#include "plot/run_figures.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;

// How an objective's values are scaled for an axis: yen in billions, persons in thousands,
// years, shares and probabilities as they are.
struct Scale {
  double divisor = 1.0;
  std::string unit;
};

Scale scale_of(const std::string& column) {
  if (column.find("cost") != std::string::npos) {
    return {1e9, "billion yen"};
  }
  if (column.find("year") != std::string::npos || column.find("share") != std::string::npos) {
    return {1.0, "-"};
  }
  return {1000.0, "thousand persons"};
}

std::string scaled(const std::string& column) {
  return "(column(" + gnuplot_string(column) + ") / " + std::to_string(scale_of(column).divisor) + ")";
}

std::string axis_label(const std::string& column) {
  return gnuplot_string(column + " [" + scale_of(column).unit + "]") + " noenhanced";
}

// A table cell for a number of any size: grouped digits from 1,000, four significant digits below.
std::string cell_text(const std::string& text) {
  if (text.empty()) {
    return "";
  }
  const double value = std::stod(text);
  if (std::abs(value) >= 1000.0) {
    return grouped_number(value);
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

Figure fan_figure(const fs::path& dir, bool monthly, const std::string& chosen) {
  const std::string data = gnuplot_string("../fan.csv");
  const auto of = [&](const std::string& policy, const char* column) {
    return "(strcol(\"policy\") eq " + gnuplot_string(policy) + " ? column(\"" + column + "\") / 1000 : NaN)";
  };
  const std::string x = time_axis(monthly);
  std::vector<std::string> lines;
  for (const auto& [policy, colour, title] :
       {std::tuple{std::string("original"), std::string("#E69F00"), std::string("as written")},
        std::tuple{chosen, std::string("#0072B2"),
                   chosen == "optimum" ? std::string("optimum") : std::string("best achievable")}}) {
    lines.push_back(data + " using " + x + ":" + of(policy, "p5") + ":" + of(policy, "p95") +
                    " with filledcurves fc rgb \"" + colour + "\" fs transparent solid 0.25 noborder title \"" + title +
                    ", 5-95%\"");
    lines.push_back(data + " using " + x + ":" + of(policy, "p50") + " with lines lw 2 lc rgb \"" + colour +
                    "\" title \"" + title + ", median\"");
  }
  Figure figure;
  figure.name = "optimum_fan";
  figure.title = "Shortage under the " + std::string(chosen == "optimum" ? "optimum" : "best achievable policy") +
                 " and as written, " + dir.filename().string();
  figure.caption =
      "Shortage (thousand persons) at each report step over the study's futures: the median line "
      "and the 5-95% band of the chosen policy (blue) and of the scenario's levers as written "
      "(orange), on the same futures.";
  figure.body =
      "set xlabel \"Year\"\nset ylabel \"Shortage [thousand persons]\"\nset yrange [0:*]\n" + plot_lines(lines);
  return figure;
}

Figure trace_figure(const std::string& objective) {
  const std::string data = gnuplot_string("../evaluations.csv");
  Figure figure;
  figure.name = "optimisation_trace";
  figure.title = objective + " of every candidate, in the order evaluated";
  figure.caption = objective + " (" + scale_of(objective).unit +
                   ") of each candidate the search evaluated, numbered in order: filled where the candidate "
                   "meets every constraint on the futures, open where it does not.";
  figure.body = "set xlabel \"Candidate\"\nset ylabel " + axis_label(objective) + "\nset xtics auto\n" +
                plot_lines({data + " using \"index\":(column(\"feasible\") == 1 ? " + scaled(objective) +
                                " : NaN) with points pt 7 lc rgb \"#0072B2\" title \"meets the constraints\"",
                            data + " using \"index\":(column(\"feasible\") == 0 ? " + scaled(objective) +
                                " : NaN) with points pt 6 lc rgb \"#D55E00\" title \"does not\""});
  return figure;
}

Figure front_figure(const std::vector<std::string>& objectives) {
  const std::string evaluations = gnuplot_string("../evaluations.csv");
  const std::string front = gnuplot_string("../pareto.csv");
  const std::string x = scaled(objectives[0]);
  const std::string y = scaled(objectives[1]);
  Figure figure;
  figure.name = "pareto_front";
  figure.title = "Pareto front: " + objectives[0] + " against " + objectives[1];
  figure.caption =
      "Every candidate evaluated (grey) and the non-dominated ones, joined in order of " + objectives[0] + " (" +
      scale_of(objectives[0]).unit + ") against " + objectives[1] + " (" + scale_of(objectives[1]).unit + ")" +
      (objectives.size() > 2 ? "; the front's points coloured by " + objectives[2] + " (scale on the right)." : ".");
  std::string body = "set xlabel " + axis_label(objectives[0]) + "\nset ylabel " + axis_label(objectives[1]) +
                     "\nset xtics auto\nset format x \"%g\"\n";
  std::vector<std::string> layers = {
      evaluations + " using " + x + ":" + y + " with points pt 7 ps 0.4 lc rgb \"#BBBBBB\" title \"evaluated\"",
      front + " using " + x + ":" + y + " with lines lc rgb \"#0072B2\" notitle"};
  if (objectives.size() > 2) {
    body += "set cblabel " + axis_label(objectives[2]) +
            "\nset palette defined (0 \"#440154\", 0.5 \"#21908C\", 1 "
            "\"#FDE725\")\n";
    layers.push_back(front + " using " + x + ":" + y + ":" + scaled(objectives[2]) +
                     " with points pt 7 ps 1 lc palette title \"non-dominated\"");
  } else {
    layers.push_back(front + " using " + x + ":" + y +
                     " with points pt 7 ps 1 lc rgb \"#0072B2\" title \"non-dominated\"");
  }
  figure.body = body + plot_lines(layers);
  return figure;
}

// The objectives' columns of pareto.csv: between the levers and their standard errors.
std::vector<std::string> pareto_objectives(const CsvTable& pareto) {
  std::vector<std::string> objectives;
  for (const std::string& name : pareto.header) {
    if (pareto.column(name + "_se") && !name.starts_with("fresh_")) {
      objectives.push_back(name);
    }
  }
  return objectives;
}

}  // namespace

bool is_optimisation_directory(const fs::path& dir) { return fs::exists(dir / "evaluations.csv"); }

ReportSection optimisation_section(const fs::path& dir, FigureSet& set) {
  set.dir = dir / "figures";
  set.subtitle = manifest_command(read_or_empty(dir / "manifest"), 80);
  const std::string heading = "Optimisation: " + dir.filename().string();
  if (fs::exists(dir / "pareto.csv")) {
    const CsvTable pareto = read_table(dir / "pareto.csv");
    const std::vector<std::string> objectives = pareto_objectives(pareto);
    ReportTable table{
        "Non-dominated policies (at most 50 rows), each objective with its Monte Carlo standard error "
        "and on fresh futures",
        pareto.header,
        {}};
    for (std::size_t r = 0; r < pareto.rows.size() && r < 50; ++r) {
      std::vector<std::string> cells;
      for (const std::string& text : pareto.rows[r]) {
        cells.push_back(cell_text(text));
      }
      table.rows.push_back(cells);
    }
    if (objectives.size() >= 2) {
      set.figures = {front_figure(objectives)};
    }
    return {heading, {table}, {}};
  }
  const CsvTable optimum = read_table(dir / "optimum.csv");
  ReportTable table{
      "The chosen policy: each lever, the objective and each constraint on the study's futures "
      "(with Monte Carlo standard errors), on fresh futures, and for the levers as written",
      optimum.header,
      {}};
  std::string chosen = "optimum";
  std::string objective;
  for (const auto& row : optimum.rows) {
    std::vector<std::string> cells = {row.at(0), row.at(1)};
    for (std::size_t c = 2; c < row.size(); ++c) {
      cells.push_back(c + 1 == row.size() ? row[c] : cell_text(row[c]));
    }
    table.rows.push_back(cells);
    chosen = row.at(0) == "result" && row.at(1) != "optimum" ? "best_achievable" : chosen;
    objective = (row.at(0) == "minimise" || row.at(0) == "maximise") && objective.empty() ? row.at(1) : objective;
  }
  const bool monthly = read_table(dir / "fan.csv").column("month").has_value();
  set.figures = {fan_figure(dir, monthly, chosen)};
  if (!objective.empty()) {
    set.figures.push_back(trace_figure(objective));
  }
  return {heading, {table}, {}};
}

}  // namespace gapsim
