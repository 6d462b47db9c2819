// libFuzzer target: a scenario file, read, built and run as `gapsim run` does, then exported
// as `gapsim export` does in both formats. Bad input must end in an InputError (a message for
// the user); anything else, a crash, a sanitizer report or another exception, is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "export/scenario_model.hpp"
#include "io/input_error.hpp"
#include "io/scenario_builder.hpp"
#include "study/scenario_run.hpp"

namespace {

// A small attack series, so that `attack.trend = series` and `fit` can be reached.
constexpr const char* k_series =
    "year,packets_billion,packets_per_ip\n2005,0.31,19\n2006,0.81,40\n2007,1.99,95\n"
    "2008,2.29,110\n2009,3.57,170\n2010,5.65,240\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const gapsim::ReadFile read = [&text](const std::string& path) -> std::optional<std::string> {
    if (path == "main.ini") {
      return text;
    }
    if (path == "data.csv") {
      return std::string(k_series);
    }
    return std::nullopt;
  };
  try {
    gapsim::run_scenario_file("main.ini", read);
    const gapsim::RawScenario raw = gapsim::load_scenario("main.ini", read);
    const gapsim::BuiltScenario built = gapsim::build_scenario(raw, read);
    for (const gapsim::ModelFormat format : {gapsim::ModelFormat::mdl, gapsim::ModelFormat::xmile}) {
      gapsim::scenario_model(raw, built, format, read);
    }
  } catch (const gapsim::InputError&) {
  }
  return 0;
}
