// hex_float: the text printf's %a gives, read back to the same bits.
#include "stats/hex_float.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>

namespace gapsim {
namespace {

std::string hex(double value) {
  std::string out;
  append_hex_float(out, value);
  return out;
}

TEST_CASE("hex_float: the text of printf %a, and back to the same bits", "[stats][hex_float]") {
  // Given random bit patterns (every exponent, subnormals, infinities and NaNs) and edge
  // values, the text should be what the C library's %a writes and parse to the same bits.
  std::mt19937_64 random(301);
  std::vector<double> values = {0.0, -0.0, 1.0, 3.0, -0.5, 16.580219531671474,
                                std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::min(),
                                std::numeric_limits<double>::max(), -std::numeric_limits<double>::infinity()};
  for (int i = 0; i < 200'000; ++i) {
    const std::uint64_t bits = random();
    double value = 0.0;
    std::memcpy(&value, &bits, sizeof value);
    values.push_back(value);
  }
  for (const double value : values) {
    char c_text[40];
    std::snprintf(c_text, sizeof c_text, "%a", value);
    const std::string text = hex(value);
    REQUIRE(text == c_text);
    if (!std::isnan(value)) {
      const double parsed = parse_hex_float(text).value();
      REQUIRE(std::memcmp(&parsed, &value, sizeof value) == 0);
    }
  }
  CHECK(hex(3.0) == "0x1.8p+1");
  CHECK(hex(-0.0) == "-0x0p+0");
  CHECK(hex(std::numeric_limits<double>::denorm_min()) == "0x0.0000000000001p-1022");
}

TEST_CASE("hex_float: text that is not one hexadecimal float is refused", "[stats][hex_float]") {
  for (const char* text : {"", "-", "0x", "0x1.8p+1 ", "1.5", "--0x1p+0", "-+0x1p+0", "0x-1p+0", "0x1p+0x", "0X1p+0"}) {
    INFO(text);
    CHECK(!parse_hex_float(text));
  }
  CHECK(parse_hex_float("-0x1.8p+1") == -3.0);
  CHECK(parse_hex_float("0x1p-2") == 0.25);
}

}  // namespace
}  // namespace gapsim
