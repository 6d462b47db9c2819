// One figure as a gnuplot script: the common look (colour-blind-safe palette, grid, title
// with a subtitle), the figure's own commands, and the terminals that render it to SVG and
// PNG beside the script. A user edits the script and runs `gnuplot NAME.gp` again.
#pragma once

#include <string>
#include <vector>

namespace gapsim {

struct FigureFormats {
  bool svg = true;
  bool png = true;
};

struct Figure {
  std::string name;     // file stem: NAME.gp, NAME.svg, NAME.png
  std::string title;    // what is plotted
  std::string caption;  // for the report: units and what each mark is
  std::string body;     // gnuplot commands after the common settings: labels, ranges, one plot
  // A multiplot of panels in `layout` ("ROWS,COLUMNS"; its title above them all) has its body
  // repeated for each terminal. One plot ("" layout) is drawn once to find its range, its y
  // tics grouped by thousands (unless `group_y_tics` is false, as for a log axis), and
  // replotted for each terminal.
  std::string layout;
  std::string layout_margins;  // "margins L,R,B,T spacing X,Y" of the multiplot, or ""
  bool group_y_tics = true;
  int width = 960;
  int height = 540;
};

// The Okabe-Ito palette (safe for the common colour-vision deficiencies), in plotting order.
inline const std::vector<std::string> k_palette = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                   "#56B4E9", "#D55E00", "#F0E442", "#000000"};

// The whole script of `figure`, with `subtitle` (scenario and seed) under its title.
std::string figure_script(const Figure& figure, const std::string& subtitle, FigureFormats formats);

// "plot A, \\\n     B, ..." ending in a newline; "" for no line.
std::string plot_lines(const std::vector<std::string>& lines);

// `text` as a gnuplot string literal in double quotes (backslashes and quotes escaped).
std::string gnuplot_string(const std::string& text);

}  // namespace gapsim
