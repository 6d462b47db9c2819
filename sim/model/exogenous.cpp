// Precomputation of the exogenous series (docs/MODEL.md, sections 2-5).
#include "model/exogenous.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

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
// to cover the outsourced part, for provider share `share`, foreign share and leverage.
double domestic_factor(double share, double foreign_share, double leverage) {
  return 1.0 - share + share * (1.0 - foreign_share) / leverage;
}

// Demand factor of the threat: exp(L tanh(e x / L)) for the log threat index x, elasticity e
// and L = ln(ceiling). Near the start it is the constant-elasticity index^e; far from it the
// factor levels off at the ceiling (or at 1 / ceiling for a falling threat), so that no
// extrapolated threat path can carry demand beyond the economy it belongs to.
void threat_factors(const DemandConfig& demand, const Eigen::ArrayXd& log_index, Eigen::ArrayXd& factor) {
  const double log_ceiling = std::log(demand.threat_ceiling);
  if (demand.attack_elasticity == 0.0 || log_ceiling == 0.0) {
    factor.setOnes();
    return;
  }
  const double slope = demand.attack_elasticity / log_ceiling;
  for (Eigen::Index n = 0; n < log_index.size(); ++n) {
    factor[n] = std::exp(log_ceiling * std::tanh(slope * log_index[n]));
  }
}

std::span<double> span_of(Eigen::ArrayXd& array) { return {array.data(), static_cast<std::size_t>(array.size())}; }

void update_programme(const ProgrammeConfig& p, const ExogenousInputs& in, const Eigen::ArrayXd& time, int min_age,
                      ProgrammeInputs& out) {
  for (int n = 0; n < in.steps; ++n) {
    out.starts[n] = p.intake.at(time[n]) * in.dt;
  }
  out.delay_steps = static_cast<int>(std::lround(p.duration * in.steps_per_year));
  out.entering = p.completion_rate * p.entry_share;
  out.completion_rate = p.completion_rate;
  out.source = p.source;
  out.entry_tier = p.entry_tier;
  out.entry_index = p.entry_age - min_age;
  out.cost_per_trainee = p.cost_per_trainee;
}

constexpr ExogenousParts k_all_parts = (k_exogenous_attack_trend << 1) - 1;
// Any of these changes demand, and with it domestic demand and the outsourcing cost.
constexpr ExogenousParts k_demand_parts = k_exogenous_events | k_exogenous_demand_base | k_exogenous_demand_growth |
                                          k_exogenous_threat | k_exogenous_provider_share | k_exogenous_provider_staff |
                                          k_exogenous_attack_trend;

}  // namespace

ExogenousSeries::ExogenousSeries(const ScenarioConfig& config) {
  ExogenousInputs& in = m_inputs;
  const TimeConfig& time = config.time;
  in.steps_per_year = time.steps_per_year;
  in.steps_per_report = time.report == ReportStep::annual ? time.steps_per_year : time.steps_per_year / 12;
  in.steps = (time.end_year - time.start_year + 1) * time.steps_per_year;
  in.dt = 1.0 / time.steps_per_year;
  in.start_time = time.start_year;

  // The series run to t_N as well, for the state at the end of the run.
  const int steps = in.steps + 1;
  for (Eigen::ArrayXd* series : {&in.attack_volume,
                                 &in.threat_index,
                                 &in.demand,
                                 &in.outsourced_share,
                                 &in.domestic_demand,
                                 &in.it_workforce,
                                 &in.upskill_rate,
                                 &in.upskill_capacity,
                                 &in.outsourcing_cost,
                                 &m_trend,
                                 &m_log_trend,
                                 &m_attack_factor,
                                 &m_demand_factor,
                                 &m_demand_extra,
                                 &m_growth_factor,
                                 &m_log_threat_index,
                                 &m_threat,
                                 &m_domestic_factor,
                                 &m_time,
                                 &m_leverage,
                                 &m_foreign_share}) {
    series->resize(steps);
  }
  for (int n = 0; n < steps; ++n) {
    m_time[n] = in.time_at(n);
  }
  // The attack trend cannot change between updates: evaluated once (a fitted trend's median
  // at every step is the dearest part of the series).
  for (int n = 0; n < steps; ++n) {
    m_trend[n] = config.attack->volume(m_time[n]);
    m_log_trend[n] = std::log(m_trend[n]);
  }
  const int ages = config.workforce.max_age - config.workforce.min_age + 1;
  for (Eigen::ArrayXd* per_age :
       {&in.initial_qualified, &in.initial_underskilled, &in.retire_prob, &in.hire_age_share, &m_retire_hazard}) {
    per_age->resize(ages);
  }
  in.programmes.resize(config.programmes.size());
  for (ProgrammeInputs& programme : in.programmes) {
    programme.starts.resize(in.steps);
  }
  update(config, k_all_parts);
}

void ExogenousSeries::update(const ScenarioConfig& config, ExogenousParts changed) {
  ExogenousInputs& in = m_inputs;
  const int steps = in.steps + 1;  // t_0 .. t_N
  const OutsourcingConfig& out = config.outsourcing;
  const WorkforceConfig& wf = config.workforce;

  if (changed & (k_exogenous_events | k_exogenous_attack_trend)) {
    for (int n = 0; n < steps; ++n) {
      const double t = m_time[n];
      double attack_factor = 1.0;
      double demand_factor = 1.0;
      double demand_extra = 0.0;
      for (const EventConfig& event : config.events) {
        const double overlap = overlap_fraction(t, in.dt, event.from, event.to);
        attack_factor *= event_factor(event.attack_multiplier, overlap);
        demand_factor *= event_factor(event.demand_multiplier, overlap);
        demand_extra += event.demand_extra * overlap;
      }
      m_attack_factor[n] = attack_factor;
      m_demand_factor[n] = demand_factor;
      m_demand_extra[n] = demand_extra;
      in.attack_volume[n] = m_trend[n] * attack_factor;
      in.threat_index[n] = in.attack_volume[n] / m_trend[0];
      // From the logs, so that a path drawn on the log scale costs no logarithm per step.
      m_log_threat_index[n] = m_log_trend[n] - m_log_trend[0] + (attack_factor == 1.0 ? 0.0 : std::log(attack_factor));
    }
  }
  if (changed & k_exogenous_demand_growth) {
    double growth_factor = 1.0;
    double step_growth_of = std::numeric_limits<double>::quiet_NaN();  // g of step_growth
    double step_growth = 1.0;                                          // (1 + g)^dt
    for (int n = 0; n < steps; ++n) {
      m_growth_factor[n] = growth_factor;
      const double growth = config.demand.growth.at(m_time[n]);
      if (growth != step_growth_of) {  // growth is mostly constant: pow only when it changes
        step_growth_of = growth;
        step_growth = std::pow(1.0 + growth, in.dt);
      }
      growth_factor *= step_growth;
    }
  }
  if (changed & (k_exogenous_threat | k_exogenous_events | k_exogenous_attack_trend)) {
    threat_factors(config.demand, m_log_threat_index, m_threat);
  }
  if (changed & k_exogenous_provider_staff) {
    for (int n = 0; n < steps; ++n) {
      m_leverage[n] = out.leverage.at(m_time[n]);
      m_foreign_share[n] = out.foreign_share.at(m_time[n]);
    }
  }
  if (changed & k_exogenous_provider_share) {
    for (int n = 0; n < steps; ++n) {
      in.outsourced_share[n] = provider_share(out, m_time[n]);
    }
  }
  if (changed & (k_exogenous_provider_share | k_exogenous_provider_staff)) {
    for (int n = 0; n < steps; ++n) {
      m_domestic_factor[n] = domestic_factor(in.outsourced_share[n], m_foreign_share[n], m_leverage[n]);
    }
  }
  if (changed & k_demand_parts) {
    // Total demand at the start is chosen so that domestic demand then = workforce + base shortage.
    const double base_domestic = wf.qualified + wf.underskilled + config.demand.base_shortage;
    const double base_demand = base_domestic / m_domestic_factor[0];
    for (int n = 0; n < steps; ++n) {
      in.demand[n] = base_demand * m_growth_factor[n] * m_threat[n] * m_demand_factor[n] + m_demand_extra[n];
      in.domestic_demand[n] = in.demand[n] * m_domestic_factor[n];
    }
  }
  if (changed & (k_demand_parts | k_exogenous_outsourcing_cost)) {
    for (int n = 0; n < steps; ++n) {
      in.outsourcing_cost[n] = in.outsourced_share[n] * in.demand[n] * out.cost_per_fte * in.dt;
    }
  }
  if (changed & k_exogenous_hiring_pool) {
    for (int n = 0; n < steps; ++n) {
      in.it_workforce[n] = config.hiring.pool.at(m_time[n]);
    }
    in.max_pool_share = config.hiring.max_pool_share;
  }
  if (changed & (k_demand_parts | k_exogenous_hiring_pool)) {
    in.first_demand_over_it_time = -1.0;
    in.peak_demand_it_ratio = 0.0;
    for (int n = 0; n < in.steps; ++n) {
      if (in.domestic_demand[n] > in.it_workforce[n] && in.first_demand_over_it_time < 0.0) {
        in.first_demand_over_it_time = m_time[n];
      }
      if (in.it_workforce[n] > 0.0) {
        in.peak_demand_it_ratio = std::max(in.peak_demand_it_ratio, in.domestic_demand[n] / in.it_workforce[n]);
      }
    }
  }
  if (changed & k_exogenous_upskill_rate) {
    for (int n = 0; n < steps; ++n) {
      in.upskill_rate[n] = config.upskilling.rate.at(m_time[n]);
    }
  }
  if (changed & k_exogenous_upskill_capacity) {
    for (int n = 0; n < steps; ++n) {
      in.upskill_capacity[n] = config.upskilling.capacity.at(m_time[n]);
    }
  }
  if (changed & k_exogenous_initial_stocks) {
    const Eigen::Map<const Eigen::ArrayXd> age_share(wf.initial_age_share.data(), in.initial_qualified.size());
    in.initial_qualified = wf.qualified * age_share;
    in.initial_underskilled = wf.underskilled * age_share;
  }
  if (changed & k_exogenous_retirement) {
    retirement_hazard(config.retirement.age_mean, config.retirement.age_sd, wf.min_age, span_of(m_retire_hazard));
    // Per-step probability that keeps the annual hazard exact: 1 - (1 - h)^dt.
    in.retire_prob = 1.0 - (1.0 - m_retire_hazard).pow(in.dt);
  }
  if (changed & k_exogenous_hire_ages) {
    normal_age_shares(config.hiring.age_mean, config.hiring.age_sd, wf.min_age, span_of(in.hire_age_share));
  }
  if (changed & k_exogenous_scalars) {
    in.attrition_qualified = config.attrition.qualified_rate * in.dt;
    in.attrition_underskilled = config.attrition.underskilled_rate * in.dt;
    in.hiring_delay = config.hiring.delay;
    in.hire_qualified_share = config.hiring.qualified_share;
    in.cost_per_hire = config.hiring.cost_per_hire;
    in.cost_per_upskill = config.upskilling.cost_per_person;
    in.underskilled_effectiveness = wf.underskilled_effectiveness;
  }
  if (changed & k_exogenous_programmes) {
    for (std::size_t p = 0; p < config.programmes.size(); ++p) {
      update_programme(config.programmes[p], in, m_time, wf.min_age, in.programmes[p]);
    }
  }
}

void ExogenousSeries::set_attack_trend(const AttackTrend& trend, const ScenarioConfig& config, ExogenousParts changed) {
  for (int n = 0; n <= m_inputs.steps; ++n) {  // t_0 .. t_N
    m_trend[n] = trend.volume(m_time[n]);
    m_log_trend[n] = std::log(m_trend[n]);
  }
  update(config, changed | k_exogenous_attack_trend);
}

void ExogenousSeries::set_log_attack_trend(std::span<const double> log_trend, const ScenarioConfig& config,
                                           ExogenousParts changed) {
  for (int n = 0; n <= m_inputs.steps; ++n) {  // t_0 .. t_N
    m_log_trend[n] = log_trend[static_cast<std::size_t>(n)];
    m_trend[n] = std::exp(m_log_trend[n]);
  }
  update(config, changed | k_exogenous_attack_trend);
}

ExogenousInputs make_exogenous_inputs(const ScenarioConfig& config) { return ExogenousSeries(config).inputs(); }

}  // namespace gapsim
