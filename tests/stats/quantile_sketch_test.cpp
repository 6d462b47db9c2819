// QuantileSketch::parse: it reads back what serialize writes, and refuses, with a message
// quoting at most the offending token, any text that could make it allocate out of bounds
// or hold counts that do not add up.
#include "stats/quantile_sketch.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace gapsim {
namespace {

// The error parse gives for `text`, or "" if it parses.
std::string parse_error(const std::string& text) {
  const auto sketch = QuantileSketch::parse(text);
  return sketch ? "" : sketch.error();
}

// Keys of 1.0 and 2.0: the IEEE bits without the low 42 mantissa bits.
constexpr const char* k_key_one = "1047552";
constexpr const char* k_key_two = "1048576";

TEST_CASE("QuantileSketch::parse reads back sketches of every sign and scale", "[stats][sketch]") {
  // Given values of both signs, zeros, subnormals and the extremes of double, the text should
  // parse to the same sketch.
  QuantileSketch sketch;
  for (const double x : {-3.5, -1e-300, 0.0, 2.0, 1e300, 5e-324, -1.7976931348623157e308, 0.0, 2.0}) {
    sketch.add(x);
  }
  const auto parsed = QuantileSketch::parse(sketch.serialize());
  REQUIRE(parsed);
  CHECK(parsed->serialize() == sketch.serialize());
  CHECK(parsed->quantile(0.5) == sketch.quantile(0.5));
  CHECK(QuantileSketch::parse(QuantileSketch{}.serialize()));
}

TEST_CASE("QuantileSketch::parse refuses keys outside min..max", "[stats][sketch]") {
  // Given the crafted line that once crashed merge (a signed overflow, then a heap overflow in the store
  // on the code before), the first bin should be refused before anything is allocated.
  CHECK(parse_error("200 0 0x1p+0 0x1p+0 2 -9223372036854775807:100 9223372036854775807:100 0") ==
        "positive bin '-9223372036854775807:100' lies outside the bins of min..max");
  // A key shifted by 2e9 (std::bad_alloc before): far above the key of max.
  CHECK(parse_error("3 0 0x1p+0 0x1p+0 1 2001047552:3 0") ==
        "positive bin '2001047552:3' lies outside the bins of min..max");
  // One past the key of max, one below the key of min.
  CHECK(parse_error(std::string("3 0 0x1p+0 0x1p+1 1 1048577:3 0")) ==
        "positive bin '1048577:3' lies outside the bins of min..max");
  CHECK(parse_error(std::string("3 0 0x1p+0 0x1p+1 1 1047551:3 0")) ==
        "positive bin '1047551:3' lies outside the bins of min..max");
  // A negative bin when min is positive, a positive one when max is negative.
  CHECK(parse_error(std::string("3 0 0x1p+0 0x1p+0 0 1 ") + k_key_one + ":3") ==
        std::string("negative bin '") + k_key_one + ":3' lies outside the bins of min..max");
  CHECK(parse_error(std::string("3 0 -0x1p+0 -0x1p+0 1 ") + k_key_one + ":3 0") ==
        std::string("positive bin '") + k_key_one + ":3' lies outside the bins of min..max");
  // A key no finite double has.
  CHECK(parse_error("3 0 0x1p+0 0x1p+0 1 9223372036854775807:3 0") ==
        "positive bin '9223372036854775807:3' lies outside the bins of min..max");
}

TEST_CASE("QuantileSketch::parse refuses unsorted or repeated keys", "[stats][sketch]") {
  CHECK(parse_error(std::string("2 0 0x1p+0 0x1p+1 2 ") + k_key_two + ":1 " + k_key_one + ":1 0") ==
        std::string("positive bin '") + k_key_one + ":1' does not follow the previous key");
  CHECK(parse_error(std::string("2 0 0x1p+0 0x1p+1 2 ") + k_key_one + ":1 " + k_key_one + ":1 0") ==
        std::string("positive bin '") + k_key_one + ":1' does not follow the previous key");
}

TEST_CASE("QuantileSketch::parse refuses counts that are not positive or do not add up", "[stats][sketch]") {
  CHECK(parse_error(std::string("3 0 0x1p+0 0x1p+0 1 ") + k_key_one + ":-3 0") ==
        std::string("malformed positive bin '") + k_key_one + ":-3'");
  CHECK(parse_error(std::string("3 0 0x1p+0 0x1p+0 1 ") + k_key_one + ":0 0") ==
        std::string("positive bin '") + k_key_one + ":0' has no count");
  CHECK(parse_error(std::string("4 0 0x1p+0 0x1p+0 1 ") + k_key_one + ":3 0") ==
        "the bins and zeros add up to 3, not the count 4");
  CHECK(parse_error(std::string("4 2 0x0p+0 0x1p+0 1 ") + k_key_one + ":3 0") ==
        "the bins and zeros add up to more than the count 4");
  // Counts that would wrap a 64-bit total back to the count.
  CHECK(parse_error(std::string("2 0 0x1p+0 0x1p+1 2 ") + k_key_one + ":18446744073709551615 " + k_key_two + ":3 0") ==
        "the bins and zeros add up to more than the count 2");
  CHECK(parse_error("1 1 0x1p+0 0x1p+0 0 0") == "zeros counted, but min..max does not hold 0");
}

TEST_CASE("QuantileSketch::parse refuses malformed numbers, quoting only the token", "[stats][sketch]") {
  CHECK(parse_error("abc 0 0x1p+0 0x1p+0 0 0") == "malformed count 'abc'");
  CHECK(parse_error("-1 0 0x1p+0 0x1p+0 0 0") == "malformed count '-1'");
  CHECK(parse_error("1 0 1.0 0x1p+0 0 0") == "malformed min or max '1.0'");
  CHECK(parse_error("1 0 inf 0x1p+0 0 0") == "malformed min or max 'inf'");
  CHECK(parse_error("1 0 0x1p+1 0x1p+0 0 0") == "min is above max");
  CHECK(parse_error("1 0 0x1p+0") == "malformed min or max (missing)");
  CHECK(parse_error("1 0 0x1p+0 0x1p+0 x 0") == "malformed number of positive bins 'x'");
  CHECK(parse_error("3 0 0x1p+0 0x1p+0 2 1047552:3") == "malformed positive bin (missing)");
  CHECK(parse_error("3 0 0x1p+0 0x1p+0 1 1047552:3 0 secret") == "unexpected 'secret' after the bins");
}

}  // namespace
}  // namespace gapsim
