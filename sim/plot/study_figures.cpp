// Figures of a Monte Carlo study directory.
#include "plot/study_figures.hpp"

#include <algorithm>

#include "plot/report_html.hpp"
#include "plot/run_figures.hpp"

namespace gapsim {
namespace {

struct FanVariable {
  const char* name;
  const char* what;
  const char* unit;
  double scale;
};

constexpr FanVariable k_fans[] = {
    {"shortage", "Shortage", "thousand persons", 1000},
    {"skill_gap", "Skill gap", "thousand persons", 1000},
    {"workforce", "Workforce", "thousand persons", 1000},
    {"demand", "Demand", "thousand persons", 1000},
    {"attack_volume", "Attack volume", "thousand, the attack series' unit per year", 1000}};

// A fan of one variable of a bands table: 5-95% and 25-75% shaded, the median, and the
// deterministic run; the rows of `variable` are every `variables`-th from its offset.
Figure fan(const StudyTables& study, const std::string& file, const FanVariable& v, const std::string& name,
           const std::string& title, bool zero_line) {
  const auto at = std::find(study.variable_names.begin(), study.variable_names.end(), v.name);
  const std::string every = " every " + std::to_string(study.variables) +
                            "::" + std::to_string(at - study.variable_names.begin()) + " using " +
                            time_axis(study.monthly);
  const std::string data = gnuplot_string("../" + file);
  const auto scaled = [&](const char* column) {
    return std::string("(column(\"") + column + "\") / " + std::to_string(static_cast<long>(v.scale)) + ".0)";
  };
  Figure figure;
  figure.name = name;
  figure.title = title;
  figure.caption = title + ", " + v.unit +
                   " at 1 January of each year, over the study's runs: 5-95% (light) and "
                   "25-75% (dark) of the runs shaded, the median line, and the deterministic run (the scenario as "
                   "written) dashed.";
  figure.body = std::string("set xlabel \"Year\"\nset ylabel \"") + v.what + " [" + v.unit + "]\"\n" +
                (zero_line ? "set xzeroaxis lt -1\n" : "set yrange [0:*]\n") + "plot " + data + every + ":" +
                scaled("p5") + ":" + scaled("p95") +
                " with filledcurves fc rgb \"#56B4E9\" fs transparent solid 0.35 noborder title \"5-95%\", \\\n     " +
                data + every + ":" + scaled("p25") + ":" + scaled("p75") +
                " with filledcurves fc rgb \"#0072B2\" fs transparent solid 0.35 noborder title \"25-75%\", \\\n     " +
                data + every + ":" + scaled("p50") + " with lines lt 1 title \"median\", \\\n     " + data + every +
                ":" + scaled("deterministic") + " with lines lt 8 dt 2 title \"deterministic\"\n";
  return figure;
}

}  // namespace

std::vector<Figure> study_figures(const StudyTables& study) {
  std::vector<Figure> figures;
  for (const FanVariable& v : k_fans) {
    figures.push_back(fan(study, "bands.csv", v, std::string("fan_") + v.name,
                          std::string(v.what) + ": Monte Carlo fan, " + study.scenario, false));
  }
  if (!study.thresholds.empty()) {
    Figure figure;
    figure.name = "shortage_probabilities";
    figure.title = "Probability that the shortage is at or below each threshold, " + study.scenario;
    figure.caption =
        "Share of the runs whose shortage at 1 January of each year is at or below each threshold "
        "(persons), percent; one line per threshold.";
    std::string plot = "plot ";
    const std::size_t count = study.thresholds.size();
    for (std::size_t k = 0; k < count; ++k) {
      plot += (k == 0 ? "" : ", \\\n     ") + gnuplot_string("../probabilities.csv") + " every " +
              std::to_string(count) + "::" + std::to_string(k) + " using " + time_axis(study.monthly) +
              ":(100 * column(\"p_at_or_below\")) with linespoints lt " + std::to_string(k % 7 + 1) +
              " pt 7 ps 0.6 title " + gnuplot_string("shortage <= " + grouped_number(std::stod(study.thresholds[k])));
    }
    figure.body = "set xlabel \"Year\"\nset ylabel \"Probability [%]\"\nset yrange [0:100]\n" + plot + "\n";
    figures.push_back(figure);
  }
  if (!study.reference.empty()) {
    for (const FanVariable& v : {k_fans[0], k_fans[1]}) {
      figures.push_back(fan(study, "diff_bands.csv", v, std::string("diff_fan_") + v.name,
                            std::string(v.what) + ": " + study.scenario + " minus " + study.reference + ", run by run",
                            true));
    }
  }
  return figures;
}

}  // namespace gapsim
