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
};

// The Okabe-Ito palette (safe for the common colour-vision deficiencies), in plotting order.
inline const std::vector<std::string> k_palette = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                   "#56B4E9", "#D55E00", "#F0E442", "#000000"};

// The whole script of `figure`, with `subtitle` (scenario and seed) under its title.
std::string figure_script(const Figure& figure, const std::string& subtitle, FigureFormats formats);

// `text` as a gnuplot string literal in double quotes (backslashes and quotes escaped).
std::string gnuplot_string(const std::string& text);

}  // namespace gapsim
