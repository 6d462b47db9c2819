// Writers and readers of Monte Carlo study files.
#include "study/study_files.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "io/csv_writer.hpp"
#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "io/output_name.hpp"
#include "io/sha256.hpp"
#include "io/value_parser.hpp"
#include "model/scenario_config.hpp"
#include "study/shard.hpp"

namespace gapsim {
namespace {

// The last line of a study state: the SHA-256 of all the lines above it.
constexpr std::string_view k_state_checksum = "sha256 of the lines above ";

// The first `lines` lines of `text` (all of it when it has fewer).
std::string_view first_lines(std::string_view text, std::uint64_t lines) {
  std::size_t end = 0;
  for (std::uint64_t n = 0; n < lines && end < text.size(); ++n) {
    const std::size_t newline = text.find('\n', end);
    end = newline == std::string_view::npos ? text.size() : newline + 1;
  }
  return text.substr(0, end);
}

bool is_sha256(std::string_view text) {
  return text.size() == 64 &&
         std::ranges::all_of(text, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

void add_cell(std::string& out, double value) {
  out += ',';
  if (!std::isnan(value)) {
    out += format_number(value);
  }
}

// ",share" of n among runs.
void add_share(std::string& out, std::uint64_t n, std::uint64_t runs) {
  add_cell(out, static_cast<double>(n) / static_cast<double>(runs));
}

}  // namespace

std::string bands_csv(const BandStats& bands, ReportStep report) {
  std::string out = report_time_header(report) + ",variable,mean,sd,p5,p10,p25,p50,p75,p90,p95,deterministic\n";
  for (int row = 0; row < bands.rows(); ++row) {
    const std::string time = report_time_cells(bands.reference()(row, 0), report);
    for (int c = 1; c < k_column_count; ++c) {
      const auto column = static_cast<Column>(c);
      out += time;
      out += ',';
      out += column_name(column);
      add_cell(out, bands.mean(row, column));
      add_cell(out, bands.sd(row, column));
      for (double q : k_band_quantiles) {
        add_cell(out, bands.quantile(row, column, q));
      }
      add_cell(out, bands.reference()(row, c));
      out += '\n';
    }
  }
  return out;
}

std::string probabilities_csv(const ThresholdCounts& counts, const ResultTable& times, ReportStep report) {
  std::string out = report_time_header(report) + ",threshold,runs,at_or_below,p_at_or_below\n";
  const std::string runs = std::to_string(counts.runs());
  for (int row = 0; row < counts.rows(); ++row) {
    const std::string time = report_time_cells(times(row, 0), report);
    for (std::size_t k = 0; k < counts.thresholds().size(); ++k) {
      const std::uint64_t n = counts.at_or_below(k, row);
      out += time + ',' + format_plain(counts.thresholds()[k]) + ',' + runs + ',' + std::to_string(n);
      add_share(out, n, counts.runs());
      out += '\n';
    }
  }
  return out;
}

std::string first_years_csv(const ThresholdCounts& counts, const ResultTable& times, ReportStep report) {
  std::string out = "threshold," + report_time_header(report) +
                    ",first,share_first,cumulative_first,stays_from,share_stays_from,cumulative_stays_from\n";
  // "never" fills the time cells: the year, and an empty month when there is one.
  const std::string never = report == ReportStep::monthly ? "never," : "never";
  const std::uint64_t runs = counts.runs();
  // ",n,share,cumulative share" of one distribution's row.
  const auto add_counts = [&](std::uint64_t n, std::uint64_t cumulative) {
    out += ',' + std::to_string(n);
    add_share(out, n, runs);
    add_share(out, cumulative, runs);
  };
  for (std::size_t k = 0; k < counts.thresholds().size(); ++k) {
    const std::string threshold = format_plain(counts.thresholds()[k]) + ',';
    std::uint64_t first = 0;
    std::uint64_t stays = 0;
    for (int row = 0; row < counts.rows(); ++row) {
      first += counts.first_at(k, row);
      stays += counts.stays_from(k, row);
      out += threshold + report_time_cells(times(row, 0), report);
      add_counts(counts.first_at(k, row), first);
      add_counts(counts.stays_from(k, row), stays);
      out += '\n';
    }
    out += threshold + never;
    add_counts(counts.never(k), runs);
    add_counts(counts.never_stays(k), runs);
    out += '\n';
  }
  return out;
}

std::string diff_probabilities_csv(const PairedDifferences& paired, ReportStep report) {
  std::string out = report_time_header(report) +
                    ",runs,shortage_lower,p_shortage_lower,shortage_equal,p_shortage_equal,shortage_higher,"
                    "p_shortage_higher\n";
  const std::uint64_t runs = paired.pairs();
  for (int row = 0; row < paired.bands().rows(); ++row) {
    out += report_time_cells(paired.bands().reference()(row, 0), report) + ',' + std::to_string(runs);
    const std::uint64_t lower = paired.lower(row);
    const std::uint64_t higher = paired.higher(row);
    for (const std::uint64_t n : {lower, runs - lower - higher, higher}) {
      out += ',' + std::to_string(n);
      add_share(out, n, runs);
    }
    out += '\n';
  }
  return out;
}

std::string runs_csv_header(const std::vector<UncertainInput>& inputs) {
  std::string out = "run,seed";
  for (const UncertainInput& input : inputs) {
    out += ',';
    out += input.key.label;
  }
  for (const std::string& name : summary_names(k_default_summary_years)) {
    out += ',';
    out += name;
  }
  return out + "\n";
}

void append_runs_csv_rows(std::string& out, const StudyResult& result, const StudyPlan& plan) {
  const double* values = result.run_values.data();
  for (std::int64_t run = plan.first; run < plan.last; ++run) {
    out += std::to_string(run);
    out += ',';
    out += std::to_string(run_seed(plan.seed, static_cast<std::uint64_t>(run)));
    for (int k = 0; k < result.values_per_run; ++k) {
      add_cell(out, *values++);
    }
    out += '\n';
  }
}

std::string series_long_csv_header(ReportStep report) {
  return "run," + report_time_header(report) + ",variable,value\n";
}

void append_series_long_csv_rows(std::string& out, const StudyResult& result, const StudyPlan& plan,
                                 ReportStep report) {
  const double* value = result.series.data();
  const ResultTable& reference = result.bands.reference();
  for (std::int64_t run = plan.first; run < plan.last; ++run) {
    const std::string run_text = std::to_string(run) + ",";
    for (int row = 0; row < reference.rows(); ++row) {
      const std::string time = report_time_cells(reference(row, 0), report);
      for (const Column column : plan.series) {
        out += run_text;
        out += time;
        out += ',';
        out += column_name(column);
        add_cell(out, *value++);
        out += '\n';
      }
    }
  }
}

std::string study_state_text(const StudyState& state) {
  std::string out = "gapsim study state 3\n";
  out += "runs " + std::to_string(state.runs) + "\n";
  out += "shard " + std::to_string(state.shard) + "/" + std::to_string(state.shards) + "\n";
  out += std::string("monthly ") + (state.report == ReportStep::monthly ? "1" : "0") + "\n";
  out += "sha256 runs.csv " + state.runs_csv_sha256 + "\n";
  if (state.series_long_csv_sha256) {
    out += "sha256 series_long.csv " + *state.series_long_csv_sha256 + "\n";
  }
  out += state.thresholds.serialize();
  if (state.paired) {
    out += "paired " + state.paired->reference + "\n" + state.paired->differences.serialize();
  }
  out += state.bands.serialize();
  const std::string checksum = sha256_hex(out);
  out += k_state_checksum;
  return out + checksum + "\n";
}

StudyState parse_study_state(std::string_view text, const std::string& path) {
  // The checksum first: a file changed by hand or cut short is reported as such, not as
  // whatever malformed line the change happens to make.
  const std::size_t last_line = text.ends_with('\n') ? text.rfind('\n', text.size() - 2) + 1 : text.size();
  const std::string_view checksum_line = text.substr(last_line);
  const int line_count = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + (text.ends_with('\n') ? 0 : 1);
  if (!text.starts_with("gapsim study state ")) {
    throw_input_error(path, 1, "", "not a gapsim study state");
  }
  if (!text.starts_with("gapsim study state 3\n")) {
    throw_input_error(path, 1, "", "a study state of another version of gapsim (this one reads version 3)");
  }
  if (!checksum_line.starts_with(k_state_checksum)) {
    throw_input_error(path, line_count, "", "no checksum line at the end (the file is cut short)");
  }
  if (checksum_line.substr(k_state_checksum.size()) != sha256_hex(text.substr(0, last_line)) + "\n") {
    throw_input_error(path, line_count, "", "the checksum does not match the lines above it (the file changed)");
  }
  text = text.substr(0, last_line);

  StudyState state;
  int number = 1;
  const auto next = [&](std::string_view prefix) {
    ++number;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.starts_with(prefix)) {
      throw_input_error(path, number, "", "expected '" + std::string(prefix) + "...'");
    }
    return line.substr(prefix.size());
  };
  text.remove_prefix(text.find('\n') + 1);
  const std::string_view runs = next("runs ");
  const auto [runs_end, runs_error] = std::from_chars(runs.data(), runs.data() + runs.size(), state.runs);
  if (runs_error != std::errc() || runs_end != runs.data() + runs.size() || state.runs < 1 ||
      state.runs > k_max_study_runs) {
    throw_input_error(path, number, "", "malformed run count " + quoted(runs));
  }
  const std::string_view shard_text = next("shard ");
  const auto shard = parse_shard(shard_text, state.runs);
  if (!shard) {
    throw_input_error(path, number, "", "malformed shard " + quoted(shard_text));
  }
  state.shard = shard->index;
  state.shards = shard->count;
  const std::string_view monthly = next("monthly ");
  if (monthly != "0" && monthly != "1") {
    throw_input_error(path, number, "", "malformed monthly flag " + quoted(monthly));
  }
  state.report = monthly == "1" ? ReportStep::monthly : ReportStep::annual;
  state.runs_csv_sha256 = next("sha256 runs.csv ");
  if (!is_sha256(state.runs_csv_sha256)) {
    throw_input_error(path, number, "", "malformed SHA-256 of runs.csv");
  }
  if (text.starts_with("sha256 series_long.csv ")) {
    state.series_long_csv_sha256 = next("sha256 series_long.csv ");
    if (!is_sha256(*state.series_long_csv_sha256)) {
      throw_input_error(path, number, "", "malformed SHA-256 of series_long.csv");
    }
  }
  std::string_view head = text.substr(0, text.find('\n'));
  const bool head_ok = next_word(head) == "thresholds";
  const auto threshold_count = parse_count(next_word(head));
  if (!head_ok || !threshold_count || *threshold_count < 1 || *threshold_count > k_max_thresholds) {
    throw_input_error(path, number + 1, "",
                      "expected 'thresholds K ...' (1 to " + std::to_string(k_max_thresholds) + ")");
  }
  const std::string_view threshold_text = first_lines(text, *threshold_count + 1);
  auto thresholds = ThresholdCounts::parse(threshold_text);
  if (!thresholds) {
    throw_input_error(path, number + thresholds.error().line, "", thresholds.error().what);
  }
  state.thresholds = std::move(*thresholds);
  text.remove_prefix(threshold_text.size());
  number += static_cast<int>(*threshold_count + 1);
  if (text.starts_with("paired ")) {
    const std::string_view reference = next("paired ");
    if (output_name_problem(std::string(reference))) {
      throw_input_error(path, number, "", "malformed reference scenario name");
    }
    auto paired = PairedDifferences::parse(text);
    if (!paired) {
      throw_input_error(path, number + paired.error().line, "", paired.error().what);
    }
    state.paired = PairedState{std::string(reference), std::move(paired->differences)};
    text = paired->rest;
    number += paired->lines;
  }
  auto bands = BandStats::parse(text);
  if (!bands) {
    throw_input_error(path, number + bands.error().line, "", bands.error().what);
  }
  state.bands = std::move(*bands);
  const bool paired_fits = !state.paired || (state.paired->differences.pairs() == state.bands.runs() &&
                                             state.paired->differences.bands().rows() == state.bands.rows());
  if (state.thresholds.runs() != state.bands.runs() || state.thresholds.rows() != state.bands.rows() || !paired_fits) {
    throw_input_error(path, line_count, "", "the thresholds, differences and bands count different runs or rows");
  }
  return state;
}

std::string study_manifest_text(const std::string& scenario_manifest, const std::vector<UncertainInput>& inputs,
                                const StudyPlan& plan) {
  std::string out = "# gapsim Monte Carlo study\n";
  out += "# sampler " + std::string(sampler_name(plan.sampler)) + ", runs " + std::to_string(plan.runs) + ", seed " +
         std::to_string(plan.seed) + "\n";
  if (!plan.series.empty()) {
    out += "# series";
    for (const Column column : plan.series) {
      out += " ";
      out += column_name(column);
    }
    out += "\n";
  }
  out += "# shortage thresholds";
  for (const double threshold : plan.thresholds) {
    out += " " + format_plain(threshold);
  }
  out += "\n";
  if (plan.posterior) {
    out += study_posterior_text(*plan.posterior);
  }
  out += "# uncertain inputs, in run order:\n";
  return out + uncertain_inputs_text(inputs) + scenario_manifest;
}

std::string uncertain_inputs_text(const std::vector<UncertainInput>& inputs) {
  std::string out;
  for (const UncertainInput& input : inputs) {
    if (input.attack_path) {
      out += "#   " + input.key.label + " = predictive  # a path drawn from the fitted trend's forecast" +
             (input.file.empty() ? std::string("\n") : "; " + input.file + ":" + std::to_string(input.line) + "\n");
      continue;
    }
    out += "#   " + input.key.label + " = " + input.distribution.text() + "  # " + input.file + ":" +
           std::to_string(input.line) + "\n";
  }
  return out;
}

std::string shard_manifest_line(int shard, int shards, const StudyPlan& plan) {
  return "# shard " + std::to_string(shard) + "/" + std::to_string(shards) + ": runs " + std::to_string(plan.first) +
         " to " + std::to_string(plan.last - 1) + "\n";
}

}  // namespace gapsim
