// The one exception for bad input: its message is the single line the user sees,
// "FILE:LINE: KEY: what is wrong". Thrown by the io layer, caught once per scenario.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace gapsim {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "FILE:LINE: KEY: what" (the KEY part is left out when key is empty). Line 0 stands for a
// setting given on the command line, with `file` the option that gave it: "--set KEY: what".
[[noreturn]] void throw_input_error(const std::string& file, int line, const std::string& key, const std::string& what);

// 'text' in single quotes, as messages show values (built by appending: GCC 12 warns
// falsely on "'" + std::string(...)).
std::string quoted(std::string_view text);

}  // namespace gapsim
