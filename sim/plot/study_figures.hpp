// The figures of one Monte Carlo study directory, as scripts in DIR/figures/ that read its
// bands.csv, probabilities.csv and (in a paired study) diff_bands.csv: fan charts of the main
// variables with the deterministic run, the probability that the shortage is at or below each
// threshold, and the fan of the difference from the reference.
#pragma once

#include <string>
#include <vector>

#include "plot/figure_script.hpp"

namespace gapsim {

struct StudyTables {
  std::string scenario;
  bool monthly = false;
  int variables = 0;                        // rows of bands.csv per report step
  std::vector<std::string> variable_names;  // in bands.csv's order within a report step
  std::vector<std::string> thresholds;      // of probabilities.csv, in its order within a step
  std::string reference;                    // the paired study's reference, or ""
};

std::vector<Figure> study_figures(const StudyTables& study);

}  // namespace gapsim
