// The common form of every figure's script.
#include "plot/figure_script.hpp"

namespace gapsim {

std::string gnuplot_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

std::string figure_script(const Figure& figure, const std::string& subtitle, FigureFormats formats) {
  std::string out = "# gapsim figure: " + figure.title + "\n# Edit and re-render with: gnuplot " + figure.name +
                    ".gp\n"
                    "set datafile separator \",\"\n"
                    "set datafile columnheaders\n"
                    "set encoding utf8\n"
                    "set grid lc rgb \"#dddddd\"\n"
                    "set border 3\n"
                    "set tics nomirror\n"
                    "set key outside right top vertical Left reverse noautotitle\n"
                    // Values in thousands or billions never need a thousands separator.
                    "set format y \"%.0f\"\n"
                    "set xtics 2\n";
  for (std::size_t i = 0; i < k_palette.size(); ++i) {
    out += "set linetype " + std::to_string(i + 1) + " lc rgb \"" + k_palette[i] + "\" lw 2\n";
  }
  // Plain text everywhere: scenario names hold underscores, which enhanced text would sink.
  out += "set title " + gnuplot_string(figure.title + "\n" + subtitle) + " noenhanced\n";
  // The first terminal draws the plot, each further one replots it.
  bool first = true;
  const auto terminal = [&](const std::string& settings, const std::string& extension) {
    out += "set terminal " + settings + "\nset output \"" + figure.name + "." + extension + "\"\n";
    out += first ? figure.body : "replot\n";
    first = false;
  };
  if (formats.svg) {
    terminal("svg size 960,540 noenhanced font \"DejaVu Sans,12\" background \"white\"", "svg");
  }
  if (formats.png) {
    terminal("pngcairo size 960,540 noenhanced font \"DejaVu Sans,11\" background \"white\"", "png");
  }
  return out + "set output\n";
}

}  // namespace gapsim
