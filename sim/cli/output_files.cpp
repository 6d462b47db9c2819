// Input and output files of the analysis commands.
#include "cli/output_files.hpp"

#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string_view>

#include "io/atomic_file.hpp"
#include "io/scenario_loader.hpp"

namespace gapsim {

std::string read_input_file(const std::string& path) {
  auto text = read_disk_file(path);
  if (!text) {
    throw std::runtime_error(path + ": cannot read the file");
  }
  return std::move(*text);
}

void write_output_files(const std::string& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<NamedContents> named;
  for (const auto& [name, contents] : files) {
    named.push_back({name, contents});
  }
  write_directory_atomically(dir, named);
  for (const auto& file : files) {
    std::cout << (std::filesystem::path(dir) / file.first).string() << "\n";
  }
}

}  // namespace gapsim
