// ExactSum::parse: it reads back the canonical limbs serialize writes, and refuses any other
// text with a message quoting the offending pair.
#include "stats/exact_sum.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace gapsim {
namespace {

std::string parse_error(const std::string& text) {
  const auto sum = ExactSum::parse(text);
  return sum ? "" : sum.error();
}

TEST_CASE("ExactSum::parse reads back positive, negative and zero sums", "[stats][exact_sum]") {
  // Given sums of each sign, parsing their text should give the same sum.
  for (const double x : {0.0, 1e308, -2.5, 5e-324, -1e-300}) {
    ExactSum sum;
    sum.add(x);
    sum.add(x / 3);
    const auto parsed = ExactSum::parse(sum.serialize());
    REQUIRE(parsed);
    CHECK(*parsed == sum);
    CHECK(parsed->value() == sum.value());
  }
}

TEST_CASE("ExactSum::parse refuses garbage and non-canonical limbs", "[stats][exact_sum]") {
  CHECK(parse_error("3:x") == "malformed limb '3:x'");
  CHECK(parse_error("abc") == "malformed limb 'abc'");
  CHECK(parse_error("") == "malformed limb ''");
  CHECK(parse_error("3:1  4:1") == "malformed limb ''");
  CHECK(parse_error("3:1:2") == "malformed limb '3:1:2'");
  CHECK(parse_error("68:1") == "limb index out of order or range in '68:1'");
  CHECK(parse_error("-1:1") == "limb index out of order or range in '-1:1'");
  CHECK(parse_error("5:1 3:1") == "limb index out of order or range in '3:1'");
  CHECK(parse_error("5:1 5:1") == "limb index out of order or range in '5:1'");
  CHECK(parse_error("3:4294967296") == "limb value out of range in '3:4294967296'");
  CHECK(parse_error("3:-1") == "limb value out of range in '3:-1'");
  CHECK(parse_error("3:0") == "limb value out of range in '3:0'");
  CHECK(parse_error("67:-4294967297") == "limb value out of range in '67:-4294967297'");
  CHECK(parse_error("3:99999999999999999999") == "malformed limb '3:99999999999999999999'");
  CHECK(parse_error("67:-1") == "");  // the top limb holds the sign
}

}  // namespace
}  // namespace gapsim
