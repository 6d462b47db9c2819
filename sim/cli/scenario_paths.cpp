// Expansion of scenario directories.
#include "cli/scenario_paths.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>

#include "cli/app.hpp"
#include "io/input_error.hpp"

namespace gapsim {

std::vector<std::string> scenario_paths(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  for (const std::string& input : inputs) {
    if (!fs::is_directory(input)) {
      paths.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (const fs::directory_entry& entry : fs::directory_iterator(input)) {
      if (entry.is_regular_file() && entry.path().extension() == ".ini") {
        found.push_back(entry.path().string());
      }
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
      throw std::runtime_error(input + ": no *.ini scenario files in directory");
    }
    paths.insert(paths.end(), found.begin(), found.end());
  }
  return paths;
}

std::vector<std::string> for_each_scenario(const std::vector<std::string>& paths,
                                           const std::function<void(const std::string&)>& each) {
  std::vector<std::string> failures;
  std::map<std::string, std::string> seen;  // scenario name -> file
  for (const std::string& path : paths) {
    try {
      const std::string name = std::filesystem::path(path).stem().string();
      if (auto [it, fresh] = seen.emplace(name, path); !fresh) {
        throw InputError(path + ":0: scenario name '" + name + "' is also used by " + it->second);
      }
      each(path);
    } catch (const std::exception& error) {
      failures.push_back(error.what());
    }
  }
  return failures;
}

int report_failures(const std::string& command, const std::vector<std::string>& failures) {
  if (failures.empty()) {
    return k_exit_success;
  }
  std::cerr << "gapsim " << command << ": " << failures.size() << " failed:\n";
  for (const std::string& failure : failures) {
    std::cerr << failure << "\n";
  }
  return k_exit_failure;
}

}  // namespace gapsim
