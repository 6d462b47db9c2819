// Writers and readers of Monte Carlo study files.
#include "study/study_files.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "io/csv_writer.hpp"
#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "io/sha256.hpp"
#include "model/scenario_config.hpp"
#include "study/shard.hpp"

namespace gapsim {
namespace {

// The last line of a study state: the SHA-256 of all the lines above it.
constexpr std::string_view k_state_checksum = "sha256 of the lines above ";

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

}  // namespace

std::string bands_csv(const BandStats& bands, ReportStep report) {
  std::string out = report_time_header(report) + ",variable,mean,sd,p5,p10,p25,p50,p75,p90,p95\n";
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
      out += '\n';
    }
  }
  return out;
}

std::string probabilities_csv(const BandStats& bands, ReportStep report) {
  std::string out = report_time_header(report) + ",runs,shortage_zero,p_shortage_zero\n";
  for (int row = 0; row < bands.rows(); ++row) {
    const std::uint64_t zeros = bands.zeros(row, Column::shortage);
    out += report_time_cells(bands.reference()(row, 0), report);
    out += ',' + std::to_string(bands.runs()) + ',' + std::to_string(zeros);
    add_cell(out, static_cast<double>(zeros) / static_cast<double>(bands.runs()));
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
  std::string out = "gapsim study state 2\n";
  out += "runs " + std::to_string(state.runs) + "\n";
  out += "shard " + std::to_string(state.shard) + "/" + std::to_string(state.shards) + "\n";
  out += std::string("monthly ") + (state.report == ReportStep::monthly ? "1" : "0") + "\n";
  out += "sha256 runs.csv " + state.runs_csv_sha256 + "\n";
  if (state.series_long_csv_sha256) {
    out += "sha256 series_long.csv " + *state.series_long_csv_sha256 + "\n";
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
  if (!text.starts_with("gapsim study state 2\n")) {
    throw_input_error(path, 1, "", "a study state of another version of gapsim (this one reads version 2)");
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
  auto bands = BandStats::parse(text);
  if (!bands) {
    throw_input_error(path, number + bands.error().line, "", bands.error().what);
  }
  state.bands = std::move(*bands);
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
