// Writers and readers of Monte Carlo study files.
#include "study/study_files.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

#include "io/csv_writer.hpp"
#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "model/scenario_config.hpp"
#include "study/shard.hpp"

namespace gapsim {
namespace {

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
  for (int m = 0; m < k_metric_count; ++m) {
    out += ',';
    out += metric_name(static_cast<Metric>(m));
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
  std::string out = "gapsim study state 1\n";
  out += "runs " + std::to_string(state.runs) + "\n";
  out += "shard " + std::to_string(state.shard) + "/" + std::to_string(state.shards) + "\n";
  out += std::string("monthly ") + (state.report == ReportStep::monthly ? "1" : "0") + "\n";
  return out + state.bands.serialize();
}

StudyState parse_study_state(const std::string& text, const std::string& path) {
  StudyState state;
  std::istringstream in(text);
  std::string line;
  const auto expect = [&](const std::string& prefix, int number) {
    if (!std::getline(in, line) || !line.starts_with(prefix)) {
      throw_input_error(path, number, "", "not a gapsim study state (expected '" + prefix + "...')");
    }
    return line.substr(prefix.size());
  };
  expect("gapsim study state 1", 1);
  const std::string runs = expect("runs ", 2);
  const auto [runs_end, runs_error] = std::from_chars(runs.data(), runs.data() + runs.size(), state.runs);
  if (runs_error != std::errc() || runs_end != runs.data() + runs.size() || state.runs < 1) {
    throw_input_error(path, 2, "", "malformed run count '" + runs + "'");
  }
  const std::string shard_text = expect("shard ", 3);
  const auto shard = parse_shard(shard_text, state.runs);
  if (!shard) {
    throw_input_error(path, 3, "", "malformed shard '" + shard_text + "'");
  }
  state.shard = shard->index;
  state.shards = shard->count;
  state.report = expect("monthly ", 4) == "1" ? ReportStep::monthly : ReportStep::annual;
  const std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto bands = BandStats::parse(rest);
  if (!bands) {
    throw_input_error(path, 4 + bands.error().line, "", bands.error().what);
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
  out += "# uncertain inputs, in run order:\n";
  return out + uncertain_inputs_text(inputs) + scenario_manifest;
}

std::string uncertain_inputs_text(const std::vector<UncertainInput>& inputs) {
  std::string out;
  for (const UncertainInput& input : inputs) {
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
