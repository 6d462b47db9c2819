// A Monte Carlo study into the files of its directory.
#include "study/monte_carlo_study.hpp"

#include "io/csv_writer.hpp"
#include "io/input_error.hpp"
#include "io/manifest.hpp"
#include "io/output_units.hpp"
#include "study/study_inputs.hpp"

namespace gapsim {
namespace {

// The files of one member of a study from its result.
StudyOutput study_output(const UncertainScenario& scenario, const StudyPlan& plan, const Shard& shard,
                         const ReadFile& read, StudyResult& result, const std::string& paired_line) {
  const ReportStep report = scenario.variants.base().config.time.report;
  StudyOutput output;
  // Appended in place: a million runs make a runs table of some 300 MB, and each copy of it
  // (or of the numbers behind it, released here once written) counts in the peak memory.
  output.runs_csv = runs_csv_header(scenario.inputs);
  append_runs_csv_rows(output.runs_csv, result, plan);
  result.run_values = {};
  if (!plan.series.empty()) {
    output.series_long_csv = series_long_csv_header(report);
    append_series_long_csv_rows(*output.series_long_csv, result, plan, report);
    result.series = {};
  }
  output.manifest =
      study_manifest_text(manifest_text(scenario.raw, scenario.variants.base(), read), scenario.inputs, plan);
  output.manifest += paired_line;
  output.manifest += '\n';
  output.manifest += units_text(UnitsFor::study, report, attack_unit(scenario.variants.base()), all_output_columns());
  if (shard.count > 1) {
    output.manifest += shard_manifest_line(shard.index, shard.count, plan);
  }
  output.state = {
      plan.runs, shard.index, shard.count, report, std::move(result.bands), {}, {}, std::move(result.thresholds), {}};
  return output;
}

}  // namespace

StudyOutput run_monte_carlo(const UncertainScenario& scenario, const StudyPlan& plan, const Shard& shard,
                            const ReadFile& read, const std::function<void(std::int64_t)>& progress) {
  StudyResult result = run_study(scenario.variants, scenario.inputs, plan, progress);
  StudyOutput output = study_output(scenario, plan, shard, read, result, "");
  record_checksums(output);
  return output;
}

void check_pairable(const UncertainScenario& scenario, const UncertainScenario& reference) {
  const ResultTable a = scenario.variants.run_base().table;
  const ResultTable b = reference.variants.run_base().table;
  if (a.rows() != b.rows() || !(a.col(0) == b.col(0)).all()) {
    throw InputError(scenario.raw.path + ":0: cannot be paired with the reference " + reference.raw.name +
                     ": its report times differ from the reference's (the same years and report step are needed)");
  }
}

std::string paired_manifest_line(std::span<const UncertainScenario* const> scenarios, std::size_t reference) {
  std::string out = "# paired study of";
  for (const UncertainScenario* scenario : scenarios) {
    out += " " + scenario->raw.name;
  }
  return out + " on common random numbers (one shared design); reference " + scenarios[reference]->raw.name +
         "; diff_*.csv hold a scenario minus the reference, run by run\n";
}

std::vector<StudyOutput> run_paired_monte_carlo(std::span<const UncertainScenario* const> scenarios,
                                                std::span<const StudyPlan> plans, std::size_t reference,
                                                const Shard& shard, const ReadFile& read,
                                                const std::function<void(std::int64_t)>& progress) {
  std::vector<StudyMember> members;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    check_pairable(*scenarios[i], *scenarios[reference]);
    members.push_back({&scenarios[i]->variants, &scenarios[i]->inputs, &plans[i]});
  }
  std::vector<StudyResult> results = run_studies(members, reference, progress);
  const std::string& reference_name = scenarios[reference]->raw.name;
  const std::string paired_line = paired_manifest_line(scenarios, reference);
  std::vector<StudyOutput> outputs;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    std::optional<PairedDifferences> paired = std::move(results[i].paired);
    StudyOutput& output =
        outputs.emplace_back(study_output(*scenarios[i], plans[i], shard, read, results[i], paired_line));
    if (paired) {
      output.state.paired = PairedState{reference_name, std::move(*paired)};
    }
    record_checksums(output);
  }
  return outputs;
}

}  // namespace gapsim
