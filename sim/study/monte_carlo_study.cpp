// A Monte Carlo study into the files of its directory.
#include "study/monte_carlo_study.hpp"

#include "io/csv_writer.hpp"
#include "io/manifest.hpp"
#include "io/output_units.hpp"

namespace gapsim {

StudyOutput run_monte_carlo(const UncertainScenario& scenario, const StudyPlan& plan, const Shard& shard,
                            const ReadFile& read, const std::function<void(std::int64_t)>& progress) {
  StudyResult result = run_study(scenario.variants, scenario.inputs, plan, progress);

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
  output.manifest += '\n';
  output.manifest += units_text(UnitsFor::study, report, attack_unit(scenario.variants.base()), all_output_columns());
  if (shard.count > 1) {
    output.manifest += shard_manifest_line(shard.index, shard.count, plan);
  }
  output.state = {plan.runs, shard.index, shard.count, report, std::move(result.bands), {}, {}};
  record_checksums(output);
  return output;
}

}  // namespace gapsim
