// The unit of every output column, for the manifest (scenarios/README.md gives the same).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "model/results.hpp"

namespace gapsim {

enum class ReportStep;  // model/scenario_config.hpp

// "persons", "persons per year", "yen per month", ...: flows are totals over the report step.
// `attack_unit` is the unit of the attack volume, e.g. "packets_billion".
std::string column_unit(Column column, ReportStep step, std::string_view attack_unit);
std::string programme_column_unit(ProgrammeColumn column, ReportStep step);

// The manifest's block of units, comment lines "#   FILE COLUMN = UNIT" for timeseries.csv
// (year, month and `columns`) and programmes.csv.
std::string units_text(ReportStep step, std::string_view attack_unit, std::span<const Column> columns);

}  // namespace gapsim
