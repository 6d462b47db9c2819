// Levenshtein distance, for "did you mean" suggestions.
#pragma once

#include <string_view>

namespace gapsim {

int edit_distance(std::string_view a, std::string_view b);

// min(edit_distance(a, b), limit) in time O(max(|a|, |b|) * limit) rather than O(|a| * |b|),
// so that an unknown key with a very long section name cannot stall the search for the
// closest valid key. REQUIRES: limit >= 0.
int edit_distance_up_to(std::string_view a, std::string_view b, int limit);

}  // namespace gapsim
