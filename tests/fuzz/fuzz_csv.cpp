// libFuzzer target: the two CSV readers, an attack series and calibration targets. Bad input
// must end in an InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/calibration_targets.hpp"
#include "io/input_error.hpp"
#include "io/series_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    gapsim::read_yearly_series(text, "data.csv", "packets_billion");
  } catch (const gapsim::InputError&) {
  }
  try {
    gapsim::read_calibration_targets(text, "targets.csv");
  } catch (const gapsim::InputError&) {
  }
  return 0;
}
