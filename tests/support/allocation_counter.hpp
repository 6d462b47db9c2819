// Counts heap allocations made by this thread, so tests can assert that a code path makes none.
#pragma once

#include <cstddef>

namespace gapsim::test {

// Allocations through global operator new on this thread since the program started.
std::size_t allocations_so_far();

}  // namespace gapsim::test
