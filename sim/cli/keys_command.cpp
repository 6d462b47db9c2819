// `gapsim keys`: the scenario key table as Markdown; scenarios/README.md embeds this output.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "io/key_schema.hpp"

namespace gapsim {
namespace {

std::string keys_markdown() {
  std::string out = "| key | type | unit | default | valid values | meaning |\n";
  out += "|---|---|---|---|---|---|\n";
  static constexpr const char* k_type_names[] = {"number", "integer", "schedule", "choice",
                                                 "path",   "date",    "text"};
  for (const KeySpec& spec : key_specs()) {
    std::string valid;
    if (spec.type == KeyType::choice) {
      valid = std::string(spec.choices);
      for (char& c : valid) {
        c = c == '|' ? ',' : c;
      }
    } else if (spec.type == KeyType::number || spec.type == KeyType::integer ||
               spec.type == KeyType::schedule) {
      valid = range_text(spec).substr(std::string("must be ").size());
    }
    const std::string default_value = spec.default_value.empty() ? "required" : std::string(spec.default_value);
    out += "| `" + std::string(spec.key) + "` | " + k_type_names[static_cast<int>(spec.type)] +
           " | " + std::string(spec.unit) + " | " + default_value + " | " + valid + " | " +
           std::string(spec.doc) + " |\n";
  }
  return out;
}

}  // namespace

int keys_command(const std::vector<std::string>& args) {
  boost::program_options::options_description options("options");
  if (!parse_command_line(args, "usage: gapsim keys\nPrints every scenario key as a Markdown table.",
                          options, nullptr)) {
    return k_exit_success;
  }
  std::cout << keys_markdown();
  return k_exit_success;
}

}  // namespace gapsim
