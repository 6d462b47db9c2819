// The files of a Monte Carlo study: bands, probabilities, one row per run, long series, the
// state a later merge needs, and the manifest. A study split into shards and merged writes
// the same bytes as the study run whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/uncertainty.hpp"
#include "model/scenario_config.hpp"
#include "study/band_stats.hpp"
#include "study/monte_carlo.hpp"
#include "study/paired_differences.hpp"
#include "study/threshold_counts.hpp"

namespace gapsim {

// The quantiles of bands.csv, as fractions.
inline constexpr double k_band_quantiles[] = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

// year[,month],variable,mean,sd,p5,p10,p25,p50,p75,p90,p95,deterministic: one row per report
// step and variable (every time-series column but time); deterministic is the value in the
// run of the scenario as written (in a paired study's differences, the difference of the two).
std::string bands_csv(const BandStats& bands, ReportStep report);

// year[,month],threshold,runs,at_or_below,p_at_or_below: per report step (times from
// `times`, a table whose first column is the time) and threshold, the runs whose shortage at
// the start of the step is at or below the threshold, and their share.
std::string probabilities_csv(const ThresholdCounts& counts, const ResultTable& times, ReportStep report);

// threshold,year[,month],first,share_first,cumulative_first,stays_from,share_stays_from,
// cumulative_stays_from: per threshold and report step, the runs whose shortage first gets
// to the threshold or below at that step, and the runs whose shortage stays there from that
// step to the end (ThresholdCounts), each with its share and cumulative share; then a row
// with year "never" for the runs that never do.
std::string first_years_csv(const ThresholdCounts& counts, const ResultTable& times, ReportStep report);

// year[,month],runs,shortage_lower,p_shortage_lower,shortage_equal,p_shortage_equal,
// shortage_higher,p_shortage_higher: per report step, the paired runs whose shortage is
// below, equal to and above the reference's, and their shares.
std::string diff_probabilities_csv(const PairedDifferences& paired, ReportStep report);

// run,seed,<each input label>,<each summary metric>: the header line, and the rows of
// `result` (runs plan.first to plan.last - 1) appended to `out`; empty cells for empty metrics.
std::string runs_csv_header(const std::vector<UncertainInput>& inputs);
void append_runs_csv_rows(std::string& out, const StudyResult& result, const StudyPlan& plan);

// run,year[,month],variable,value for the plan's series variables: the header, and the
// rows appended to `out`.
std::string series_long_csv_header(ReportStep report);
void append_series_long_csv_rows(std::string& out, const StudyResult& result, const StudyPlan& plan, ReportStep report);

// Runs a study state may declare; a study is well below it, and the bound keeps every count
// derived from it far from overflow.
inline constexpr std::int64_t k_max_study_runs = std::int64_t{1} << 40;

// A paired study's differences from its reference scenario, as a study state keeps them.
struct PairedState {
  std::string reference;  // the reference scenario's name
  PairedDifferences differences;
};

// What a merge needs besides the CSVs: the study's size, this shard, the bands' and the
// thresholds' state (and the differences of a paired study), and the SHA-256 of the tables
// written with it (so a merge can tell a file changed since).
struct StudyState {
  std::int64_t runs = 0;
  int shard = 1;
  int shards = 1;
  ReportStep report = ReportStep::annual;
  BandStats bands;
  std::string runs_csv_sha256;                        // of runs.csv
  std::optional<std::string> series_long_csv_sha256;  // of series_long.csv, when written
  ThresholdCounts thresholds;
  std::optional<PairedState> paired;
};
// The text ends with a line holding the SHA-256 of all the lines above it.
std::string study_state_text(const StudyState& state);
// Throws InputError naming `path` and the line when the text is not a study state written by
// study_state_text: a checksum that does not match, a malformed or out-of-bounds number, a
// count that disagrees with another. The message quotes at most the offending token.
StudyState parse_study_state(std::string_view text, const std::string& path);

// The manifest of a study: program, sampler, runs, seed, series, every uncertain input
// with where it was declared, then the scenario's own manifest (inputs with hashes, every
// resolved key). Thread count and shard are not part of it: they do not change the results.
std::string study_manifest_text(const std::string& scenario_manifest, const std::vector<UncertainInput>& inputs,
                                const StudyPlan& plan);
// "#   KEY = DIST  # FILE:LINE" for each input, as the study and sensitivity manifests list them.
std::string uncertain_inputs_text(const std::vector<UncertainInput>& inputs);

// The line a shard adds at the end of the manifest.
std::string shard_manifest_line(int shard, int shards, const StudyPlan& plan);

}  // namespace gapsim
