// The table of scenario numbers that can be set on a built configuration.
#include "io/config_fields.hpp"

#include <array>

#include "io/key_schema.hpp"

namespace gapsim {
namespace {

using C = ScenarioConfig&;
using I = std::size_t;

constexpr ConfigField number_field(std::string_view key, ExogenousParts parts, double* (*field)(C, I)) {
  return {.key = key, .parts = parts, .number = field};
}
constexpr ConfigField schedule_field(std::string_view key, ExogenousParts parts, Schedule* (*field)(C, I)) {
  return {.key = key, .parts = parts, .schedule = field};
}

// clang-format off
constexpr std::array k_fields = {
  number_field("workforce.qualified", k_exogenous_initial_stocks | k_exogenous_demand_base,
               [](C c, I) { return &c.workforce.qualified; }),
  number_field("workforce.underskilled", k_exogenous_initial_stocks | k_exogenous_demand_base,
               [](C c, I) { return &c.workforce.underskilled; }),
  number_field("workforce.underskilled_effectiveness", k_exogenous_scalars,
               [](C c, I) { return &c.workforce.underskilled_effectiveness; }),

  number_field("attrition.qualified", k_exogenous_scalars, [](C c, I) { return &c.attrition.qualified_rate; }),
  number_field("attrition.underskilled", k_exogenous_scalars, [](C c, I) { return &c.attrition.underskilled_rate; }),

  number_field("retirement.age_mean", k_exogenous_retirement, [](C c, I) { return &c.retirement.age_mean; }),
  number_field("retirement.age_sd", k_exogenous_retirement, [](C c, I) { return &c.retirement.age_sd; }),

  schedule_field("upskilling.rate", k_exogenous_upskill_rate, [](C c, I) { return &c.upskilling.rate; }),
  schedule_field("upskilling.capacity", k_exogenous_upskill_capacity, [](C c, I) { return &c.upskilling.capacity; }),
  number_field("upskilling.cost_per_person", k_exogenous_scalars, [](C c, I) { return &c.upskilling.cost_per_person; }),

  number_field("hiring.delay", k_exogenous_scalars, [](C c, I) { return &c.hiring.delay; }),
  schedule_field("hiring.pool", k_exogenous_hiring_pool, [](C c, I) { return &c.hiring.pool; }),
  number_field("hiring.max_pool_share", k_exogenous_hiring_pool, [](C c, I) { return &c.hiring.max_pool_share; }),
  number_field("hiring.qualified_share", k_exogenous_scalars, [](C c, I) { return &c.hiring.qualified_share; }),
  number_field("hiring.age_mean", k_exogenous_hire_ages, [](C c, I) { return &c.hiring.age_mean; }),
  number_field("hiring.age_sd", k_exogenous_hire_ages, [](C c, I) { return &c.hiring.age_sd; }),
  number_field("hiring.cost_per_hire", k_exogenous_scalars, [](C c, I) { return &c.hiring.cost_per_hire; }),

  number_field("demand.base_shortage", k_exogenous_demand_base, [](C c, I) { return &c.demand.base_shortage; }),
  schedule_field("demand.growth", k_exogenous_demand_growth, [](C c, I) { return &c.demand.growth; }),
  number_field("demand.attack_elasticity", k_exogenous_threat, [](C c, I) { return &c.demand.attack_elasticity; }),
  number_field("demand.threat_ceiling", k_exogenous_threat, [](C c, I) { return &c.demand.threat_ceiling; }),

  schedule_field("outsourcing.share", k_exogenous_provider_share, [](C c, I) { return &c.outsourcing.share; }),
  number_field("outsourcing.floor", k_exogenous_provider_share, [](C c, I) { return &c.outsourcing.floor; }),
  number_field("outsourcing.ceiling", k_exogenous_provider_share, [](C c, I) { return &c.outsourcing.ceiling; }),
  number_field("outsourcing.midpoint", k_exogenous_provider_share, [](C c, I) { return &c.outsourcing.midpoint; }),
  number_field("outsourcing.steepness", k_exogenous_provider_share, [](C c, I) { return &c.outsourcing.steepness; }),
  schedule_field("outsourcing.leverage", k_exogenous_provider_staff, [](C c, I) { return &c.outsourcing.leverage; }),
  schedule_field("outsourcing.foreign_share", k_exogenous_provider_staff,
                 [](C c, I) { return &c.outsourcing.foreign_share; }),
  number_field("outsourcing.cost_per_fte", k_exogenous_outsourcing_cost,
               [](C c, I) { return &c.outsourcing.cost_per_fte; }),

  schedule_field("programme.*.intake", k_exogenous_programmes, [](C c, I p) { return &c.programmes[p].intake; }),
  number_field("programme.*.duration", k_exogenous_programmes, [](C c, I p) { return &c.programmes[p].duration; }),
  number_field("programme.*.completion_rate", k_exogenous_programmes,
               [](C c, I p) { return &c.programmes[p].completion_rate; }),
  number_field("programme.*.entry_share", k_exogenous_programmes,
               [](C c, I p) { return &c.programmes[p].entry_share; }),
  number_field("programme.*.cost_per_trainee", k_exogenous_programmes,
               [](C c, I p) { return &c.programmes[p].cost_per_trainee; }),

  number_field("event.*.attack_multiplier", k_exogenous_events, [](C c, I e) { return &c.events[e].attack_multiplier; }),
  number_field("event.*.demand_multiplier", k_exogenous_events, [](C c, I e) { return &c.events[e].demand_multiplier; }),
  number_field("event.*.demand_extra", k_exogenous_events, [](C c, I e) { return &c.events[e].demand_extra; }),
};
// clang-format on

}  // namespace

std::span<const ConfigField> config_fields() { return k_fields; }

const ConfigField* find_config_field(std::string_view key) {
  const KeySpec* spec = find_key_spec(key);
  if (spec == nullptr) {
    return nullptr;
  }
  for (const ConfigField& field : k_fields) {
    if (field.key == spec->key) {
      return &field;
    }
  }
  return nullptr;
}

}  // namespace gapsim
