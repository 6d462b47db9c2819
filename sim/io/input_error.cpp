// Formatting of input errors.
#include "io/input_error.hpp"

namespace gapsim {

void throw_input_error(const std::string& file, int line, const std::string& key, const std::string& what) {
  std::string message = file + ":" + std::to_string(line) + ": ";
  if (!key.empty()) {
    message += key + ": ";
  }
  throw InputError(message + what);
}

std::string quoted(std::string_view text) {
  std::string out = "'";
  out += text;
  out += '\'';
  return out;
}

}  // namespace gapsim
