// A scenario as the engine sees it: typed, validated, every default filled in.
// Units: people are FTE (persons), rates are per year, money is yen, times are decimal years.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/attack_trend.hpp"
#include "model/schedule.hpp"

namespace gapsim {

enum class Tier { qualified, underskilled };
enum class ReportStep { annual, monthly };
// Where a programme's trainees come from: new people, or under-skilled workers (upskilling).
enum class TraineeSource { new_entrants, underskilled };

struct TimeConfig {
  int start_year = 2013;      // first simulated year; the state is given at 1 January
  int end_year = 2030;        // last reported year; simulated to its 31 December
  int steps_per_year = 12;    // Euler steps per year (dt = 1 / steps_per_year)
  ReportStep report = ReportStep::annual;
};

struct WorkforceConfig {
  double qualified = 0.0;      // qualified workers at start [persons]
  double underskilled = 0.0;   // under-skilled workers at start [persons]
  int min_age = 18;            // youngest age bucket [years]
  int max_age = 70;            // oldest age bucket; everyone leaves when ageing past it [years]
  std::vector<double> initial_age_share;   // share of each tier at each age, sums to 1
  double underskilled_effectiveness = 0.5; // weight of an under-skilled worker in skill_gap
};

struct AttritionConfig {
  double qualified_rate = 0.1;     // leavers out of the field [1/yr]
  double underskilled_rate = 0.1;  // [1/yr]
};

struct RetirementConfig {
  double age_mean = 63.0;  // mean retirement age [years]
  double age_sd = 2.0;     // spread of retirement ages [years]; 0 = everyone at age_mean
};

struct UpskillingConfig {
  Schedule rate = Schedule::constant(0.0);      // share of under-skilled upskilled [1/yr]
  Schedule capacity = Schedule::constant(0.0);  // extra upskilling places [persons/yr]
  double cost_per_person = 0.0;                 // [yen per person upskilled]
};

struct HiringConfig {
  double delay = 2.0;                              // time to fill an open position [yr]
  Schedule pool = Schedule::constant(919000.0);    // general IT workforce [persons]
  double max_pool_share = 0.05;                    // most of the pool hired per year [1/yr]
  double qualified_share = 0.1;                    // share of hires who are qualified
  double age_mean = 32.0;                          // [years]
  double age_sd = 7.0;                             // [years]
  double cost_per_hire = 0.0;                      // [yen per hire]
};

struct DemandConfig {
  double base_shortage = 0.0;                   // unfilled domestic demand at start [persons]
  Schedule growth = Schedule::constant(0.0);    // digital-economy growth [1/yr]
  double attack_elasticity = 0.0;               // d ln(demand) / d ln(attack trend)
};

enum class Adoption { logistic, schedule };

struct OutsourcingConfig {
  Adoption adoption = Adoption::schedule;
  Schedule share = Schedule::constant(0.0);   // provider share of demand (schedule adoption)
  double floor = 0.0;                         // logistic: share long before the midpoint
  double ceiling = 0.0;                       // logistic: share long after the midpoint
  double midpoint = 2020.0;                   // logistic: year of half adoption
  double steepness = 0.5;                     // logistic: [1/yr]
  Schedule leverage = Schedule::constant(1.0);       // client FTE covered per provider FTE
  Schedule foreign_share = Schedule::constant(0.0);  // provider FTE that are not Japanese workers
  double cost_per_fte = 0.0;                  // [yen per covered FTE-year]
};

struct ProgrammeConfig {
  std::string name;
  Schedule intake = Schedule::constant(0.0);  // trainees starting [persons/yr]
  double duration = 0.0;                      // time in the programme [yr]
  double completion_rate = 1.0;               // share of starters who complete
  double entry_share = 1.0;                   // share of completers entering security work
  TraineeSource source = TraineeSource::new_entrants;
  Tier entry_tier = Tier::underskilled;
  int entry_age = 22;                         // age at entry to the workforce [years]
  double cost_per_trainee = 0.0;              // [yen per starter]
};

struct EventConfig {
  std::string name;
  double from = 0.0;               // window start, decimal year (inclusive)
  double to = 0.0;                 // window end, decimal year (exclusive)
  double attack_multiplier = 1.0;  // attack volume multiplier inside the window
  double demand_multiplier = 1.0;  // demand multiplier inside the window
  double demand_extra = 0.0;       // extra demand inside the window [persons]
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
