// The file set of one scenario's Monte Carlo study directory, as `mc` (whole or one shard)
// and `merge` write it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "study/study_files.hpp"

namespace gapsim {

struct StudyOutput {
  StudyState state;                            // gives bands.csv, probabilities.csv and study_state
  std::string runs_csv;                        // header and rows
  std::optional<std::string> series_long_csv;  // only when the study keeps series
  std::string manifest;
};

// (file name, contents) of every file of the directory: bands.csv, probabilities.csv,
// runs.csv, series_long.csv (when kept), study_state, manifest.
std::vector<std::pair<std::string, std::string>> study_output_files(const StudyOutput& output);

// Writes study_output_files into `dir` (created if needed), each file atomically.
void write_study_output(const std::string& dir, const StudyOutput& output);

}  // namespace gapsim
