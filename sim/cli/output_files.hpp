// Reading a command's input files and writing its output files.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gapsim {

// The whole file at `path`; throws std::runtime_error "PATH: cannot read the file".
std::string read_input_file(const std::string& path);

// Puts each (file name, contents) into `dir`, all together (write_directory_atomically: `dir`
// then holds all of the old set or all of the new one, other entries kept), and prints the
// path of each.
void write_output_files(const std::string& dir, const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace gapsim
