// Formatting of input errors.
#include "io/input_error.hpp"

namespace gapsim {

void throw_input_error(const std::string& file, int line, const std::string& key, const std::string& what) {
  // Line 0: a setting from the command line, where "--set KEY: what" says all there is.
  std::string message = line > 0 ? file + ":" + std::to_string(line) + ": " : file + " ";
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
