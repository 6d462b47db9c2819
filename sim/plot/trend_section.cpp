// Figures of fit and backtest directories.
#include "plot/trend_section.hpp"

#include <algorithm>
#include <cmath>

namespace gapsim {
namespace {

namespace fs = std::filesystem;

// The observations, each model's median and the forecast's intervals (fit_models.csv and
// fit_projection.csv), on a log axis: the trends are fitted on the log scale.
Figure projection_figure(const CsvTable& projection, const CsvTable& models, const std::string& kind) {
  const std::string column = models.header.size() > 1 ? models.header[1] : "value";
  double low = INFINITY;
  double high = 0.0;
  for (const auto& row : projection.rows) {
    for (const char* name : {"observed", "lo95", "hi95"}) {
      const double value = number_in(projection, row, name);
      if (value > 0.0) {
        low = std::min(low, value);
        high = std::max(high, value);
      }
    }
  }
  double last_fitted = NAN;
  bool held_out = false;
  for (const auto& row : models.rows) {
    const double in_fit = number_in(models, row, "in_fit");
    if (in_fit == 1.0) {
      last_fitted = number_in(models, row, "year");
    }
    held_out = held_out || in_fit == 0.0;
  }
  const std::string data = gnuplot_string("../fit_projection.csv");
  const auto band = [&](const char* level, const char* colour, const char* opacity) {
    return data + " using 1:\"lo" + level + "\":\"hi" + level + "\" with filledcurves fc rgb \"" + colour +
           "\" fs transparent solid " + opacity + " noborder title \"" + level + "% interval\"";
  };
  std::vector<std::string> lines = {band("95", "#56B4E9", "0.2"), band("80", "#56B4E9", "0.35"),
                                    band("50", "#0072B2", "0.35"),
                                    data + " using 1:\"fitted\" with lines lt 8 lw 3 title \"forecast median\""};
  for (std::size_t m = 3; m < models.header.size(); ++m) {
    lines.push_back(gnuplot_string("../fit_models.csv") + " using 1:(column(\"" + models.header[m] +
                    "\")) with lines lt " + std::to_string((m - 3) % 6 + 2) + " dt 2 lw 1.5 title " +
                    gnuplot_string(models.header[m] + " median"));
  }
  const std::string observed = "(column(\"" + column + "\"))";
  lines.push_back(gnuplot_string("../fit_models.csv") + " using 1:(column(\"in_fit\") == 1 ? " + observed +
                  " : NaN) with points pt 7 ps 1.1 lc rgb \"black\" title \"observed, fitted\"");
  if (held_out) {
    lines.push_back(gnuplot_string("../fit_models.csv") + " using 1:(column(\"in_fit\") == 0 ? " + observed +
                    " : NaN) with points pt 6 ps 1.8 lw 2.5 lc rgb \"#D55E00\" title \"observed, held out\"");
  }
  Figure figure;
  figure.name = "trend";
  figure.title = kind + ": " + column;
  figure.caption = column +
                   " in the data's units per year, log scale: the observations (black; held-out ones open "
                   "vermilion circles), each usable model's fitted median (dashed), and the forecast's median "
                   "(black) with its 50/80/95% prediction intervals shaded; the dotted line marks the last "
                   "fitted year.";
  figure.group_y_tics = false;
  figure.body = "set xlabel \"Year\"\nset ylabel " + gnuplot_string(column + " (log scale)") +
                "\nset logscale y\nset format y \"%g\"\nset xtics auto\n";
  if (std::isfinite(low) && high > 0.0) {
    figure.body += "set yrange [" + std::to_string(low / 1.5) + ":" + std::to_string(high * 1.5) + "]\n";
  }
  if (std::isfinite(last_fitted)) {
    figure.body += "set arrow from " + std::to_string(last_fitted) + ", graph 0 to " + std::to_string(last_fitted) +
                   ", graph 1 nohead dt 3 lc rgb \"#555555\"\n";
  }
  figure.body += plot_lines(lines);
  return figure;
}

// Mean CRPS by horizon, one line per method, and the coverage of the picked method's
// intervals by horizon against their nominal levels (rolling_summary.csv).
std::vector<Figure> rolling_figures(const CsvTable& summary) {
  std::string picked;
  for (const auto& row : summary.rows) {
    if (number_in(summary, row, "auto") == 1.0) {
      picked = row.at(0);
    }
  }
  const std::string data = gnuplot_string("../rolling_summary.csv");
  const auto of_method = [&](const std::string& method) {
    return data + " using (strcol(\"method\") eq " + gnuplot_string(method) + " ? column(\"horizon\") : NaN)";
  };
  std::vector<std::string> lines;
  const auto methods = distinct_values(summary, "method");
  for (std::size_t m = 0; m < methods.size(); ++m) {
    const bool is_picked = methods[m] == picked;
    lines.push_back(of_method(methods[m]) + ":(column(\"mean_crps\")) with linespoints lt " +
                    std::to_string(m % 8 + 1) + " pt 7 ps 0.7" + (is_picked ? " lw 4" : "") + " title " +
                    gnuplot_string(methods[m] + (is_picked ? " (auto's pick)" : "")));
  }
  Figure crps;
  crps.name = "rolling_crps";
  crps.title = "Rolling-origin forecast skill by horizon";
  crps.caption =
      "Mean continuous ranked probability score (log scale; lower is better) of each method's forecasts "
      "by years ahead, over every origin; the method --model auto picks drawn thick.";
  crps.body =
      "set xlabel \"Horizon [years ahead]\"\nset ylabel \"Mean CRPS [log units]\"\nset xtics 1\n"
      "set format y \"%.2f\"\nset yrange [0:*]\n" +
      plot_lines(lines);
  std::vector<Figure> figures = {crps};
  if (!picked.empty()) {
    std::vector<std::string> coverage;
    int type = 1;
    for (const char* level : {"50", "80", "95"}) {
      coverage.push_back(of_method(picked) + ":(100 * column(\"coverage" + std::string(level) +
                         "\")) with linespoints lt " + std::to_string(type) + " pt 7 title \"" + level +
                         "% interval\"");
      coverage.push_back(std::string(level) + " with lines lt " + std::to_string(type++) + " dt 2 title \"nominal " +
                         level + "%\"");
    }
    Figure figure;
    figure.name = "rolling_coverage";
    figure.title = "Interval coverage by horizon: " + picked;
    figure.caption = "Share of held-out observations inside the 50/80/95% prediction intervals of " + picked +
                     " (the method --model auto picks), percent, by years ahead, before any widening; the dashed "
                     "lines are the nominal levels.";
    figure.body =
        "set xlabel \"Horizon [years ahead]\"\nset ylabel \"Coverage [%]\"\nset xtics 1\nset yrange [0:105]\n" +
        plot_lines(coverage);
    figures.push_back(figure);
  }
  return figures;
}

}  // namespace

bool is_trend_directory(const fs::path& dir) {
  return fs::exists(dir / "fit_models.csv") || fs::exists(dir / "rolling_summary.csv");
}

ReportSection trend_section(const fs::path& dir, FigureSet& set) {
  const std::string command = manifest_command(read_or_empty(dir / "manifest"));
  set.dir = dir / "figures";
  set.subtitle = command;
  if (fs::exists(dir / "rolling_summary.csv")) {
    const CsvTable summary = read_table(dir / "rolling_summary.csv");
    ReportTable table{"Every origin and horizon together, per method: mean CRPS (log scale) and interval coverage",
                      {"method", "forecasts", "mean CRPS", "in 50%", "in 80%", "in 95%", "auto's pick"},
                      {}};
    for (const auto& row : summary.rows) {
      if (row.size() > 1 && row[1] == "all") {
        table.rows.push_back({row[0], row.at(2), grouped_number(number_in(summary, row, "mean_crps"), 3),
                              grouped_number(number_in(summary, row, "coverage50"), 2),
                              grouped_number(number_in(summary, row, "coverage80"), 2),
                              grouped_number(number_in(summary, row, "coverage95"), 2),
                              number_in(summary, row, "auto") == 1.0 ? "yes" : ""});
      }
    }
    set.figures = rolling_figures(summary);
    return {"Rolling-origin backtest: " + dir.filename().string(), {table}, {}};
  }
  const CsvTable parameters = read_table(dir / "fit_parameters.csv");
  ReportTable table{
      "Models fitted on the log scale: weight in the forecast, points fitted, residual sd (log "
      "units), AICc",
      {"model", "status", "weight", "points", "sigma", "AICc"},
      {}};
  for (const auto& row : parameters.rows) {
    table.rows.push_back({row.at(0), row.at(1), grouped_number(number_in(parameters, row, "weight"), 3), row.at(3),
                          grouped_number(number_in(parameters, row, "sigma"), 3),
                          grouped_number(number_in(parameters, row, "aicc"), 1)});
  }
  std::vector<ReportTable> tables = {table};
  const bool backtest = fs::exists(dir / "backtest_summary.csv");
  if (backtest) {
    const CsvTable summary = read_table(dir / "backtest_summary.csv");
    ReportTable scores{
        "Scores on the held-out years",
        {"choice", "model", "until", "held out", "MAPE %", "mean log error", "in 50%", "in 80%", "in 95%"},
        {}};
    for (const auto& row : summary.rows) {
      scores.rows.push_back({row.at(0), row.at(1), row.at(2), row.at(3),
                             grouped_number(100.0 * number_in(summary, row, "mape"), 1),
                             grouped_number(number_in(summary, row, "mean_log_error"), 3),
                             grouped_number(number_in(summary, row, "coverage50"), 2),
                             grouped_number(number_in(summary, row, "coverage80"), 2),
                             grouped_number(number_in(summary, row, "coverage95"), 2)});
    }
    tables.push_back(scores);
  }
  set.figures = {projection_figure(read_table(dir / "fit_projection.csv"), read_table(dir / "fit_models.csv"),
                                   backtest ? "Backtest" : "Fitted trend and projection")};
  return {(backtest ? "Backtest: " : "Trend fit: ") + dir.filename().string(), tables, {}};
}

}  // namespace gapsim
