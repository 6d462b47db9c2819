// The per-programme table, summed from the programmes' starts (docs/MODEL.md, section 9).
#include "model/programme_flows.hpp"

#include <algorithm>

namespace gapsim {

void record_programme_flows(const ExogenousInputs& in, Results& results) {
  const int programmes = static_cast<int>(in.programmes.size());
  results.programme_count = programmes;
  results.programmes.resize(static_cast<Eigen::Index>(in.reports()) * programmes, k_programme_column_count);
  for (int k = 0; k < programmes; ++k) {
    const ProgrammeInputs& programme = in.programmes[static_cast<std::size_t>(k)];
    const Eigen::ArrayXd& starts = programme.starts;
    const int delay = programme.delay_steps;
    for (int row = 0; row < in.reports(); ++row) {
      const int first = row * in.steps_per_report;
      const int in_pipeline_from = std::max(0, first - delay);
      double intake = 0.0;
      double graduates = 0.0;
      double entrants = 0.0;
      double cost = 0.0;
      for (int n = first; n < first + in.steps_per_report; ++n) {
        const double finishing = n >= delay ? starts[n - delay] : 0.0;
        intake += starts[n];
        graduates += finishing * programme.completion_rate;
        entrants += finishing * programme.entering;
        cost += starts[n] * programme.cost_per_trainee;
      }
      double* cells =
          results.programmes.data() + (static_cast<Eigen::Index>(row) * programmes + k) * k_programme_column_count;
      cells[static_cast<int>(ProgrammeColumn::intake)] = intake;
      cells[static_cast<int>(ProgrammeColumn::trainees)] =
          starts.segment(in_pipeline_from, first - in_pipeline_from).sum();
      cells[static_cast<int>(ProgrammeColumn::graduates)] = graduates;
      cells[static_cast<int>(ProgrammeColumn::entrants)] = entrants;
      cells[static_cast<int>(ProgrammeColumn::cost)] = cost;
    }
  }
}

}  // namespace gapsim
