// The figures of a `gapsim sensitivity` directory, as scripts in DIR/figures/ that read its
// tornado.csv and sobol.csv: the tornado with each input's low and high values on its label,
// and the first-order and total Sobol indices with their bootstrap intervals.
#pragma once

#include <string>
#include <vector>

#include "plot/figure_script.hpp"

namespace gapsim {

// `metric`: the output the tables are of (tornado.csv names its columns after it);
// `inputs`: the rows of each table.
std::vector<Figure> sensitivity_figures(const std::string& scenario, const std::string& metric, std::size_t inputs);

}  // namespace gapsim
