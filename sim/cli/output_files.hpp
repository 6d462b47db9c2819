// Writing a command's output files.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gapsim {

// Writes each (file name, contents) into `dir` atomically and prints the path of each.
void write_output_files(const std::string& dir, const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace gapsim
