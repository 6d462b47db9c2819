// Precomputation of the exogenous series (docs/MODEL.md, sections 2-5).
#include "model/exogenous.hpp"

#include <cmath>
#include <limits>

#include "model/age_profile.hpp"
#include "model/calendar.hpp"

namespace gapsim {
namespace {

// Multiplier of an event in a step: 1 + (m - 1) * share of the step inside the window, so a
// window shorter than a step still counts in proportion instead of being hit or missed.
double event_factor(double multiplier, double overlap) { return 1.0 + (multiplier - 1.0) * overlap; }

double provider_share(const OutsourcingConfig& out, double t) {
  if (out.adoption == Adoption::schedule) {
    return out.share.at(t);
  }
  return out.floor + (out.ceiling - out.floor) / (1.0 + std::exp(-out.steepness * (t - out.midpoint)));
}

// Domestic FTE per unit of demand: the in-house part plus the Japanese provider staff needed
// to cover the outsourced part, for provider share `share` at time t.
double domestic_factor(const OutsourcingConfig& out, double t, double share) {
  return 1.0 - share + share * (1.0 - out.foreign_share.at(t)) / out.leverage.at(t);
}

Eigen::ArrayXd to_array(const std::vector<double>& values) {
  return Eigen::Map<const Eigen::ArrayXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

ProgrammeInputs make_programme(const ProgrammeConfig& p, const ExogenousInputs& in, int min_age) {
  ProgrammeInputs out;
  out.starts.resize(in.steps);
  for (int n = 0; n < in.steps; ++n) {
    out.starts[n] = p.intake.at(in.time_at(n)) * in.dt;
  }
  out.delay_steps = static_cast<int>(std::lround(p.duration * in.steps_per_year));
  out.entering = p.completion_rate * p.entry_share;
  out.completion_rate = p.completion_rate;
  out.source = p.source;
  out.entry_tier = p.entry_tier;
  out.entry_index = p.entry_age - min_age;
  out.cost_per_trainee = p.cost_per_trainee;
  return out;
}

}  // namespace

ExogenousInputs make_exogenous_inputs(const ScenarioConfig& config) {
  ExogenousInputs in;
  const TimeConfig& time = config.time;
  in.steps_per_year = time.steps_per_year;
  in.steps_per_report = time.report == ReportStep::annual ? time.steps_per_year : time.steps_per_year / 12;
  in.steps = (time.end_year - time.start_year + 1) * time.steps_per_year;
  in.dt = 1.0 / time.steps_per_year;
  in.start_time = time.start_year;

  const int steps = in.steps;
  const double t0 = in.start_time;
  in.attack_volume.resize(steps);
  in.demand.resize(steps);
  in.outsourced_share.resize(steps);
  in.domestic_demand.resize(steps);
  in.hire_cap.resize(steps);
  in.upskill_rate.resize(steps);
  in.upskill_capacity.resize(steps);
  in.outsourcing_cost.resize(steps);

  // Total demand at t0 is chosen so that domestic demand at t0 = workforce + base shortage.
  const WorkforceConfig& wf = config.workforce;
  const double base_domestic = wf.qualified + wf.underskilled + config.demand.base_shortage;
  const double base_demand = base_domestic / domestic_factor(config.outsourcing, t0, provider_share(config.outsourcing, t0));
  const double base_attack = config.attack->volume(t0);

  double growth_factor = 1.0;  // product of (1 + g)^dt over the steps before n
  double step_growth_of = std::numeric_limits<double>::quiet_NaN();  // g of step_growth
  double step_growth = 1.0;                                          // (1 + g)^dt
  for (int n = 0; n < steps; ++n) {
    const double t = in.time_at(n);
    double attack_factor = 1.0;
    double demand_factor = 1.0;
    double demand_extra = 0.0;
    for (const EventConfig& event : config.events) {
      double overlap = overlap_fraction(t, in.dt, event.from, event.to);
      attack_factor *= event_factor(event.attack_multiplier, overlap);
      demand_factor *= event_factor(event.demand_multiplier, overlap);
      demand_extra += event.demand_extra * overlap;
    }
    const double trend = config.attack->volume(t);
    in.attack_volume[n] = trend * attack_factor;
    const double threat = std::pow(trend / base_attack, config.demand.attack_elasticity);
    in.demand[n] = base_demand * growth_factor * threat * demand_factor + demand_extra;
    in.outsourced_share[n] = provider_share(config.outsourcing, t);
    in.domestic_demand[n] = in.demand[n] * domestic_factor(config.outsourcing, t, in.outsourced_share[n]);
    in.hire_cap[n] = config.hiring.max_pool_share * config.hiring.pool.at(t);
    in.upskill_rate[n] = config.upskilling.rate.at(t);
    in.upskill_capacity[n] = config.upskilling.capacity.at(t);
    in.outsourcing_cost[n] =
        in.outsourced_share[n] * in.demand[n] * config.outsourcing.cost_per_fte * in.dt;
    const double growth = config.demand.growth.at(t);
    if (growth != step_growth_of) {  // growth is mostly constant: pow only when it changes
      step_growth_of = growth;
      step_growth = std::pow(1.0 + growth, in.dt);
    }
    growth_factor *= step_growth;
  }

  const Eigen::ArrayXd age_share = to_array(wf.initial_age_share);
  in.initial_qualified = wf.qualified * age_share;
  in.initial_underskilled = wf.underskilled * age_share;
  const Eigen::ArrayXd hazard = to_array(retirement_hazard(
      config.retirement.age_mean, config.retirement.age_sd, wf.min_age, wf.max_age));
  // Per-step probability that keeps the annual hazard exact: 1 - (1 - h)^dt.
  in.retire_prob = 1.0 - (1.0 - hazard).pow(in.dt);
  in.hire_age_share = to_array(
      normal_age_shares(config.hiring.age_mean, config.hiring.age_sd, wf.min_age, wf.max_age));

  in.attrition_qualified = config.attrition.qualified_rate * in.dt;
  in.attrition_underskilled = config.attrition.underskilled_rate * in.dt;
  in.hiring_delay = config.hiring.delay;
  in.hire_qualified_share = config.hiring.qualified_share;
  in.cost_per_hire = config.hiring.cost_per_hire;
  in.cost_per_upskill = config.upskilling.cost_per_person;
  in.underskilled_effectiveness = wf.underskilled_effectiveness;

  for (const ProgrammeConfig& programme : config.programmes) {
    in.programmes.push_back(make_programme(programme, in, wf.min_age));
  }
  return in;
}

}  // namespace gapsim
