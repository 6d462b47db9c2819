// Everything in a scenario that does not depend on the workforce, evaluated once per time
// step before the run, so the step loop only reads arrays.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "model/scenario_config.hpp"

namespace gapsim {

// One training programme, reduced to what the step loop needs.
struct ProgrammeInputs {
  Eigen::ArrayXd starts;     // people starting in each step [persons/step]
  int delay_steps = 0;       // steps between starting and completing
  double entering = 1.0;     // completion_rate * entry_share
  double completion_rate = 1.0;
  TraineeSource source = TraineeSource::new_entrants;
  Tier entry_tier = Tier::underskilled;
  int entry_index = 0;       // entry age - min age
  double cost_per_trainee = 0.0;
};

struct ExogenousInputs {
  int steps = 0;             // total Euler steps
  int steps_per_year = 12;
  int steps_per_report = 12;
  double dt = 1.0 / 12;      // [yr]
  double start_time = 0.0;   // decimal year of step 0

  // Per step n (size `steps`), evaluated at t_n = time_at(n).
  Eigen::ArrayXd attack_volume;     // trend times event multipliers
  Eigen::ArrayXd demand;            // total security FTE needed [persons]
  Eigen::ArrayXd outsourced_share;  // provider share of demand
  Eigen::ArrayXd domestic_demand;   // demand on Japanese workers [persons]
  Eigen::ArrayXd hire_cap;          // most hires the IT pool allows [persons/yr]
  Eigen::ArrayXd upskill_rate;      // [1/yr]
  Eigen::ArrayXd upskill_capacity;  // [persons/yr]
  Eigen::ArrayXd outsourcing_cost;  // cost of outsourced FTE in the step [yen]

  // Per age bucket (size n_ages).
  Eigen::ArrayXd initial_qualified;    // [persons]
  Eigen::ArrayXd initial_underskilled; // [persons]
  Eigen::ArrayXd retire_prob;          // per-step retirement probability
  Eigen::ArrayXd hire_age_share;       // how hires spread over ages, sums to 1

  double attrition_qualified = 0.0;    // per-step fraction, rate * dt
  double attrition_underskilled = 0.0;
  double hiring_delay = 1.0;           // [yr]
  double hire_qualified_share = 0.0;
  double cost_per_hire = 0.0;
  double cost_per_upskill = 0.0;
  double underskilled_effectiveness = 0.5;

  std::vector<ProgrammeInputs> programmes;

  // Decimal year at the start of step n; exact at year boundaries.
  double time_at(int n) const { return start_time + static_cast<double>(n) / steps_per_year; }
  int ages() const { return static_cast<int>(initial_qualified.size()); }
  int reports() const { return steps / steps_per_report; }
};

// REQUIRES: config validated (scenario_builder does this for files).
ExogenousInputs make_exogenous_inputs(const ScenarioConfig& config);

}  // namespace gapsim
