// The centre check: a declaration whose median is not the scenario's value is named, with
// both numbers and where it was declared; within 1% of the 5-95% spread it passes. The
// shipped scenarios pass, so their deterministic runs are their studies' centres.
#include "io/declaration_centre.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "io/scenario_builder.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

// The centre messages of a minimal scenario with demand.growth = `growth`, a programme whose
// intake is 100 in 2013 and 300 in 2020, and the declarations `uncertain`.
std::vector<std::string> off_centre(const std::string& growth, const std::string& uncertain) {
  std::string ini = test::minimal_ini();
  ini.insert(ini.find("base_shortage"), "growth = " + growth + "\n");
  const test::MemoryFiles files{
      {{"main.ini", ini + "[programme.uni]\nintake = 2013:100, 2020:300\nduration = 2\n[uncertain]\n" + uncertain}}};
  const RawScenario raw = load_scenario("main.ini", files.reader());
  std::vector<std::string> messages;
  for (const UncertainInput& input : read_uncertain_inputs(raw, build_scenario(raw, files.reader()))) {
    if (const auto text = off_centre_text(raw, input)) {
      messages.push_back(*text);
    }
  }
  return messages;
}

TEST_CASE("off_centre_text: a declaration whose median is not the value", "[io][uncertain]") {
  // uniform(0.01, 0.04): median 0.025, 5-95% spread 0.027, so 1% of it is 0.00027.
  CHECK(off_centre("0.03", "demand.growth = uniform(0.01, 0.04)\n") ==
        std::vector<std::string>{"demand.growth is 0.03 in the scenario but the median of its declaration "
                                 "uniform(0.01, 0.04) (main.ini:13) is 0.025: the deterministic run is not the "
                                 "centre of the study; declare a distribution whose median is the value, or set the "
                                 "value to the median"});
  CHECK(off_centre("0.0253", "demand.growth = uniform(0.01, 0.04)\n").size() == 1);  // 0.0003 off
  CHECK(off_centre("0.0252", "demand.growth = uniform(0.01, 0.04)\n").empty());      // 0.0002 off
  CHECK(off_centre("0.025", "demand.growth = uniform(0.01, 0.04)\n").empty());
  // triangular(0.07, 0.096, 0.13): the mode is not the median (0.0981).
  CHECK(off_centre("0.096", "demand.growth = triangular(0.07, 0.096, 0.13)\n").size() == 1);
  CHECK(off_centre("0.096", "demand.growth = lognormal(-2.343407, 0.2, 0, 1)\n").empty());
  // A schedule point: the value at that point, not elsewhere on the schedule.
  CHECK(off_centre("0.03", "programme.uni.intake@2020 = uniform(200, 400)\n").empty());
  const auto point = off_centre("0.03", "programme.uni.intake@2013 = uniform(200, 400)\n");
  REQUIRE(point.size() == 1);
  CHECK(point[0].starts_with("programme.uni.intake@2013 is 100 in the scenario but the median"));
}

TEST_CASE("off_centre_text: every shipped declaration is centred on its scenario's value", "[io][uncertain]") {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(GAPSIM_SOURCE_DIR "/scenarios")) {
    if (entry.path().extension() != ".ini") {
      continue;
    }
    const RawScenario raw = load_scenario(entry.path().string(), read_disk_file);
    for (const UncertainInput& input : read_uncertain_inputs(raw, build_scenario(raw, read_disk_file))) {
      INFO(entry.path().filename().string() << " " << input.key.label);
      CHECK(off_centre_text(raw, input) == std::nullopt);
      ++checked;
    }
  }
  CHECK(checked >= 7 * 9);
}

}  // namespace
}  // namespace gapsim
