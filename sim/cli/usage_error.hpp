// The exception for a command line the program cannot use: app_main prints its message after
// the command name and exits with k_exit_usage. Throw it for our own checks of option values;
// Boost.Program_options' own errors are treated the same way.
#pragma once

#include <stdexcept>

namespace gapsim {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace gapsim
