// What every format of an exported model shares.
#include "export/model_text.hpp"

#include <cmath>

#include "io/number_format.hpp"

namespace gapsim {

std::string number_text(double value) {
  return std::abs(value) >= 1e-4 && std::abs(value) < 1e15 ? format_plain(value) : format_number(value);
}

}  // namespace gapsim
