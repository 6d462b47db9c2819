// Lookup of output columns by name.
#include "io/output_variable.hpp"

#include "io/edit_distance.hpp"

namespace gapsim {

std::expected<Column, std::string> output_variable(std::string_view name) {
  int best = -1;
  std::string_view closest;
  for (int c = 1; c < k_column_count; ++c) {
    const std::string_view candidate = column_name(static_cast<Column>(c));
    if (candidate == name) {
      return static_cast<Column>(c);
    }
    const int distance = edit_distance(name, candidate);
    if (best < 0 || distance < best) {
      best = distance;
      closest = candidate;
    }
  }
  return std::unexpected(std::string(closest));
}

}  // namespace gapsim
