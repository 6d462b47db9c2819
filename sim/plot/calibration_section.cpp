// Figures of calibrate directories.
#include "plot/calibration_section.hpp"

#include <algorithm>
#include <cmath>

namespace gapsim {
namespace {

namespace fs = std::filesystem;

// The x tic label of a target row: "2016 shortage".
const std::string k_target_label = ":xtic(strcol(\"year\") . \" \" . strcol(\"variable\"))";

// One column per target on x (labelled by k_target_label), values in thousands on y.
std::string target_axes(std::size_t targets) {
  return "set ylabel \"Value [thousand]\"\nset xtics rotate by -30 left scale 0\nset xrange [-0.6:" +
         std::to_string(targets) + " - 0.4]\nset yrange [0:*]\nset grid noxtics ytics\n";
}

// The least-squares targets against the model before and after fitting.
Figure residuals_figure(const CsvTable& residuals) {
  const std::string data = gnuplot_string("../calibration_residuals.csv");
  Figure figure;
  figure.name = "calibration_targets";
  figure.title = "Calibration targets against the model";
  figure.caption =
      "Each target (black) against the model before (open circles) and after (filled) the fit, "
      "thousands in the variable's unit (persons for the workforce columns); one column per target.";
  figure.body = target_axes(residuals.rows.size()) +
                plot_lines({data + " using ($0):(column(\"target\") / 1000)" + k_target_label +
                                " with points pt 5 ps 1.6 lc rgb \"black\" title \"target\"",
                            data + " using ($0 + 0.15):(column(\"initial\") / 1000) with points pt 6 ps 1.6 lt 2 "
                                   "title \"model before\"",
                            data + " using ($0 + 0.15):(column(\"fitted\") / 1000) with points pt 7 ps 1.2 lt 1 "
                                   "title \"model after\""});
  return figure;
}

// The posterior predictive at each target: observation with its 90% error bar, the model's
// 5-95% posterior band, and the predictive interval that adds the observation error.
Figure predictive_figure(const CsvTable& predictive) {
  const std::string data = gnuplot_string("../posterior_predictive.csv");
  Figure figure;
  figure.name = "posterior_predictive";
  figure.title = "Targets against the posterior";
  figure.caption =
      "Per target, thousands in the variable's unit: the observation with its 90% error bar "
      "(1.645 sd of its stated error; black), the model's posterior median with its 5-95% band "
      "(blue), and the posterior predictive 5-95% interval, which adds the observation error (orange).";
  figure.body =
      target_axes(predictive.rows.size()) + "set bars 2\n" +
      plot_lines({data +
                      " using ($0 - 0.2):(column(\"observed\") / 1000):((column(\"observed\") - 1.645 * "
                      "column(\"sd\")) / 1000):((column(\"observed\") + 1.645 * column(\"sd\")) / 1000)" +
                      k_target_label + " with yerrorbars pt 5 ps 1.2 lc rgb \"black\" title \"observed, 90%\"",
                  data + " using ($0):(column(\"p50\") / 1000):(column(\"p5\") / 1000):(column(\"p95\") / 1000) "
                         "with yerrorbars pt 7 ps 1 lt 1 title \"model, 5-95%\"",
                  data + " using ($0 + 0.2):(column(\"p50\") / 1000):(column(\"predictive_p5\") / 1000):"
                         "(column(\"predictive_p95\") / 1000) with yerrorbars pt 7 ps 0.6 lt 2 title "
                         "\"predictive, 5-95%\""});
  return figure;
}

// "ROWS,COLUMNS" for `panels` in a near-square grid.
std::string grid_of(std::size_t panels) {
  const auto columns = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(panels))));
  const std::size_t rows = (panels + columns - 1) / columns;
  return std::to_string(rows) + "," + std::to_string(columns);
}

const std::string k_posterior = gnuplot_string("../posterior.csv");

std::string histogram(const std::string& key) {
  return "plot " + k_posterior + " using (column(" + gnuplot_string(key) +
         ")):(1) bins=30 with boxes fs solid 0.6 noborder lt 1 notitle\n";
}

// Every key's marginal histogram, one panel each.
Figure marginals_figure(const std::vector<std::string>& keys) {
  Figure figure;
  figure.name = "posterior_marginals";
  figure.title = "Posterior marginals";
  figure.caption =
      "Histogram of the retained draws of each calibrated key (30 bins; the key's own unit), "
      "one panel per key.";
  figure.layout = grid_of(keys.size());
  figure.body = "set xtics auto\nset format x \"%g\"\nset format y \"%g\"\nunset key\nset ylabel \"draws\"\n";
  for (const std::string& key : keys) {
    figure.body += "set title " + gnuplot_string(key) + " noenhanced\n" + histogram(key);
  }
  return figure;
}

// The lower triangle of scatter plots of every pair of keys, the histograms on the diagonal;
// at most about 1,500 draws per panel, evenly spaced.
Figure pairs_figure(const std::vector<std::string>& keys, std::size_t draws) {
  const std::size_t k = keys.size();
  const std::size_t every = std::max<std::size_t>(1, draws / 1500);
  Figure figure;
  figure.name = "posterior_pairs";
  figure.title = "Posterior: every pair of keys";
  figure.caption =
      "Below the diagonal, each pair of calibrated keys (each named in its diagonal panel; the "
      "column's key on x, the row's on y) drawn against each other (every " +
      std::to_string(every) +
      "th retained draw): a tilted cloud is a correlation the targets leave between them; on the "
      "diagonal, each key's histogram.";
  figure.width = 1080;
  figure.height = 1080;
  figure.layout = std::to_string(k) + "," + std::to_string(k);
  figure.layout_margins = "margins 0.03,0.98,0.03,0.92 spacing 0.008,0.008";
  figure.body =
      "unset key\nunset title\nset format x \"\"\nset format y \"\"\nset xtics auto\nset ytics auto\n"
      "set grid noxtics noytics\nset xlabel \"\"\nset ylabel \"\"\n";
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      if (j > i) {
        figure.body += "set multiplot next\n";
        continue;
      }
      // Each key named inside its diagonal panel: axis labels of long keys would overlap.
      figure.body += i == j ? "set label 1 " + gnuplot_string(keys[i]) + " at graph 0.03, graph 0.9 front font \",8\"\n"
                            : "unset label 1\n";
      figure.body += i == j ? histogram(keys[i])
                            : "plot " + k_posterior + " every " + std::to_string(every) + " using (column(" +
                                  gnuplot_string(keys[j]) + ")):(column(" + gnuplot_string(keys[i]) +
                                  ")) with points pt 7 ps 0.15 lt 1 notitle\n";
    }
  }
  return figure;
}

// Each key's value against the sampler's iteration for the first four walkers.
Figure traces_figure(const std::vector<std::string>& keys, std::size_t walkers) {
  const std::size_t shown = std::min<std::size_t>(4, walkers);
  Figure figure;
  figure.name = "posterior_traces";
  figure.title = "Posterior traces";
  figure.caption = "Each calibrated key's retained value against the sampler's iteration, for " +
                   std::to_string(shown) + " of the " + std::to_string(walkers) +
                   " walkers (one colour each): well-mixed chains overlap and show no trend.";
  figure.height = std::max<int>(540, 150 * static_cast<int>(keys.size()));
  figure.layout = std::to_string(keys.size()) + ",1";
  // The body runs once per terminal: it starts from the settings the last panel changed.
  figure.body = "unset key\nunset title\nset xtics auto\nset format y \"%.3g\"\nset format x \"\"\nset xlabel \"\"\n";
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i + 1 == keys.size()) {
      figure.body += "set format x \"%g\"\nset xlabel \"Iteration\"\n";
    }
    // Three y tics a panel (lowest, middle, highest draw): gnuplot's own crowd a short panel.
    // stats keeps to the current range: free it from the previous panel's first.
    figure.body += "set autoscale y\nstats " + k_posterior + " using (column(" + gnuplot_string(keys[i]) +
                   ")) nooutput\nset yrange [STATS_min:STATS_max]\n"
                   "set ytics STATS_min, (STATS_max - STATS_min) / 2 + (STATS_max == STATS_min)\n"
                   "set ylabel " +
                   gnuplot_string(keys[i]) + " font \",8\" noenhanced\nplot ";
    for (std::size_t w = 0; w < shown; ++w) {
      figure.body += (w == 0 ? "" : ", ") + k_posterior + " every " + std::to_string(walkers) +
                     "::" + std::to_string(w) + " using (column(\"iteration\")):(column(" + gnuplot_string(keys[i]) +
                     ")) with lines lt " + std::to_string(w + 1) + " lw 1";
    }
    figure.body += "\n";
  }
  return figure;
}

std::string number_text(double value) {
  if (!std::isfinite(value)) {
    return "";
  }
  const double size = std::abs(value);
  return size >= 1000 ? grouped_number(value) : grouped_number(value, size >= 10 ? 2 : (size >= 0.1 ? 4 : 6));
}

}  // namespace

bool is_calibration_directory(const fs::path& dir) {
  return fs::exists(dir / "calibration_residuals.csv") || fs::exists(dir / "posterior_summary.csv");
}

ReportSection calibration_section(const fs::path& dir, FigureSet& set) {
  set.dir = dir / "figures";
  set.subtitle = manifest_command(read_or_empty(dir / "manifest"));
  if (fs::exists(dir / "calibration_residuals.csv")) {
    const CsvTable calibration = read_table(dir / "calibration.csv");
    ReportTable table{"Keys fitted by least squares", {"key", "initial", "fitted", "min", "max"}, {}};
    for (const auto& row : calibration.rows) {
      table.rows.push_back({row.at(0), number_text(number_in(calibration, row, "initial")),
                            number_text(number_in(calibration, row, "fitted")),
                            number_text(number_in(calibration, row, "min")),
                            number_text(number_in(calibration, row, "max"))});
    }
    set.figures = {residuals_figure(read_table(dir / "calibration_residuals.csv"))};
    return {"Calibration: " + dir.filename().string(), {table}, {}};
  }
  const CsvTable summary = read_table(dir / "posterior_summary.csv");
  ReportTable table{
      "Posterior of each calibrated key, with the sampler's diagnostics (R-hat at most 1.01 and an "
      "effective sample size of at least 400 are wanted)",
      {"key", "mean", "sd", "p5", "p50", "p95", "R-hat", "ESS"},
      {}};
  std::vector<std::string> keys;
  for (const auto& row : summary.rows) {
    keys.push_back(row.at(0));
    table.rows.push_back({row.at(0), number_text(number_in(summary, row, "mean")),
                          number_text(number_in(summary, row, "sd")), number_text(number_in(summary, row, "p5")),
                          number_text(number_in(summary, row, "p50")), number_text(number_in(summary, row, "p95")),
                          grouped_number(number_in(summary, row, "rhat"), 3),
                          grouped_number(number_in(summary, row, "ess"))});
  }
  const CsvTable posterior = read_table(dir / "posterior.csv");
  std::size_t walkers = 0;
  for (const auto& row : posterior.rows) {
    const double walker = number_in(posterior, row, "walker");
    if (walker >= 0.0 && walker < 1e6) {
      walkers = std::max(walkers, static_cast<std::size_t>(walker) + 1);
    }
  }
  set.figures = {predictive_figure(read_table(dir / "posterior_predictive.csv"))};
  if (!keys.empty() && walkers > 0) {
    set.figures.push_back(marginals_figure(keys));
    set.figures.push_back(pairs_figure(keys, posterior.rows.size()));
    set.figures.push_back(traces_figure(keys, walkers));
  }
  return {"Posterior calibration: " + dir.filename().string(), {table}, {}};
}

}  // namespace gapsim
