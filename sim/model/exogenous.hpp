// Everything in a scenario that does not depend on the workforce, evaluated once per time
// step before the run, so the step loop only reads arrays.
#pragma once

#include <Eigen/Core>
#include <span>
#include <vector>

#include "model/scenario_config.hpp"

namespace gapsim {

// One training programme, reduced to what the step loop needs.
struct ProgrammeInputs {
  Eigen::ArrayXd starts;  // people starting in each step [persons/step]; size `steps`
  int delay_steps = 0;    // steps between starting and completing
  double entering = 1.0;  // completion_rate * entry_share
  double completion_rate = 1.0;
  TraineeSource source = TraineeSource::new_entrants;
  Tier entry_tier = Tier::underskilled;
  int entry_index = 0;  // entry age - min age
  double cost_per_trainee = 0.0;
};

struct ExogenousInputs {
  int steps = 0;  // total Euler steps
  int steps_per_year = 12;
  int steps_per_report = 12;
  double dt = 1.0 / 12;     // [yr]
  double start_time = 0.0;  // decimal year of step 0

  // Per step n, evaluated at t_n = time_at(n); size `steps + 1`, the last at t_N = end of run.
  Eigen::ArrayXd attack_volume;     // trend times event multipliers
  Eigen::ArrayXd threat_index;      // attack volume / the trend at the start
  Eigen::ArrayXd demand;            // total security FTE needed [persons]
  Eigen::ArrayXd outsourced_share;  // provider share of demand
  Eigen::ArrayXd domestic_demand;   // demand on Japanese workers [persons]
  Eigen::ArrayXd it_workforce;      // IT workforce, security workers included [persons]
  Eigen::ArrayXd upskill_rate;      // [1/yr]
  Eigen::ArrayXd upskill_capacity;  // [persons/yr]
  Eigen::ArrayXd outsourcing_cost;  // cost of outsourced FTE in the step [yen]

  // Per age bucket (size n_ages).
  Eigen::ArrayXd initial_qualified;     // [persons]
  Eigen::ArrayXd initial_underskilled;  // [persons]
  Eigen::ArrayXd retire_prob;           // per-step retirement probability
  Eigen::ArrayXd hire_age_share;        // how hires spread over ages, sums to 1

  double attrition_qualified{};  // per-step fraction, rate * dt
  double attrition_underskilled{};
  // Security work is part of IT work: the decimal year of the first step whose domestic
  // demand exceeds the IT workforce (< 0: none), and the largest domestic demand / IT
  // workforce of any step (steps with an IT workforce > 0).
  double first_demand_over_it_time = -1.0;
  double peak_demand_it_ratio = 0.0;

  double hiring_delay{};    // [yr]
  double max_pool_share{};  // most of the IT workers outside security moving in per year [1/yr]
  double hire_qualified_share{};
  double cost_per_hire{};     // [yen]
  double cost_per_upskill{};  // [yen]
  double underskilled_effectiveness{};

  std::vector<ProgrammeInputs> programmes;

  // Decimal year at the start of step n; exact at year boundaries.
  double time_at(int n) const { return start_time + static_cast<double>(n) / steps_per_year; }
  int ages() const { return static_cast<int>(initial_qualified.size()); }
  int reports() const { return steps / steps_per_report; }
};

// What the exogenous series are computed from, so that a study changing a few numbers of a
// configuration recomputes only the series that depend on them. Members of ExogenousParts.
enum ExogenousPart : unsigned {
  k_exogenous_events = 1u << 0,             // event windows: multipliers, extra demand
  k_exogenous_demand_base = 1u << 1,        // start workforce and shortage: the start demand
  k_exogenous_demand_growth = 1u << 2,      // demand.growth
  k_exogenous_threat = 1u << 3,             // demand.attack_elasticity and threat_ceiling
  k_exogenous_provider_share = 1u << 4,     // outsourcing share, or its logistic curve
  k_exogenous_outsourcing_cost = 1u << 5,   // cost per covered FTE
  k_exogenous_hiring_pool = 1u << 6,        // IT workforce and the most of it hired per year
  k_exogenous_upskill_rate = 1u << 7,       // upskilling rate schedule
  k_exogenous_initial_stocks = 1u << 8,     // start workforce by tier and age
  k_exogenous_retirement = 1u << 9,         // retirement age distribution
  k_exogenous_hire_ages = 1u << 10,         // age distribution of hires
  k_exogenous_programmes = 1u << 11,        // every programme's numbers
  k_exogenous_scalars = 1u << 12,           // rates and costs used as they are
  k_exogenous_provider_staff = 1u << 13,    // outsourcing leverage and foreign share
  k_exogenous_upskill_capacity = 1u << 14,  // upskilling capacity schedule
  k_exogenous_attack_trend = 1u << 15,      // the attack trend itself (set_attack_trend)
};
using ExogenousParts = unsigned;

// The exogenous inputs of a configuration, with the per-step factors they are made of kept,
// so that after some numbers of the configuration change only the series that depend on
// them are computed again, to the same bits as computing everything anew.
class ExogenousSeries {
 public:
  // REQUIRES: config validated (scenario_builder does this for files).
  explicit ExogenousSeries(const ScenarioConfig& config);

  // Recomputes the series that depend on `changed` for `config`, which may differ from the
  // configuration last given only in the numbers those parts are computed from (not in its
  // time, ages, attack trend, event windows or programme list). Allocates nothing.
  void update(const ScenarioConfig& config, ExogenousParts changed);

  // Replaces the attack trend by `trend` (a drawn path of a fitted forecast, say) and
  // recomputes what depends on it and on the parts `changed`, for `config` as in update().
  // Allocates nothing.
  void set_attack_trend(const AttackTrend& trend, const ScenarioConfig& config, ExogenousParts changed = 0);
  // The same for a trend given as ln V(t_n) at every t_0 .. t_N (steps + 1 values).
  void set_log_attack_trend(std::span<const double> log_trend, const ScenarioConfig& config,
                            ExogenousParts changed = 0);

  const ExogenousInputs& inputs() const { return m_inputs; }

 private:
  ExogenousInputs m_inputs;
  // Per step n:
  Eigen::ArrayXd m_trend;             // attack trend without events
  Eigen::ArrayXd m_log_trend;         // its logarithm
  Eigen::ArrayXd m_attack_factor;     // product of the events' attack multipliers
  Eigen::ArrayXd m_demand_factor;     // product of the events' demand multipliers
  Eigen::ArrayXd m_demand_extra;      // the events' extra demand [persons]
  Eigen::ArrayXd m_growth_factor;     // product of (1 + g)^dt over the steps before n
  Eigen::ArrayXd m_log_threat_index;  // ln(threat index)
  Eigen::ArrayXd m_threat;            // demand factor of the threat (saturating in the log index)
  Eigen::ArrayXd m_domestic_factor;   // domestic FTE per unit of demand
  Eigen::ArrayXd m_time;              // decimal year at the start of the step
  Eigen::ArrayXd m_leverage;          // outsourcing leverage
  Eigen::ArrayXd m_foreign_share;     // outsourcing foreign share
  // Per age:
  Eigen::ArrayXd m_retire_hazard;  // annual retirement hazard
};

// Every exogenous series of `config` computed once. REQUIRES as ExogenousSeries.
ExogenousInputs make_exogenous_inputs(const ScenarioConfig& config);

}  // namespace gapsim
