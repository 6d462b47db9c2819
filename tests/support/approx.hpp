// The one tolerance policy of the test suite.
#pragma once

#include <catch2/catch.hpp>

namespace gapsim::test {

// Relative tolerance for results that are exact up to floating-point rounding.
constexpr double k_rounding = 1e-9;
// Relative tolerance for a calibrated scenario against the targets it was fitted to.
constexpr double k_calibrated = 1e-6;
// Relative tolerance for golden files (allows another compiler's rounding, not a model change).
constexpr double k_golden = 1e-9;

inline Catch::Matchers::Floating::WithinRelMatcher within_rounding(double expected) {
  return Catch::Matchers::WithinRel(expected, k_rounding);
}

// Relative closeness with an absolute floor, for values that may be zero.
inline bool close(double actual, double expected, double rel, double abs_floor = 1e-6) {
  return std::abs(actual - expected) <= std::max(abs_floor, rel * std::abs(expected));
}

}  // namespace gapsim::test
