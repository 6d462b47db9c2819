// Writing a study directory.
#include "study/study_output.hpp"

#include <filesystem>

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
  const auto write = [&dir](const char* name, std::string_view contents) {
    write_file_atomically((std::filesystem::path(dir) / name).string(), contents);
  };
  const StudyState& state = output.state;
  write("bands.csv", bands_csv(state.bands, state.report));
  write("probabilities.csv", probabilities_csv(state.bands, state.report));
  write("runs.csv", output.runs_csv);
  if (output.series_long_csv) {
    write("series_long.csv", *output.series_long_csv);
  }
  write("study_state", study_state_text(state));
  write("manifest", output.manifest);
}

}  // namespace gapsim
