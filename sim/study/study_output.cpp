// Writing a study directory.
#include "study/study_output.hpp"

#include <filesystem>

#include "io/atomic_file.hpp"

namespace gapsim {

std::vector<std::pair<std::string, std::string>> study_output_files(const StudyOutput& output) {
  const StudyState& state = output.state;
  std::vector<std::pair<std::string, std::string>> files = {
      {"bands.csv", bands_csv(state.bands, state.report)},
      {"probabilities.csv", probabilities_csv(state.bands, state.report)},
      {"runs.csv", output.runs_csv}};
  if (output.series_long_csv) {
    files.emplace_back("series_long.csv", *output.series_long_csv);
  }
  files.emplace_back("study_state", study_state_text(state));
  files.emplace_back("manifest", output.manifest);
  return files;
}

void write_study_output(const std::string& dir, const StudyOutput& output) {
  for (const auto& [name, contents] : study_output_files(output)) {
    write_file_atomically((std::filesystem::path(dir) / name).string(), contents);
  }
}

}  // namespace gapsim
