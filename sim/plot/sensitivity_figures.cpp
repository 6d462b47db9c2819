// Figures of a sensitivity directory.
#include "plot/sensitivity_figures.hpp"

namespace gapsim {

std::vector<Figure> sensitivity_figures(const std::string& scenario, const std::string& metric, std::size_t inputs) {
  const std::string rows = std::to_string(inputs);
  // tornado.csv: key, low, high, METRIC_at_low, METRIC_at_high, METRIC_at_medians, swing; the
  // bars run from the value at the medians to the value with the input at its 5th (95th)
  // percentile, row i at y = -i.
  const auto bar = [](const char* at, int type, const std::string& title, const std::string& label) {
    return std::string("\"../tornado.csv\" using 6:(-$0):(") + at + " < $6 ? " + at + " : $6):(" + at +
           " < $6 ? $6 : " + at + "):(-$0 - 0.35):(-$0 + 0.35)" + label + " with boxxyerror lt " +
           std::to_string(type) + " title \"" + title + "\"";
  };
  Figure tornado;
  tornado.name = "tornado";
  tornado.title = "Tornado of " + metric + ": " + scenario;
  tornado.caption = "The value of " + metric +
                    " with every input at its median (the vertical line) and with one "
                    "input moved alone to its 5th or 95th percentile (the bars); each label gives the input's low and "
                    "high values. Inputs in order of swing.";
  tornado.body = "set xlabel \"" + metric +
                 " (k thousand, M million, G billion, T trillion)\"\n"
                 "set format x \"%.1s%c\"\nset format y \"%g\"\nset yrange [-" +
                 rows +
                 " + 0.5:0.5]\n"
                 "set grid xtics noytics\nset xtics auto\nset ytics scale 0\nset style fill solid 0.8 noborder\n"
                 "set key below\nset lmargin 42\n"
                 "plot " +
                 bar("$4", 1, "input at its 5th percentile",
                     ":ytic(sprintf(\"%s (%.3g to %.3g)\", strcol(1), column(2), column(3)))") +
                 ", \\\n     " + bar("$5", 2, "input at its 95th percentile", "") + "\n";
  Figure sobol;
  sobol.name = "sobol";
  sobol.title = "Sobol indices of " + metric + ": " + scenario;
  sobol.caption = "First-order (the input alone) and total (with its interactions) Sobol indices of " + metric +
                  ", with 95% bootstrap intervals, per input.";
  sobol.body =
      "set ylabel \"Sobol index\"\nset xtics rotate by -30 left scale 0\nset xrange [-0.6:" + rows +
      " - 0.4]\nset yrange [*:*]\nset boxwidth 0.38\nset style fill solid 0.8 noborder\n"
      "set xzeroaxis lt -1\nset format y \"%.1f\"\n"
      "plot \"../sobol.csv\" using ($0 - 0.2):\"first_order\":\"first_order_lo\":\"first_order_hi\":(0.19) with "
      "boxerrorbars lt 1 title \"first order\", \\\n     \"../sobol.csv\" using ($0 + 0.2):\"total\":"
      "\"total_lo\":\"total_hi\":(0.19):xtic(1) with boxerrorbars lt 2 title \"total\"\n";
  return {tornado, sobol};
}

}  // namespace gapsim
