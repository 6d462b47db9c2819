// libFuzzer target: the value syntaxes of a scenario (numbers, whole numbers, schedules,
// dates, distributions). A distribution that parses must give quantiles inside its support.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/uncertainty.hpp"
#include "io/value_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gapsim::parse_number(text);
  gapsim::parse_integer(text);
  gapsim::parse_points(text);
  gapsim::parse_date(text);
  if (const auto distribution = gapsim::parse_distribution(text)) {
    for (const double u : {1e-300, 0.05, 0.5, 0.95, 1.0 - 1e-16}) {
      if (std::isnan(distribution->quantile(u))) {
        std::abort();  // a declaration that parses must sample
      }
    }
  }
  return 0;
}
