// Units of the output columns.
#include "io/output_units.hpp"

#include "model/scenario_config.hpp"

namespace gapsim {
namespace {

std::string per_row(std::string_view amount, ReportStep step) {
  return std::string(amount) + (step == ReportStep::monthly ? " per month (1/12 yr)" : " per year");
}

}  // namespace

std::string attack_unit(const BuiltScenario& built) {
  std::string trend;
  std::string column;
  for (const ResolvedSetting& setting : built.resolved) {
    if (setting.key == "attack.trend") {
      trend = setting.value;
    } else if (setting.key == "attack.column") {
      column = setting.value;
    }
  }
  return trend == "growth" ? "unit of attack.base" : column;
}

std::string column_unit(Column column, ReportStep step, std::string_view attack_unit) {
  switch (column) {
    case Column::time: return "year";
    case Column::attack_volume: return std::string(attack_unit) + " per year";
    case Column::outsourced_share: return "share of demand (0 to 1)";
    case Column::threat_index: return "ratio to the attack trend at the start (-)";
    case Column::open_positions: return "persons (mean over the row)";
    case Column::hiring_cap: return "persons per year (mean over the row)";
    case Column::cost:
    case Column::cost_training:
    case Column::cost_hiring:
    case Column::cost_outsourcing: return per_row("yen", step);
    case Column::cost_cumulative:
    case Column::cost_training_cumulative:
    case Column::cost_hiring_cumulative:
    case Column::cost_outsourcing_cumulative: return "yen";
    default: return is_level(column) ? "persons" : per_row("persons", step);
  }
}

std::string programme_column_unit(ProgrammeColumn column, ReportStep step) {
  switch (column) {
    case ProgrammeColumn::trainees: return "persons";
    case ProgrammeColumn::cost: return per_row("yen", step);
    default: return per_row("persons", step);
  }
}

std::string units_text(UnitsFor outputs, ReportStep step, std::string_view attack_unit,
                       std::span<const Column> columns) {
  std::string out = "# units of the output columns (FILE COLUMN = UNIT; flows are totals over the row)\n";
  const auto line = [&out](std::string_view file, std::string_view column, const std::string& unit) {
    out += "#   ";
    out += file;
    out += ' ';
    out += column;
    out += " = " + unit + "\n";
  };
  if (outputs == UnitsFor::study) {
    for (const Column column : columns) {
      line("variable", column_name(column), column_unit(column, step, attack_unit));
    }
    return out;
  }
  for (const std::string_view file : {"timeseries.csv", "programmes.csv"}) {
    line(file, "year", "year");
    if (step == ReportStep::monthly) {
      line(file, "month", "month (1 to 12)");
    }
    if (file == "timeseries.csv") {
      for (const Column column : columns) {
        line(file, column_name(column), column_unit(column, step, attack_unit));
      }
    } else {
      line(file, "programme", "name");
      for (int c = 0; c < k_programme_column_count; ++c) {
        const auto column = static_cast<ProgrammeColumn>(c);
        line(file, programme_column_name(column), programme_column_unit(column, step));
      }
    }
  }
  return out;
}

}  // namespace gapsim
