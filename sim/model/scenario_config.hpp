// A scenario as the engine sees it: typed, validated, every default filled in.
// Units: people are FTE (persons), rates are per year, money is yen, times are decimal years.
// Defaults live in one place, the key table (io/key_schema.cpp), from which the scenario
// builder sets every field. Fields here start at zero (schedules at the constant 0, enums at
// their first value), not at a default: a config written by hand must set what it uses, or
// start from a built one (tests use test::default_config()).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/attack_trend.hpp"
#include "model/schedule.hpp"

namespace gapsim {

enum class Tier { qualified, underskilled };
enum class ReportStep { annual, monthly };
// Where a programme's trainees come from: new people from outside IT work, under-skilled
// security workers (upskilling), or the general IT workforce that hiring also draws on.
enum class TraineeSource { new_entrants, underskilled, it_pool };

struct TimeConfig {
  int start_year{};      // first simulated year; the state is given at 1 January
  int end_year{};        // last reported year; simulated to its 31 December
  int steps_per_year{};  // Euler steps per year (dt = 1 / steps_per_year)
  ReportStep report{};
};

struct WorkforceConfig {
  double qualified{};                     // qualified workers at start [persons]
  double underskilled{};                  // under-skilled workers at start [persons]
  int min_age{};                          // youngest age bucket [years]
  int max_age{};                          // oldest age bucket; everyone leaves when ageing past it [years]
  std::vector<double> initial_age_share;  // share of each tier at each age, sums to 1
  double underskilled_effectiveness{};    // weight of an under-skilled worker in skill_gap
};

struct AttritionConfig {
  double qualified_rate{};     // leavers out of the field [1/yr]
  double underskilled_rate{};  // [1/yr]
};

struct RetirementConfig {
  double age_mean{};  // mean retirement age [years]
  double age_sd{};    // spread of retirement ages [years]; 0 = everyone at age_mean
};

struct UpskillingConfig {
  Schedule rate = Schedule::constant(0.0);      // share of under-skilled upskilled [1/yr]
  Schedule capacity = Schedule::constant(0.0);  // extra upskilling places [persons/yr]
  double cost_per_person{};                     // [yen per person upskilled]
};

struct HiringConfig {
  double delay{};                           // time to fill an open position [yr]
  Schedule pool = Schedule::constant(0.0);  // IT workforce, security workers included [persons]
  double max_pool_share{};                  // most of the IT workers outside security moving in per year [1/yr]
  double qualified_share{};                 // share of hires who are qualified
  double age_mean{};                        // [years]
  double age_sd{};                          // [years]
  double cost_per_hire{};                   // [yen per hire]
};

struct DemandConfig {
  double base_shortage{};                     // unfilled domestic demand at start [persons]
  Schedule growth = Schedule::constant(0.0);  // digital-economy growth [1/yr]
  double attack_elasticity{};                 // d ln(demand) / d ln(threat index) at the start
  double threat_ceiling{};                    // most the threat can multiply demand by (>= 1)
};

enum class Adoption { logistic, schedule };

struct OutsourcingConfig {
  Adoption adoption{};
  Schedule share = Schedule::constant(0.0);          // provider share of demand (schedule adoption)
  double floor{};                                    // logistic: share long before the midpoint
  double ceiling{};                                  // logistic: share long after the midpoint
  double midpoint{};                                 // logistic: year of half adoption
  double steepness{};                                // logistic: [1/yr]
  Schedule leverage = Schedule::constant(0.0);       // client FTE covered per provider FTE
  Schedule foreign_share = Schedule::constant(0.0);  // provider FTE that are not Japanese workers
  double cost_per_fte{};                             // [yen per covered FTE-year]
};

struct ProgrammeConfig {
  std::string name;
  Schedule intake = Schedule::constant(0.0);  // trainees starting [persons/yr]
  double duration{};                          // time in the programme [yr]
  double completion_rate{};                   // share of starters who complete
  double entry_share{};                       // share of completers entering security work
  TraineeSource source{};
  Tier entry_tier{};
  int entry_age{};            // age at entry to the workforce [years]
  double cost_per_trainee{};  // [yen per starter]
};

struct EventConfig {
  std::string name;
  double from{};               // window start, decimal year (inclusive)
  double to{};                 // window end, decimal year (exclusive)
  double attack_multiplier{};  // attack volume multiplier inside the window
  double demand_multiplier{};  // demand multiplier inside the window
  double demand_extra{};       // extra demand inside the window [persons]
};

struct ScenarioConfig {
  std::string name;
  TimeConfig time;
  WorkforceConfig workforce;
  AttritionConfig attrition;
  RetirementConfig retirement;
  UpskillingConfig upskilling;
  HiringConfig hiring;
  DemandConfig demand;
  std::shared_ptr<const AttackTrend> attack;
  OutsourcingConfig outsourcing;
  std::vector<ProgrammeConfig> programmes;
  std::vector<EventConfig> events;
};

}  // namespace gapsim
