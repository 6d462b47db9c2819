// The unit of every output column, for the manifest (scenarios/README.md gives the same).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "io/scenario_builder.hpp"
#include "model/results.hpp"

namespace gapsim {

enum class ReportStep;  // model/scenario_config.hpp

// The unit attack volumes are in: the series column (attack.column) for a series or fitted
// trend, or whatever attack.base is given in for a growth trend.
std::string attack_unit(const BuiltScenario& built);

// "persons", "persons per year", "yen per month", ...: flows are totals over the report step.
// `attack_unit` is the unit of the attack volume, e.g. "packets_billion".
std::string column_unit(Column column, ReportStep step, std::string_view attack_unit);
std::string programme_column_unit(ProgrammeColumn column, ReportStep step);

// Where the units apply: the time series is written by `gapsim run` as timeseries.csv with
// programmes.csv beside it, by studies as the variables of their tables.
enum class UnitsFor { run, study };

// The manifest's block of units, comment lines "#   FILE COLUMN = UNIT": the time and `columns`
// of timeseries.csv and every column of programmes.csv (run), or "#   variable COLUMN = UNIT"
// for every column (study).
std::string units_text(UnitsFor outputs, ReportStep step, std::string_view attack_unit,
                       std::span<const Column> columns);

}  // namespace gapsim
