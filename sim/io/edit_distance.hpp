// Levenshtein distance, for "did you mean" suggestions.
#pragma once

#include <string_view>

namespace gapsim {

int edit_distance(std::string_view a, std::string_view b);

}  // namespace gapsim
