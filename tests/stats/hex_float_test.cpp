// Hexadecimal doubles: the same text as printf("%a") for every kind of finite double, and
// every bit back when read.
#include "stats/hex_float.hpp"

#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>

namespace gapsim {
namespace {

std::string printf_hex(double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%a", x);
  return buffer;
}

TEST_CASE("hex float: the text of printf %a, read back to the same bits", "[stats][hex_float]") {
  std::vector<double> values = {0.0,
                                -0.0,
                                1.0,
                                -1.0,
                                0.1,
                                3.0,
                                1e300,
                                -2.5e-300,
                                std::numeric_limits<double>::min(),
                                std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::denorm_min(),
                                -std::numeric_limits<double>::denorm_min(),
                                std::numeric_limits<double>::min() / 3,
                                132060.0,
                                0.0696164474031274};
  std::mt19937_64 random(7);
  for (int i = 0; i < 20000; ++i) {  // random bit patterns: every exponent, subnormals included
    const double x = std::bit_cast<double>(random());
    if (std::isfinite(x)) {
      values.push_back(x);
    }
  }
  for (const double x : values) {
    std::string text;
    append_hex_float(text, x);
    INFO(text);
    REQUIRE(text == printf_hex(x));
    const auto back = parse_hex_float(text);
    REQUIRE(back.has_value());
    CHECK(std::bit_cast<std::uint64_t>(*back) == std::bit_cast<std::uint64_t>(x));
  }
}

TEST_CASE("hex float: anything but a whole finite %a text is refused", "[stats][hex_float]") {
  for (const char* text : {"", "-", "0x", "1p+0", "0x1p+0 ", " 0x1p+0", "0x1p+0x", "--0x1p+0", "0x-1p+0", "0x1p+5000",
                           "nan", "inf", "0xg", "1.5"}) {
    INFO(text);
    CHECK_FALSE(parse_hex_float(text).has_value());
  }
  CHECK(parse_hex_float("0x1.8p+1") == 3.0);
  CHECK(parse_hex_float("-0x1p-1") == -0.5);
}

}  // namespace
}  // namespace gapsim
