// [uncertain] declarations: what is accepted, the exact message for each kind of mistake,
// and scenario variants that set sampled values through the scenario builder.
#include "io/uncertainty.hpp"

#include <catch2/catch.hpp>

#include "io/input_error.hpp"
#include "model/engine.hpp"
#include "model/exogenous.hpp"
#include "study/scenario_variants.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

using test::MemoryFiles;
using test::minimal_ini;

// The minimal scenario (7 lines) with a programme whose intake is a schedule, then `extra`.
MemoryFiles with_uncertain(const std::string& extra) {
  return {{{"main.ini", minimal_ini() +
                            "[programme.uni]\nintake = 2013:100, 2020:300\nduration = 2\n"
                            "[uncertain]\n" +
                            extra}}};
}

std::vector<UncertainInput> inputs_of(const MemoryFiles& files) {
  const RawScenario raw = load_scenario("main.ini", files.reader());
  const BuiltScenario base = build_scenario(raw, files.reader());
  return read_uncertain_inputs(raw, base);
}

std::string error_of(const std::string& extra) {
  try {
    inputs_of(with_uncertain(extra));
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST_CASE("uncertain: every distribution form is read, sorted by key", "[io][uncertain]") {
  const auto inputs =
      inputs_of(with_uncertain("hiring.delay = normal(3, 0.5, 1, 6)\n"
                               "attrition.qualified = uniform(0.05, 0.15)\n"
                               "demand.growth = triangular(0.01, 0.02, 0.04)\n"
                               "upskilling.rate = beta(2, 5, 0, 0.1)\n"
                               "hiring.pool = lognormal(13.7, 0.1)\n"
                               "programme.uni.intake@2020 = choice(200:0.5, 400:0.5)\n"
                               "programme.uni.duration = choice(1, 2, 3)\n"));
  REQUIRE(inputs.size() == 7);
  CHECK(inputs[0].key.label == "attrition.qualified");
  CHECK(inputs[0].distribution.text() == "uniform(0.05, 0.15)");
  CHECK(inputs[0].line == 13);
  CHECK(inputs[4].key.label == "programme.uni.duration");
  CHECK(inputs[5].key.key == "programme.uni.intake");
  CHECK(inputs[5].key.at == 2020.0);
  CHECK(inputs[5].distribution.kind() == DistributionKind::choice);
}

TEST_CASE("uncertain: exact messages for bad declarations", "[io][uncertain]") {
  using Case = std::pair<std::string, std::string>;
  const auto [extra, message] = GENERATE(
      Case{"hiring.dealy = uniform(1, 2)\n",
           "main.ini:12: uncertain.hiring.dealy: unknown key 'hiring.dealy' (did you mean 'hiring.delay'?)"},
      Case{"hiring.delay = uniform(2, 1)\n",
           "main.ini:12: uncertain.hiring.delay: the lower bound 2 is not below the upper bound 1"},
      Case{"hiring.delay = normal(3, 0)\n", "main.ini:12: uncertain.hiring.delay: normal needs sd > 0"},
      Case{"hiring.delay = normal(3, 1)\n",
           "main.ini:12: uncertain.hiring.delay: normal(3, 1) can produce -inf, outside the key's range "
           "(must be > 0); truncate it with two more numbers, lo and hi"},
      Case{"attrition.qualified = uniform(0.5, 1.5)\n",
           "main.ini:12: uncertain.attrition.qualified: uniform(0.5, 1.5) can produce 1.5, outside the key's "
           "range (must be between 0 and 1)"},
      Case{"hiring.delay = triangular(1, 5, 3)\n",
           "main.ini:12: uncertain.hiring.delay: triangular needs min <= mode <= max with min < max"},
      Case{"hiring.delay = gamma(1, 2)\n",
           "main.ini:12: uncertain.hiring.delay: unknown distribution 'gamma' (expected uniform(a, b), "
           "normal(mean, sd[, lo, hi]), lognormal(mu, sigma[, lo, hi]), triangular(min, mode, max), "
           "beta(alpha, beta[, min, max]) or choice(v1, v2, ...))"},
      Case{"hiring.delay = 3\n",
           "main.ini:12: uncertain.hiring.delay: '3' is not a distribution (expected uniform(a, b), "
           "normal(mean, sd[, lo, hi]), lognormal(mu, sigma[, lo, hi]), triangular(min, mode, max), "
           "beta(alpha, beta[, min, max]) or choice(v1, v2, ...))"},
      Case{"hiring.delay = uniform(1, 2, 3)\n", "main.ini:12: uncertain.hiring.delay: uniform takes 2 numbers, not 3"},
      Case{"hiring.delay = normal(3, x)\n", "main.ini:12: uncertain.hiring.delay: 'x' is not a number"},
      Case{"hiring.delay = beta(0, 1, 1, 2)\n",
           "main.ini:12: uncertain.hiring.delay: beta needs alpha and beta between 0.001 and 1e6"},
      // Found by fuzzing: Boost's inverse incomplete beta ran for minutes on this shape.
      Case{"hiring.delay = beta(5512, 5.5e131, 1, 2)\n",
           "main.ini:12: uncertain.hiring.delay: beta needs alpha and beta between 0.001 and 1e6"},
      Case{"hiring.delay = beta(1e-300, 1e-300, 1, 2)\n",
           "main.ini:12: uncertain.hiring.delay: beta needs alpha and beta between 0.001 and 1e6"},
      Case{"hiring.delay = choice(1:0.5, 2:0.6)\n",
           "main.ini:12: uncertain.hiring.delay: choice weights add up to 1.1, not 1"},
      Case{"hiring.delay = choice(1:0.5, 2)\n",
           "main.ini:12: uncertain.hiring.delay: give a weight to every value of a choice or to none"},
      Case{"hiring.delay = choice(0, 1)\n",
           "main.ini:12: uncertain.hiring.delay: choice(0:0.5, 1:0.5) can produce 0, outside the key's range (must be "
           "> 0)"},
      Case{"hiring.delay = normal(3, 0.1, 10, 20)\n",
           "main.ini:12: uncertain.hiring.delay: the window [10, 20] is more than 30 sd from the centre of "
           "normal(3, 0.1) and holds no probability"},
      // Found by fuzzing: the window's mass rounded to 0 and drawing from it hit an assertion.
      Case{"hiring.delay = normal(6, 4e51, 6, 8484)\n",
           "main.ini:12: uncertain.hiring.delay: the window [6, 8484] is narrower than 1e-9 sd of normal(6, 4e+51) "
           "and holds no probability; declare a uniform over it instead"},
      Case{"hiring.delay = lognormal(0, 1e300, 1, 2)\n",
           "main.ini:12: uncertain.hiring.delay: the window [1, 2] is narrower than 1e-9 sd of lognormal(0, 1e+300) "
           "and holds no probability; declare a uniform over it instead"},
      Case{"time.report = choice(1, 2)\n",
           "main.ini:12: uncertain.time.report: 'time.report' is not a number; only number, whole-number and "
           "schedule keys can vary"},
      Case{"programme.uni.entry_age = uniform(20, 30)\n",
           "main.ini:12: uncertain.programme.uni.entry_age: 'programme.uni.entry_age' is a whole number; declare it "
           "as choice(...) of whole numbers"},
      Case{"programme.uni.entry_age = choice(22, 22.5)\n",
           "main.ini:12: uncertain.programme.uni.entry_age: 'programme.uni.entry_age' is a whole number, and 22.5 "
           "is not"},
      Case{"time.end_year = choice(2029, 2030)\n",
           "main.ini:12: uncertain.time.end_year: 'time.end_year' sets the years reported, which every run of a "
           "study shares; it cannot vary"},
      Case{"time.start_year = choice(2013, 2014)\n",
           "main.ini:12: uncertain.time.start_year: 'time.start_year' sets the years reported, which every run of "
           "a study shares; it cannot vary"},
      Case{"outsourcing.floor = uniform(0, 0.1)\n",
           "main.ini:12: uncertain.outsourcing.floor: 'outsourcing.floor' is not used by this scenario (no such "
           "section, or another setting turns it off)"},
      Case{"programme.other.duration = uniform(1, 2)\n",
           "main.ini:12: uncertain.programme.other.duration: 'programme.other.duration' is not used by this "
           "scenario (no such section, or another setting turns it off)"},
      Case{"programme.uni.intake = uniform(1, 2)\n",
           "main.ini:12: uncertain.programme.uni.intake: 'programme.uni.intake' is a schedule with 2 points; vary "
           "one point as 'programme.uni.intake@YEAR' (points at 2013, 2020)"},
      Case{"programme.uni.intake@2019 = uniform(1, 2)\n",
           "main.ini:12: uncertain.programme.uni.intake@2019: 'programme.uni.intake' has no point at 2019 (points "
           "at 2013, 2020)"},
      Case{"upskilling.rate@2020 = uniform(0, 0.1)\n",
           "main.ini:12: uncertain.upskilling.rate@2020: 'upskilling.rate' is one constant value, so it has no points "
           "(vary it as 'upskilling.rate')"},
      Case{"hiring.delay@2020 = uniform(1, 2)\n",
           "main.ini:12: uncertain.hiring.delay@2020: 'hiring.delay' is not a schedule, so it has no points (drop "
           "the '@')"},
      Case{"hiring.delay@x = uniform(1, 2)\n",
           "main.ini:12: uncertain.hiring.delay@x: the part after '@' must be a year (KEY@YEAR)"});
  INFO(extra);
  CHECK(error_of(extra) == message);
}

TEST_CASE("uncertain: a later file replaces or drops an inherited declaration", "[io][uncertain]") {
  MemoryFiles files = with_uncertain("hiring.delay = uniform(1, 2)\nattrition.qualified = uniform(0, 0.2)\n");
  files.files["child.ini"] =
      "extends = main.ini\n[uncertain]\nhiring.delay = uniform(3, 4)\nattrition.qualified = none\n";
  const RawScenario raw = load_scenario("child.ini", files.reader());
  const auto inputs = read_uncertain_inputs(raw, build_scenario(raw, files.reader()));
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].distribution.text() == "uniform(3, 4)");
  CHECK(inputs[0].file == "child.ini");
}

TEST_CASE("uncertain: a value a later file sets wins over the declaration it inherits", "[io][uncertain]") {
  // main.ini declares the delay, the attrition and a point of the intake uncertain; the child
  // sets the delay and the whole intake, and declares the attrition again in its own file.
  MemoryFiles files = with_uncertain(
      "hiring.delay = uniform(1, 2)\nattrition.qualified = uniform(0, 0.2)\n"
      "programme.uni.intake@2020 = uniform(200, 400)\n");
  files.files["child.ini"] =
      "extends = main.ini\n[hiring]\ndelay = 5\n[attrition]\nqualified = 0.1\n"
      "[programme.uni]\nintake = 500\n[uncertain]\nattrition.qualified = uniform(0.05, 0.15)\n";
  const RawScenario raw = load_scenario("child.ini", files.reader());
  const auto inputs = read_uncertain_inputs(raw, build_scenario(raw, files.reader()));
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].key.label == "attrition.qualified");
  CHECK(inputs[0].distribution.text() == "uniform(0.05, 0.15)");
  const auto overridden = overridden_declarations(raw);
  REQUIRE(overridden.size() == 2);
  CHECK(overridden_declaration_text(overridden[0]) ==
        "child.ini:3: hiring.delay = 5 overrides the uncertain declaration of hiring.delay at main.ini:12; the runs "
        "use this value (declare it again in this file to keep it uncertain)");
  CHECK(overridden[1].label == "programme.uni.intake@2020");
  CHECK(overridden[1].value.value == "500");
  // The file that declares a key may also set it: its value is the one the runs vary.
  CHECK(overridden_declarations(load_scenario("main.ini", files.reader())).empty());
}

TEST_CASE("variants: values set through the builder give the runs of the equivalent file", "[io][uncertain]") {
  const MemoryFiles files = with_uncertain("");
  const RawScenario raw = load_scenario("main.ini", files.reader());
  ScenarioVariants variants(raw, files.reader());
  variants.vary({*parse_varied_key("hiring.delay"), *parse_varied_key("programme.uni.intake@2020")});
  const std::vector<double> values = {2.5, 450.0};
  variants.inputs(values);
  const ScenarioConfig varied = variants.config();
  CHECK(varied.hiring.delay == 2.5);
  CHECK(varied.programmes[0].intake.points() == std::vector<std::pair<double, double>>{{2013, 100}, {2020, 450}});

  // The same scenario written out as a file gives the same numbers.
  MemoryFiles written = files;
  written.files["main.ini"] =
      minimal_ini() + "[hiring]\ndelay = 2.5\n[programme.uni]\nintake = 2013:100, 2020:450\nduration = 2\n";
  const BuiltScenario direct = test::build_from_memory(written);
  const Results a = test::run_config(varied);
  const Results b = test::run_config(direct.config);
  CHECK((a.table == b.table).all());

  // An out-of-range value is the builder's error, naming the key.
  const std::vector<double> bad = {-1.0, 450.0};
  CHECK_THROWS_WITH(variants.inputs(bad), "main.ini:1: hiring.delay: -1 is out of range (must be > 0)");
}

}  // namespace
}  // namespace gapsim
