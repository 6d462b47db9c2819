// Figures of a run directory.
#include "plot/run_figures.hpp"

#include <algorithm>

namespace gapsim {
namespace {

// One line of a plot command: `data` read with `using`, as lines of linetype `type`.
std::string series(const std::string& data, const std::string& x, const std::string& y, int type,
                   const std::string& title, const std::string& style = "") {
  return gnuplot_string(data) + " using " + x + ":(" + y + ") with lines lt " + std::to_string(type) + style +
         " title " + gnuplot_string(title);
}

// "plot A, B, ..." or "" for no line.
std::string plot_of(const std::vector<std::string>& lines) {
  if (lines.empty()) {
    return "";
  }
  std::string out = "plot ";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += (i == 0 ? "" : ", \\\n     ") + lines[i];
  }
  return out + "\n";
}

std::string timeseries(const std::string& scenario) { return "../" + scenario + "/timeseries.csv"; }

// A variable of every scenario in thousand persons.
Figure by_scenario(const std::vector<RunScenario>& scenarios, const std::string& reference, const std::string& variable,
                   const std::string& what) {
  // The reference last, so that it is drawn on top of the others.
  std::vector<const RunScenario*> order;
  for (const RunScenario& s : scenarios) {
    if (s.name != reference) {
      order.push_back(&s);
    }
  }
  for (const RunScenario& s : scenarios) {
    if (s.name == reference) {
      order.push_back(&s);
    }
  }
  std::vector<std::string> lines;
  int type = 1;
  for (const RunScenario* s : order) {
    if (!s->has(variable)) {
      continue;
    }
    const std::string y = "column(\"" + variable + "\") / 1000";
    if (s->name == reference) {
      lines.push_back(series(timeseries(s->name), time_axis(s->monthly), y, 8, s->name + " (reference)", " dt 2 lw 3"));
    } else {
      lines.push_back(series(timeseries(s->name), time_axis(s->monthly), y, (type++ - 1) % 7 + 1, s->name));
    }
  }
  Figure figure;
  figure.name = variable + "_by_scenario";
  figure.title = what + " by scenario";
  figure.caption = what + " at 1 January of each year, thousand persons (FTE), one line per scenario" +
                   (reference.empty() ? std::string(".") : "; the reference " + reference + " dashed black.");
  figure.body = lines.empty() ? ""
                              : "set xlabel \"Year\"\nset ylabel \"" + what +
                                    " [thousand persons]\"\nset yrange [0:*]\n" + plot_of(lines);
  return figure;
}

// Some columns of one scenario's time series, each divided by `divisor`, one line each (the
// line type by position, so a column left out keeps the others' colours).
Figure columns_figure(const RunScenario& s, const std::string& name, const std::string& title,
                      const std::string& caption, const std::string& ylabel, const std::string& divisor,
                      const std::vector<std::pair<std::string, std::string>>& columns) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& [column, label] = columns[i];
    if (s.has(column)) {
      lines.push_back(series(timeseries(s.name), time_axis(s.monthly), "column(\"" + column + "\") / " + divisor,
                             static_cast<int>(i) + 1, label));
    }
  }
  Figure figure{name + s.name, title + s.name, caption + s.name + ".", ""};
  if (!lines.empty()) {
    figure.body = "set xlabel \"Year\"\nset ylabel \"" + ylabel + "\"\nset yrange [0:*]\n" + plot_of(lines);
  }
  return figure;
}

}  // namespace

bool RunScenario::has(const std::string& column) const {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

std::string time_axis(bool monthly) {
  return monthly ? "(column(\"year\") + (column(\"month\") - 1) / 12.0)" : "(column(\"year\"))";
}

std::vector<Figure> run_figures(const std::vector<RunScenario>& scenarios, const std::string& reference) {
  std::vector<Figure> figures = {by_scenario(scenarios, reference, "shortage", "Shortage"),
                                 by_scenario(scenarios, reference, "skill_gap", "Skill gap")};
  for (const RunScenario& s : scenarios) {
    const std::string x = time_axis(s.monthly);
    figures.push_back(columns_figure(s, "supply_demand_", "Supply and demand: ",
                                     "Security workforce (all, qualified) against demand (total, and domestic after "
                                     "outsourcing), thousand persons (FTE), scenario ",
                                     "Persons [thousand]", "1000",
                                     {{"workforce", "workforce"},
                                      {"qualified", "qualified"},
                                      {"domestic_demand", "domestic demand"},
                                      {"demand", "demand"}}));
    figures.push_back(columns_figure(s, "cost_", "Cumulative cost by kind: ",
                                     "Cost since the start of the run to the end of each report step, billion yen, "
                                     "by kind (training, mid-career hiring, outsourcing) and in total, scenario ",
                                     "Cost [billion yen]", "1e9",
                                     {{"cost_training_cumulative", "training"},
                                      {"cost_hiring_cumulative", "hiring"},
                                      {"cost_outsourcing_cumulative", "outsourcing"},
                                      {"cost_cumulative", "total"}}));

    if (!s.programmes.empty()) {
      Figure entrants;
      entrants.name = "programmes_" + s.name;
      entrants.title = "Entrants by programme: " + s.name;
      entrants.caption =
          "Completers who enter security work (or are upgraded) per report step, persons, one line per "
          "programme, scenario " +
          s.name + ".";
      std::vector<std::string> lines;
      const std::string programmes = "../" + s.name + "/programmes.csv";
      const std::size_t count = s.programmes.size();
      for (std::size_t k = 0; k < count; ++k) {
        // programmes.csv holds one row per programme in each report step, in the same order.
        lines.push_back(gnuplot_string(programmes) + " every " + std::to_string(count) + "::" + std::to_string(k) +
                        " using " + x + ":(column(\"entrants\")) with lines lt " + std::to_string(k % 7 + 1) +
                        " title " + gnuplot_string(s.programmes[k]));
      }
      entrants.body =
          "set xlabel \"Year\"\nset ylabel \"Entrants [persons per report step]\"\nset yrange [0:*]\n" + plot_of(lines);
      figures.push_back(entrants);
    }
  }
  std::erase_if(figures, [](const Figure& figure) { return figure.body.empty(); });
  return figures;
}

}  // namespace gapsim
