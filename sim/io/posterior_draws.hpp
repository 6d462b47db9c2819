// The draws of a posterior.csv (gapsim calibrate --posterior), read back for Monte Carlo
// studies over the posterior.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gapsim {

struct PosteriorDraws {
  std::vector<std::string> keys;  // the uncertain keys' labels, as the header names them
  std::vector<double> values;     // [draw][key]
  std::vector<int> lines;         // each draw's line in the file, for messages

  std::size_t draws() const { return lines.size(); }
  double value(std::size_t draw, std::size_t key) const { return values[draw * keys.size() + key]; }
};

// Reads CSV `text` with the header "draw,walker,iteration,KEY...,log_prior,log_likelihood"
// (at least one key, each named once) and one row per draw, every cell a finite number.
// Throws InputError naming `path`, the line and the column of the first problem.
PosteriorDraws read_posterior_draws(std::string_view text, const std::string& path);

}  // namespace gapsim
