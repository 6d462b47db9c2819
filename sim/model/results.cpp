// Column names of the time series and of the programme table.
#include "model/results.hpp"

namespace gapsim {

std::string_view column_name(Column column) {
  static constexpr std::array<std::string_view, k_column_count> k_names = {"time",
                                                                           "attack_volume",
                                                                           "demand",
                                                                           "domestic_demand",
                                                                           "outsourced_share",
                                                                           "workforce",
                                                                           "qualified",
                                                                           "underskilled",
                                                                           "trainees",
                                                                           "graduates",
                                                                           "programme_entrants",
                                                                           "upskilled",
                                                                           "hires",
                                                                           "attrition",
                                                                           "retirements",
                                                                           "shortage",
                                                                           "skill_gap",
                                                                           "open_positions",
                                                                           "hiring_cap",
                                                                           "it_pool",
                                                                           "threat_index",
                                                                           "cost",
                                                                           "cost_cumulative",
                                                                           "cost_training",
                                                                           "cost_hiring",
                                                                           "cost_outsourcing",
                                                                           "cost_training_cumulative",
                                                                           "cost_hiring_cumulative",
                                                                           "cost_outsourcing_cumulative"};
  return k_names[static_cast<int>(column)];
}

bool is_level(Column column) {
  switch (column) {
    case Column::time:
    case Column::attack_volume:
    case Column::demand:
    case Column::domestic_demand:
    case Column::outsourced_share:
    case Column::workforce:
    case Column::qualified:
    case Column::underskilled:
    case Column::trainees:
    case Column::shortage:
    case Column::skill_gap:
    case Column::it_pool:
    case Column::threat_index: return true;
    default: return false;
  }
}

std::string_view programme_column_name(ProgrammeColumn column) {
  static constexpr std::array<std::string_view, k_programme_column_count> k_names = {"intake", "trainees", "graduates",
                                                                                     "entrants", "cost"};
  return k_names[static_cast<int>(column)];
}

}  // namespace gapsim
