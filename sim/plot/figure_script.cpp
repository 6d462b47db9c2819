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

std::string plot_lines(const std::vector<std::string>& lines) {
  if (lines.empty()) {
    return "";
  }
  std::string out = "plot ";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += (i == 0 ? "" : ", \\\n     ") + lines[i];
  }
  return out + "\n";
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
                    "set format y \"%.0f\"\n"
                    "set xtics 2\n"
                    // The C locale groups no digits; labels and tics call this instead.
                    "grouped(x) = abs(x) < 1000 ? sprintf(\"%.0f\", x + 0.0) : "
                    "grouped(int(x / 1000)) . sprintf(\",%03.0f\", abs(x - int(x / 1000) * 1000))\n";
  for (std::size_t i = 0; i < k_palette.size(); ++i) {
    out += "set linetype " + std::to_string(i + 1) + " lc rgb \"" + k_palette[i] + "\" lw 2\n";
  }
  // Plain text everywhere: scenario names hold underscores, which enhanced text would sink.
  const std::string title = gnuplot_string(figure.title + "\n" + subtitle);
  if (figure.layout.empty()) {
    out += "set title " + title + " noenhanced\n";
  }
  const std::string size = " size " + std::to_string(figure.width) + "," + std::to_string(figure.height);
  std::vector<std::pair<std::string, std::string>> terminals;  // (settings, extension)
  if (formats.svg) {
    terminals.emplace_back("svg" + size + " noenhanced font \"DejaVu Sans,12\" background \"white\"", "svg");
  }
  if (formats.png) {
    terminals.emplace_back("pngcairo" + size + " noenhanced font \"DejaVu Sans,11\" background \"white\"", "png");
  }
  if (terminals.empty()) {
    return out;
  }
  const auto output = [&](const std::string& extension) {
    return "set output \"" + figure.name + "." + extension + "\"\n";
  };
  if (!figure.layout.empty()) {
    for (const auto& [settings, extension] : terminals) {
      out += "set terminal " + settings + "\n" + output(extension) + "set multiplot layout " + figure.layout +
             (figure.layout_margins.empty() ? "" : " " + figure.layout_margins) + " title " + title + " noenhanced\n" +
             figure.body + "unset multiplot\n";
    }
    return out + "set output\n";
  }
  out += "set terminal " + terminals.front().first + "\nset output \"/dev/null\"\n" + figure.body;
  if (figure.group_y_tics) {
    // The C locale groups no digits: above a thousand, the tics are set by hand at a 1, 2 or 5
    // step over the range the first drawing found, each labelled with its thousands separated.
    out +=
        "if (GPVAL_Y_MAX >= 1000 || GPVAL_Y_MIN <= -1000) {\n"
        "  set yrange [GPVAL_Y_MIN:GPVAL_Y_MAX]\n"
        "  tic_unit = 10 ** floor(log10((GPVAL_Y_MAX - GPVAL_Y_MIN) / 4))\n"
        "  tic_steps = (GPVAL_Y_MAX - GPVAL_Y_MIN) / tic_unit\n"
        "  tic_step = tic_steps >= 20 ? 5 * tic_unit : (tic_steps >= 8 ? 2 * tic_unit : tic_unit)\n"
        "  tic_first = ceil(GPVAL_Y_MIN / tic_step) * tic_step\n"
        "  set ytics (grouped(tic_first) tic_first)\n"
        "  do for [i = 1:floor((GPVAL_Y_MAX - tic_first) / tic_step + 1e-9)] {\n"
        "    set ytics add (grouped(tic_first + i * tic_step) tic_first + i * tic_step)\n"
        "  }\n"
        "}\n";
  }
  for (const auto& [settings, extension] : terminals) {
    out += "set terminal " + settings + "\n" + output(extension) + "replot\n";
  }
  return out + "set output\n";
}

}  // namespace gapsim
