// Output files of the analysis commands.
#include "cli/output_files.hpp"

#include <filesystem>
#include <iostream>

#include "io/atomic_file.hpp"

namespace gapsim {

void write_output_files(const std::string& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [name, contents] : files) {
    const std::string path = (std::filesystem::path(dir) / name).string();
    write_file_atomically(path, contents);
    std::cout << path << "\n";
  }
}

}  // namespace gapsim
