// Test scenario helpers.
#include "support/scenarios.hpp"

#include "io/input_error.hpp"
#include "model/exogenous.hpp"

namespace gapsim::test {

ScenarioConfig default_config() { return build_from_memory({{{"main.ini", minimal_ini()}}}).config; }

ProgrammeConfig default_programme() {
  const std::string programme = "[programme.default]\nintake = 0\nduration = 0\n";
  return build_from_memory({{{"main.ini", minimal_ini() + programme}}}).config.programmes.at(0);
}

EventConfig default_event() {
  const std::string event = "[event.default]\nstart = 2013-01-01\nend = 2013-01-01\n";
  return build_from_memory({{{"main.ini", minimal_ini() + event}}}).config.events.at(0);
}

ScenarioConfig quiet_config(double people) {
  ScenarioConfig config = default_config();
  config.name = "quiet";
  config.time = {2013, 2015, 12, ReportStep::monthly};
  config.workforce.qualified = people;
  config.workforce.underskilled = 0.0;
  config.workforce.initial_age_share.assign(config.workforce.max_age - config.workforce.min_age + 1, 0.0);
  config.workforce.initial_age_share[30 - config.workforce.min_age] = 1.0;
  config.attrition = {0.0, 0.0};
  config.retirement = {65.0, 0.0};
  config.hiring.pool = Schedule::constant(0.0);
  config.demand.base_shortage = 0.0;
  config.attack = std::make_shared<GrowthTrend>(1.0, 2013.0, 0.0);
  return config;
}

Results run_config(const ScenarioConfig& config, Workspace* workspace) {
  Workspace local;
  Results results;
  Engine::run(make_exogenous_inputs(config), workspace ? *workspace : local, results);
  return results;
}

ReadFile MemoryFiles::reader() const {
  return [files = files](const std::string& path) -> std::optional<std::string> {
    auto it = files.find(path);
    return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

BuiltScenario build_from_memory(const MemoryFiles& files, const std::string& path) {
  return build_scenario(load_scenario(path, files.reader()), files.reader());
}

std::string build_error(const MemoryFiles& files, const std::string& path) {
  try {
    build_from_memory(files, path);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

std::string minimal_ini() {
  return "[workforce]\n"
         "qualified = 100\n"
         "underskilled = 200\n"
         "[demand]\n"
         "base_shortage = 50\n"
         "[attack]\n"
         "base = 10\n";
}

}  // namespace gapsim::test
