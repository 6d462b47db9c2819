// Writing a study directory.
#include "study/study_output.hpp"

#include "io/atomic_file.hpp"
#include "io/sha256.hpp"

namespace gapsim {

void record_checksums(StudyOutput& output) {
  output.state.runs_csv_sha256 = sha256_hex(output.runs_csv);
  output.state.series_long_csv_sha256.reset();
  if (output.series_long_csv) {
    output.state.series_long_csv_sha256 = sha256_hex(*output.series_long_csv);
  }
}

std::vector<std::pair<std::string, std::string>> derived_study_files(const StudyState& state) {
  const ResultTable& times = state.bands.reference();
  std::vector<std::pair<std::string, std::string>> files{
      {"bands.csv", bands_csv(state.bands, state.report)},
      {"probabilities.csv", probabilities_csv(state.thresholds, times, state.report)},
      {"first_years.csv", first_years_csv(state.thresholds, times, state.report)}};
  if (state.paired) {
    files.emplace_back("diff_bands.csv", bands_csv(state.paired->differences.bands(), state.report));
    files.emplace_back("diff_probabilities.csv", diff_probabilities_csv(state.paired->differences, state.report));
  }
  files.emplace_back("study_state", study_state_text(state));
  return files;
}

void write_study_output(const std::string& dir, const StudyOutput& output) {
  const auto derived = derived_study_files(output.state);
  std::vector<NamedContents> files;
  for (const auto& [name, contents] : derived) {
    files.push_back({name, contents});
  }
  files.push_back({"runs.csv", output.runs_csv});
  if (output.series_long_csv) {
    files.push_back({"series_long.csv", *output.series_long_csv});
  }
  files.push_back({"manifest", output.manifest});
  // Files of the study's own that this run does not write (no series kept, no reference)
  // go: an older one would belong to another study.
  write_directory_atomically(dir, files, {"series_long.csv", "diff_bands.csv", "diff_probabilities.csv"});
}

}  // namespace gapsim
