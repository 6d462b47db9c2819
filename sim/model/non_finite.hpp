// Finding where a run stopped being finite, so that no `inf` or `nan` reaches an output file
// and the error can say which variable broke, when, and which keys it is computed from.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/results.hpp"

namespace gapsim {

struct NonFiniteCell {
  int row = 0;                   // report row
  Column column = Column::time;  // the variable
  double time = 0.0;             // decimal year at the start of the row
};

// The first cell of `results` that is not finite: the earliest report row, and in it the
// variable earliest in the model's chain (attack volume, demand, the workforce, flows,
// shortage, cost), where the problem shows first; then the state at the end of the run, as
// one more row. The peak shortage counts as the shortage of its step. nullopt when everything is finite.
std::optional<NonFiniteCell> first_non_finite(const Results& results);

// "workforce is not finite in 2031 (it is computed from workforce.*, hiring.*, ...)"; the
// month too for a row that does not start a year.
std::string non_finite_text(const NonFiniteCell& cell);

// The scenario keys a variable is computed from, as key patterns ("hiring.*"), for messages.
std::string_view keys_driving(Column column);

}  // namespace gapsim
