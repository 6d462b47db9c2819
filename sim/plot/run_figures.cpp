// Figures of a run directory.
#include "plot/run_figures.hpp"

#include <algorithm>
#include <sstream>

#include "io/value_parser.hpp"

namespace gapsim {
namespace {

// One line of a plot command: `data` read with `using`, as lines of linetype `type`.
std::string series(const std::string& data, const std::string& x, const std::string& y, int type,
                   const std::string& title, const std::string& style = "") {
  return gnuplot_string(data) + " using " + x + ":(" + y + ") with lines lt " + std::to_string(type) + style +
         " title " + gnuplot_string(title);
}

// The event windows of the monthly scenarios among `scenarios`, with their scenario: an
// annual axis has no room to show a window of weeks.
std::vector<std::pair<const RunScenario*, const EventWindow*>> monthly_events(
    const std::vector<const RunScenario*>& scenarios) {
  std::vector<std::pair<const RunScenario*, const EventWindow*>> out;
  for (const RunScenario* s : scenarios) {
    for (const EventWindow& event : s->events) {
      if (s->monthly) {
        out.emplace_back(s, &event);
      }
    }
  }
  return out;
}

// Grey rectangles behind the plot over the event windows of the monthly scenarios.
std::string event_shading(const std::vector<const RunScenario*>& scenarios) {
  std::string out;
  for (const auto& [s, event] : monthly_events(scenarios)) {
    out += "set object rect from " + std::to_string(event->start) + ", graph 0 to " + std::to_string(event->end) +
           ", graph 1 behind fc rgb \"#999999\" fs transparent solid 0.3 noborder\n";
  }
  return out;
}

// " Shaded grey: the window of event NAME (SCENARIO), ..." or "".
std::string event_caption(const std::vector<const RunScenario*>& scenarios) {
  std::string out;
  for (const auto& [s, event] : monthly_events(scenarios)) {
    out += (out.empty() ? " Shaded grey: the window of event " : ", of event ") + event->name + " (" + s->name + ")";
  }
  return out.empty() ? out : out + ".";
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
  figure.caption = what + " at 1 January of each year (monthly scenarios: at the start of each month), thousand " +
                   "persons (FTE), one line per scenario" +
                   (reference.empty() ? std::string(".") : "; the reference " + reference + " dashed black.") +
                   event_caption(order);
  figure.body = lines.empty()
                    ? ""
                    : "set xlabel \"Year\"\nset ylabel \"" + what + " [thousand persons]\"\nset yrange [0:*]\n" +
                          event_shading(order) + plot_lines(lines);
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
  Figure figure;
  figure.name = name + s.name;
  figure.title = title + s.name;
  figure.caption = caption + s.name + "." + event_caption({&s});
  if (!lines.empty()) {
    figure.body = "set xlabel \"Year\"\nset ylabel \"" + ylabel + "\"\nset yrange [0:*]\n" + event_shading({&s}) +
                  plot_lines(lines);
  }
  return figure;
}

}  // namespace

bool RunScenario::has(const std::string& column) const {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

std::vector<EventWindow> manifest_event_windows(const std::string& manifest) {
  std::vector<EventWindow> windows;
  std::istringstream in(manifest);
  std::string line;
  // A date on the monthly time axis (time_axis): its month's start plus the day's share of a
  // 31-day month, at the start of the day (or, with `through`, its end).
  const auto on_axis = [](const Date& date, bool through) {
    return date.year + (date.month - 1 + (date.day - (through ? 0 : 1)) / 31.0) / 12.0;
  };
  bool in_event = false;
  while (std::getline(in, line)) {
    if (line.starts_with("[")) {
      in_event = line.starts_with("[event.") && line.ends_with("]");
      if (in_event) {
        windows.push_back({line.substr(7, line.size() - 8), 0.0, 0.0});
      }
      continue;
    }
    const bool start = line.starts_with("start = ");
    if (!in_event || !(start || line.starts_with("end = "))) {
      continue;
    }
    if (const auto date = parse_date(std::string_view(line).substr(start ? 8 : 6, 10))) {
      (start ? windows.back().start : windows.back().end) = on_axis(*date, !start);
    }
  }
  std::erase_if(windows, [](const EventWindow& w) { return !(w.start > 0.0 && w.end > w.start); });
  return windows;
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
          s.name + "." + event_caption({&s});
      std::vector<std::string> lines;
      const std::string programmes = "../" + s.name + "/programmes.csv";
      const std::size_t count = s.programmes.size();
      for (std::size_t k = 0; k < count; ++k) {
        // programmes.csv holds one row per programme in each report step, in the same order.
        lines.push_back(gnuplot_string(programmes) + " every " + std::to_string(count) + "::" + std::to_string(k) +
                        " using " + x + ":(column(\"entrants\")) with lines lt " + std::to_string(k % 7 + 1) +
                        " title " + gnuplot_string(s.programmes[k]));
      }
      entrants.body = "set xlabel \"Year\"\nset ylabel \"Entrants [persons per report step]\"\nset yrange [0:*]\n" +
                      event_shading({&s}) + plot_lines(lines);
      figures.push_back(entrants);
    }
  }
  std::erase_if(figures, [](const Figure& figure) { return figure.body.empty(); });
  return figures;
}

}  // namespace gapsim
