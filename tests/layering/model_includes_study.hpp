// Not compiled: a model header that includes a study header, which the layering check of
// cmake/GapsimLayering.cmake must refuse (tests/CMakeLists.txt, test "layering").
#pragma once

#include <vector>

#include "model/results.hpp"
#include "study/monte_carlo.hpp"
