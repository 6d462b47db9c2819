// Key lookup: plain keys, keys of named sections, and what must not match.
#include "io/key_schema.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace gapsim {
namespace {

TEST_CASE("key schema: every table key is found, named sections through their pattern", "[io][keys]") {
  for (const KeySpec& spec : key_specs()) {
    std::string key(spec.key);
    if (const auto star = key.find('*'); star != std::string::npos) {
      key.replace(star, 1, "a_long_programme_name_of_sixty_four_characters_and_more_than_that");
    }
    INFO(key);
    CHECK(find_key_spec(key) == &spec);
  }
}

TEST_CASE("key schema: a name segment is one non-empty segment of a known section", "[io][keys]") {
  const KeySpec* intake = find_key_spec("programme.riss.intake");
  REQUIRE(intake != nullptr);
  CHECK(intake->key == "programme.*.intake");
  const KeySpec* extra = find_key_spec("event.olympics.demand_extra");
  REQUIRE(extra != nullptr);
  CHECK(extra->key == "event.*.demand_extra");
  CHECK(find_key_spec("programme.*.intake") == intake);  // a section named "*"
  CHECK(find_key_spec("programme..intake") == nullptr);
  CHECK(find_key_spec("programme.a.b.intake") == nullptr);
  CHECK(find_key_spec("programme.riss.intakes") == nullptr);
  CHECK(find_key_spec("programmes.riss.intake") == nullptr);
  CHECK(find_key_spec("hiring.x.delay") == nullptr);
  CHECK(find_key_spec("hiring.delay.x") == nullptr);
  CHECK(find_key_spec("") == nullptr);
  CHECK(find_key_spec(".") == nullptr);
  std::string long_field = "programme.riss.";
  long_field.append(100, 'x');
  CHECK(find_key_spec(long_field) == nullptr);
}

TEST_CASE("key schema: closest_key", "[io][keys]") {
  CHECK(closest_key("workforce.qualifed") == "workforce.qualified");
  CHECK(closest_key("programm.riss.intake") == "programme.riss.intake");
  CHECK(closest_key("event.games.attack_multiplyer") == "event.games.attack_multiplier");
  // Given a typo under a section name of a million characters, the suggestion should keep the
  // name. The banded distance takes milliseconds here; a full edit distance would take hours,
  // which ctest's timeout turns into a failure (no wall-clock bound here: under TSan on a busy
  // machine this once took 2.1 s and a 2 s bound failed).
  const std::string name(1'000'000, 'n');
  CHECK(closest_key("programm." + name + ".intak") == "programme." + name + ".intake");
}

}  // namespace
}  // namespace gapsim
