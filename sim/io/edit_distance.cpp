// Levenshtein distance with one row of memory.
#include "io/edit_distance.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <numeric>
#include <vector>

namespace gapsim {

int edit_distance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

int edit_distance_up_to(std::string_view a, std::string_view b, int limit) {
  assert(limit >= 0);
  if (a.size() < b.size()) {
    std::swap(a, b);  // rows run over the longer text, the band over the shorter one
  }
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  const auto m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t band = limit;
  if (n - m >= band) {
    return limit;  // every alignment needs at least n - m insertions
  }
  if (m == 0) {
    return static_cast<int>(n);
  }
  // Only cells with |i - j| < limit can hold a distance below the limit. Cells outside the
  // band are taken as `limit`, which is never above their true value, so every distance below
  // the limit comes out exact and every other one comes out as at least the limit.
  std::vector<int> row(b.size() + 1);
  for (std::ptrdiff_t j = 0; j <= m; ++j) {
    row[j] = static_cast<int>(std::min(j, band));
  }
  for (std::ptrdiff_t i = 1; i <= n; ++i) {
    const std::ptrdiff_t first = std::max<std::ptrdiff_t>(1, i - band + 1);
    const std::ptrdiff_t last = std::min(m, i + band - 1);
    int diagonal = row[first - 1];
    row[first - 1] = first == 1 ? static_cast<int>(std::min(i, band)) : limit;
    for (std::ptrdiff_t j = first; j <= last; ++j) {
      const int substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution, limit});
    }
  }
  return std::min(row[m], limit);
}

}  // namespace gapsim
