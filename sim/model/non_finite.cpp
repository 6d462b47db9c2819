// Locating non-finite results.
#include "model/non_finite.hpp"

#include <cmath>

namespace gapsim {

std::optional<NonFiniteCell> first_non_finite(const Results& results) {
  for (int row = 0; row < results.rows(); ++row) {
    for (int c = 0; c < k_column_count; ++c) {
      const auto column = static_cast<Column>(c);
      if (!std::isfinite(results.at(row, column))) {
        return NonFiniteCell{row, column, results.at(row, Column::time)};
      }
    }
  }
  // The years table sums the same steps as the rows; the end of the run is not in any row.
  for (int c = 0; c < k_column_count && results.end.rows() > 0; ++c) {
    const auto column = static_cast<Column>(c);
    if (!std::isfinite(results.end_at(column))) {
      return NonFiniteCell{results.rows(), column, results.end_at(Column::time)};
    }
  }
  if (!std::isfinite(results.peak_shortage) || !std::isfinite(results.peak_time)) {
    return NonFiniteCell{0, Column::shortage, results.peak_time};
  }
  return std::nullopt;
}

std::string non_finite_text(const NonFiniteCell& cell) {
  const double year = std::floor(cell.time);
  const int month = static_cast<int>(std::lround((cell.time - year) * 12.0)) + 1;
  std::string when = std::to_string(static_cast<long long>(year));
  if (month != 1) {
    when += month < 10 ? "-0" : "-";
    when += std::to_string(month);
  }
  std::string text(column_name(cell.column));
  text += " is not finite in " + when + " (it is computed from ";
  text += keys_driving(cell.column);
  text += ")";
  return text;
}

std::string_view keys_driving(Column column) {
  constexpr std::string_view k_stocks = "workforce.*, hiring.*, attrition.*, retirement.*, upskilling.*, programme.*";
  constexpr std::string_view k_demand =
      "demand.*, attack.*, workforce.qualified, workforce.underskilled, "
      "outsourcing.*, event.*";
  switch (column) {
    case Column::time: return "time.*";
    case Column::attack_volume: return "attack.*, event.*.attack_multiplier";
    case Column::demand:
    case Column::domestic_demand: return k_demand;
    case Column::outsourced_share: return "outsourcing.*";
    case Column::workforce:
    case Column::qualified:
    case Column::underskilled: return k_stocks;
    case Column::trainees:
    case Column::graduates:
    case Column::programme_entrants: return "programme.*";
    case Column::upskilled: return "upskilling.*, programme.*";
    case Column::hires: return "hiring.*, demand.*, attack.*, workforce.*";
    case Column::attrition: return "attrition.*, workforce.*";
    case Column::retirements: return "retirement.*, workforce.*";
    case Column::shortage:
    case Column::skill_gap:
    case Column::open_positions: return "demand.*, attack.*, outsourcing.*, workforce.*, hiring.*, programme.*";
    case Column::hiring_cap:
    case Column::it_pool: return "hiring.pool, hiring.max_pool_share, workforce.*, programme.*";
    case Column::threat_index: return "attack.*, event.*.attack_multiplier";
    case Column::cost:
    case Column::cost_cumulative:
    case Column::cost_training:
    case Column::cost_hiring:
    case Column::cost_outsourcing:
    case Column::cost_training_cumulative:
    case Column::cost_hiring_cumulative:
    case Column::cost_outsourcing_cumulative:
      return "upskilling.cost_per_person, hiring.cost_per_hire, outsourcing.cost_per_fte, "
             "programme.*.cost_per_trainee";
    case Column::count: break;
  }
  return "";
}

}  // namespace gapsim
