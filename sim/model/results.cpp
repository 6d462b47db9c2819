// Column names of the time series.
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
                                                                           "cost_cumulative"};
  return k_names[static_cast<int>(column)];
}

}  // namespace gapsim
