// A Monte Carlo study into the files of its directory.
#include "study/monte_carlo_study.hpp"

#include "io/manifest.hpp"

namespace gapsim {

StudyOutput run_monte_carlo(const UncertainScenario& scenario, const StudyPlan& plan, const Shard& shard,
                            const ReadFile& read, const std::function<void(std::int64_t)>& progress) {
  std::vector<Distribution> distributions;
  for (const UncertainInput& input : scenario.inputs) {
    distributions.push_back(input.distribution);
  }
  StudyResult result = run_study(scenario.variants, distributions, plan, progress);

  const ReportStep report = scenario.variants.base().config.time.report;
  StudyOutput output;
  output.runs_csv = runs_csv_header(scenario.inputs) + runs_csv_rows(result, plan);
  if (!plan.series.empty()) {
    output.series_long_csv = series_long_csv_header(report) + series_long_csv_rows(result, plan, report);
  }
  output.manifest =
      study_manifest_text(manifest_text(scenario.raw, scenario.variants.base(), read), scenario.inputs, plan);
  if (shard.count > 1) {
    output.manifest += shard_manifest_line(shard.index, shard.count, plan);
  }
  output.state = {plan.runs, shard.index, shard.count, report, std::move(result.bands)};
  return output;
}

}  // namespace gapsim
