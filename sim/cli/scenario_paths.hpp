// Scenario files named on a command line, with directories expanded.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace gapsim {

// Each input as given, except that a directory stands for every *.ini in it, sorted.
// Throws std::runtime_error for a directory without scenario files.
std::vector<std::string> scenario_paths(const std::vector<std::string>& inputs);

// Calls each(path) for every scenario path in turn; a scenario that fails (an exception, or
// a name already used by an earlier file) does not stop the others. Returns the messages.
std::vector<std::string> for_each_scenario(const std::vector<std::string>& paths,
                                           const std::function<void(const std::string& path)>& each);

// Prints "gapsim COMMAND: N failed:" and the messages to stderr; the exit code to return.
int report_failures(const std::string& command, const std::vector<std::string>& failures);

}  // namespace gapsim
