// `gapsim keys`: the scenario key table as Markdown; scenarios/README.md embeds this output.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "io/key_schema.hpp"

namespace gapsim {

int keys_command(const std::vector<std::string>& args) {
  boost::program_options::options_description options("options");
  if (!parse_command_line(args, "usage: gapsim keys\nPrints every scenario key as a Markdown table.", options,
                          nullptr)) {
    return k_exit_success;
  }
  std::cout << key_table_markdown();
  return k_exit_success;
}

}  // namespace gapsim
