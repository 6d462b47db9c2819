// Building scenarios for tests: a quiet configuration in code, and INI text in memory.
#pragma once

#include <map>
#include <string>

#include "io/scenario_builder.hpp"
#include "model/engine.hpp"
#include "model/scenario_config.hpp"

namespace gapsim::test {

// minimal_ini() built through the key table: every key at its documented default, which
// is where a config written in code should start (ScenarioConfig itself holds no defaults).
ScenarioConfig default_config();

// A programme and an event with every key at its key-table default; the programme has no
// intake and no duration, the event covers 1 January 2013.
ProgrammeConfig default_programme();
EventConfig default_event();

// A scenario where nothing happens unless a test switches it on: `people` qualified workers
// all aged 30, no attrition, retirement at 65 exactly, no demand gap, no hiring (empty pool),
// no programmes or events, flat attack trend; 2013-2015, monthly steps and reports.
ScenarioConfig quiet_config(double people = 1000.0);

// Runs `config` and returns its results (the workspace is returned through `workspace`).
Results run_config(const ScenarioConfig& config, Workspace* workspace = nullptr);

// Files held in memory, read through the same ReadFile interface as the disk.
struct MemoryFiles {
  std::map<std::string, std::string> files;
  ReadFile reader() const;
};

// Loads and builds "main.ini" (plus whatever it extends) from `files`.
BuiltScenario build_from_memory(const MemoryFiles& files, const std::string& path = "main.ini");

// The message of the InputError that building `path` throws, or "" if none is thrown.
std::string build_error(const MemoryFiles& files, const std::string& path = "main.ini");

// Minimal valid scenario text; tests append sections or keys to it.
std::string minimal_ini();

}  // namespace gapsim::test
