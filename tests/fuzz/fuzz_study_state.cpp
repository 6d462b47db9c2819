// libFuzzer target: a shard's study_state, as `gapsim merge` reads it. Bad input must end in
// an InputError; the reader must never crash or allocate in proportion to a number it reads.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/input_error.hpp"
#include "study/study_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const gapsim::StudyState state = gapsim::parse_study_state(text, "study_state");
    gapsim::study_state_text(state);  // what parses must serialize again
  } catch (const gapsim::InputError&) {
  }
  return 0;
}
