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
  StudyState state;      // gives bands.csv, probabilities.csv, first_years.csv, diff_*.csv and study_state
  std::string runs_csv;  // header and rows
  std::optional<std::string> series_long_csv;  // only when the study keeps series
  std::string manifest;
};

// Records in output.state the SHA-256 of the runs and series tables, as study_state keeps them.
// Call it once the tables are complete.
void record_checksums(StudyOutput& output);

// The files of a study directory computed from its state, as (name, contents): bands.csv,
// probabilities.csv, first_years.csv, diff_bands.csv and diff_probabilities.csv (in a paired
// study), study_state.
std::vector<std::pair<std::string, std::string>> derived_study_files(const StudyState& state);

// Puts the directory's files in `dir` (created if needed), all together
// (write_directory_atomically): bands.csv, probabilities.csv, first_years.csv, runs.csv,
// diff_bands.csv and diff_probabilities.csv (in a paired study) and series_long.csv (when
// kept; an older one of each is removed otherwise), study_state, manifest. Other entries of
// `dir` are kept. The runs table (hundreds of MB for a million runs) is written from `output` without a
// copy.
void write_study_output(const std::string& dir, const StudyOutput& output);

}  // namespace gapsim
