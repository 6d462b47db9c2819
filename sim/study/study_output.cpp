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

void write_study_output(const std::string& dir, const StudyOutput& output) {
  const StudyState& state = output.state;
  const std::string bands = bands_csv(state.bands, state.report);
  const std::string probabilities = probabilities_csv(state.bands, state.report);
  const std::string study_state = study_state_text(state);
  std::vector<NamedContents> files{
      {"bands.csv", bands}, {"probabilities.csv", probabilities}, {"runs.csv", output.runs_csv}};
  if (output.series_long_csv) {
    files.push_back({"series_long.csv", *output.series_long_csv});
  }
  files.push_back({"study_state", study_state});
  files.push_back({"manifest", output.manifest});
  // series_long.csv is the study's own even when this run keeps no series: an older one goes.
  write_directory_atomically(dir, files, {"series_long.csv"});
}

}  // namespace gapsim
