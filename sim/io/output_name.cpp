// Names that become one entry inside an output directory.
#include "io/output_name.hpp"

#include <algorithm>

namespace gapsim {
namespace {

bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }

// The name in single quotes, control characters as \xNN so the message stays one line.
std::string shown(std::string_view name) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string text = "'";
  for (const char c : name) {
    if (is_control(c)) {
      const auto byte = static_cast<unsigned char>(c);
      text += "\\x";
      text += k_hex[byte >> 4];
      text += k_hex[byte & 0xf];
    } else {
      text += c;
    }
  }
  text += "'";
  return text;
}

}  // namespace

std::optional<std::string> output_name_problem(std::string_view name) {
  if (name.empty()) {
    return "the name is empty";
  }
  if (name.size() > k_max_output_name) {
    return "the name is " + std::to_string(name.size()) + " characters long (at most " +
           std::to_string(k_max_output_name) + ")";
  }
  if (name.front() == '.') {
    return "the name " + shown(name) + " starts with '.'";
  }
  if (name.front() == '-') {
    return "the name " + shown(name) + " starts with '-'";
  }
  if (name.find_first_of("/\\") != std::string_view::npos) {
    return "the name " + shown(name) + " contains a path separator";
  }
  if (std::any_of(name.begin(), name.end(), is_control)) {
    return "the name " + shown(name) + " contains a control character";
  }
  return std::nullopt;
}

}  // namespace gapsim
