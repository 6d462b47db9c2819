// What produced an output directory: program version, every input file's hash, and the fully
// resolved scenario (every key after `extends` and defaults) as INI text.
#pragma once

#include <string>

#include "io/scenario_builder.hpp"
#include "io/scenario_loader.hpp"

namespace gapsim {

// REQUIRES: every file in raw.files and built.data_files readable through `read`.
std::string manifest_text(const RawScenario& raw, const BuiltScenario& built, const ReadFile& read);

// For the commands that are not `run`: the version, the command line ("gapsim", `command`,
// then `args`) and the hash of every input file.
std::string command_manifest_text(const std::string& command, const std::vector<std::string>& args,
                                  const std::vector<std::string>& inputs, const ReadFile& read);

}  // namespace gapsim
