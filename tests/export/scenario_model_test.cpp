// The exported models' text, one construct at a time, on minimal scenarios: the equations
// the export writes for pipelines, ageing, schedules, event windows and the fitted attack
// trend, in Vensim and in XMILE, and the errors for names no model can hold. That these
// equations compute gapsim's numbers is checked in SDEverywhere (e2e/sdeverywhere_test.cpp,
// with tests/export/*.ini).
#include <catch2/catch.hpp>
#include <cmath>

#include "export/exportable.hpp"
#include "export/scenario_model.hpp"
#include "io/input_error.hpp"
#include "io/number_format.hpp"
#include "io/sha256.hpp"
#include "io/value_parser.hpp"
#include "model/age_profile.hpp"
#include "support/cli_run.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

std::string export_of(const std::string& ini, ModelFormat format = ModelFormat::mdl) {
  test::MemoryFiles files{{{"main.ini", ini}}};
  const RawScenario raw = load_scenario("main.ini", files.reader());
  return scenario_model(raw, build_scenario(raw, files.reader()), format, files.reader());
}

std::string export_error(const std::string& ini) {
  try {
    export_of(ini);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

// The right-hand side of the equation `lhs = ...`, or "<none>".
std::string equation(const std::string& model, const std::string& lhs) {
  const std::string start = "\n" + lhs + " = ";
  const std::size_t at = model.find(start);
  if (at == std::string::npos) {
    return "<none>";
  }
  const std::size_t from = at + start.size();
  return model.substr(from, model.find("\n\t~", from) - from);
}

// True when the model declares the subscript line `declaration` (name: elements [-> map]).
bool declares(const std::string& model, const std::string& declaration) {
  return model.find("\n" + declaration + "\n\t~") != std::string::npos;
}

std::vector<double> numbers_in(const std::string& list) {
  std::vector<double> values;
  for (const std::string_view item : split_at_commas(list)) {
    const auto value = parse_number(item);
    REQUIRE(value);
    values.push_back(*value);
  }
  return values;
}

TEST_CASE("export: a pipeline is a conveyor of one slot per step, mapped both ways", "[export]") {
  const std::string model = export_of(test::minimal_ini() +
                                      "[programme.three]\nintake = 120\nduration = 0.25\n"
                                      "[programme.one]\nintake = 12\nduration = 0.05\n"
                                      "[programme.none]\nintake = 24\nduration = 0\n");
  // 0.25 years of monthly steps: three slots.
  CHECK(declares(model, "programme_three_slot: (three_step1-three_step3)"));
  CHECK(declares(model, "programme_three_later_slot: (three_step2-three_step3) -> programme_three_earlier_slot"));
  CHECK(declares(model, "programme_three_earlier_slot: (three_step1-three_step2) -> programme_three_later_slot"));
  CHECK(equation(model, "programme_three_pipeline[programme_three_slot]") ==
        "INTEG(programme_three_conveyor[programme_three_slot], 0)");
  CHECK(equation(model, "programme_three_conveyor[three_step1]") ==
        "programme_three_starts - programme_three_pipeline[three_step1]");
  CHECK(
      equation(model, "programme_three_conveyor[programme_three_later_slot]") ==
      "programme_three_pipeline[programme_three_earlier_slot] - programme_three_pipeline[programme_three_later_slot]");
  CHECK(equation(model, "programme_three_finishing") == "programme_three_pipeline[three_step3]");
  CHECK(equation(model, "programme_three_starts") == "programme_three_intake * dt_years");
  // 0.05 years rounds to one step: one slot, nothing to map.
  CHECK(declares(model, "programme_one_slot: one_step1"));
  CHECK(equation(model, "programme_one_finishing") == "programme_one_pipeline[one_step1]");
  CHECK(model.find("programme_one_later_slot") == std::string::npos);
  // No duration: the starters finish in the same step and hold no trainees.
  CHECK(equation(model, "programme_none_finishing") == "programme_none_starts");
  CHECK(model.find("programme_none_slot") == std::string::npos);
  CHECK(equation(model, "trainees") == "programme_one_trainees + programme_three_trainees");
  // New entrants at age 22 in the under-skilled tier (the defaults).
  CHECK(equation(model, "programme_three_entry_tier[tier]") == "0, 1");
  const std::vector<double> entry_age = numbers_in(equation(model, "programme_three_entry_age[age]"));
  REQUIRE(entry_age.size() == 70 - 18 + 1);
  CHECK(entry_age[22 - 18] == 1.0);
  CHECK(std::count(entry_age.begin(), entry_age.end(), 0.0) == 52);
}

TEST_CASE("export: ageing is a one-bucket shift in the steps that end a year", "[export]") {
  const std::string model = export_of(test::minimal_ini() + "[workforce]\nmin_age = 20\nmax_age = 23\n");
  CHECK(declares(model, "age: (age20-age23)"));
  CHECK(declares(model, "older_age: (age21-age23) -> younger_age"));
  CHECK(declares(model, "younger_age: (age20-age22) -> older_age"));
  CHECK(equation(model, "year_end") == "IF THEN ELSE(MODULO(Time + 1, time_steps_per_year) = 0, 1, 0)");
  CHECK(equation(model, "workers_ageing[tier, older_age]") ==
        "year_end * (workers_after_step[tier, younger_age] - workers_after_step[tier, older_age])");
  CHECK(equation(model, "workers_ageing[tier, age20]") == "-year_end * workers_after_step[tier, age20]");
  // Who ages past the oldest bucket retires.
  CHECK(
      equation(model, "retirements_step")
          .ends_with(
              "year_end * (workers_after_step[qualified_tier, age23] + workers_after_step[underskilled_tier, age23])"));
}

TEST_CASE("export: per-age constants read back to the engine's doubles", "[export]") {
  const std::string ini = test::minimal_ini() + "[retirement]\nage_mean = 61.3\nage_sd = 3.7\n";
  const std::string model = export_of(ini);
  const BuiltScenario built = test::build_from_memory({{{"main.ini", ini}}});
  const std::vector<double> shares = numbers_in(equation(model, "initial_age_share[age]"));
  CHECK(shares == built.config.workforce.initial_age_share);
  CHECK(numbers_in(equation(model, "retirement_hazard[age]")) == retirement_hazard(61.3, 3.7, 18, 70));
  CHECK(numbers_in(equation(model, "hire_age_share[age]")) == normal_age_shares(32, 7, 18, 70));
}

TEST_CASE("export: a schedule of several points is a lookup over the decimal year, one point a constant", "[export]") {
  const std::string model =
      export_of(test::minimal_ini() + "[demand]\ngrowth = 2013:0.01, 2016.5:0.04, 2021:0\n[upskilling]\nrate = 0.03\n");
  CHECK(model.find("\ndemand_growth_schedule((2013,0.01),(2016.5,0.04),(2021,0))\n") != std::string::npos);
  CHECK(equation(model, "demand_growth") == "demand_growth_schedule(decimal_year)");
  CHECK(equation(model, "upskilling_rate") == "0.03");
  CHECK(equation(model, "decimal_year") == "time_start_year + Time / time_steps_per_year");
  CHECK(equation(model, "demand_growth_factor") == "INTEG(demand_growth_factor_change, 1)");
  CHECK(equation(model, "demand_growth_factor_change") ==
        "demand_growth_factor * ((1 + demand_growth) ^ dt_years - 1)");
}

TEST_CASE("export: an event window is its decimal-year edges and the share of each step inside", "[export]") {
  const std::string model = export_of(test::minimal_ini() +
                                      "[event.games]\nstart = 2021-07-23\nend = 2021-09-05\nattack_multiplier = 3\n"
                                      "demand_extra = 10000\n[event.expo]\nstart = 2025-04-13\nend = 2025-10-13\n"
                                      "demand_multiplier = 1.1\n");
  // MODEL.md 3's example: from = 2021 + 203/365, to = 2021 + 248/365.
  CHECK(equation(model, "event_games_from") == format_number(2021 + 203.0 / 365));
  CHECK(equation(model, "event_games_to") == format_number(2021 + 248.0 / 365));
  CHECK(equation(model, "event_games_overlap") ==
        "MIN(1, MAX(0, (MIN(decimal_year + dt_years, event_games_to) - MAX(decimal_year, event_games_from)) / "
        "dt_years))");
  // Events in the scenario's order (by name): expo, then games.
  CHECK(equation(model, "attack_event_factor") ==
        "(1 + (event_expo_attack_multiplier - 1) * event_expo_overlap) * "
        "(1 + (event_games_attack_multiplier - 1) * event_games_overlap)");
  CHECK(equation(model, "demand_event_extra") ==
        "event_expo_demand_extra * event_expo_overlap + event_games_demand_extra * event_games_overlap");
  CHECK(equation(model, "event_games_attack_multiplier") == "3");
  CHECK(equation(model, "event_expo_demand_multiplier") == "1.1");
}

TEST_CASE("export: a fitted attack trend is a lookup of its median at every step", "[export]") {
  const std::string path = GAPSIM_SOURCE_DIR "/scenarios/baseline.ini";
  const RawScenario raw = load_scenario(path, read_disk_file);
  const BuiltScenario built = build_scenario(raw, read_disk_file);
  const std::string model = scenario_model(raw, built, ModelFormat::mdl, read_disk_file);
  const std::size_t from = model.find("\nattack_trend_median((");
  REQUIRE(from != std::string::npos);
  const std::string points = model.substr(from + 22, model.find("))\n", from) - from - 22);
  // "x,y),(x,y" splits at commas into x, "y)", "(x", ...: read the numbers out of each piece.
  std::vector<double> values;
  for (const std::string_view piece : split_at_commas(points)) {
    std::string item(piece);
    item.erase(std::remove_if(item.begin(), item.end(), [](char c) { return c == '(' || c == ')'; }), item.end());
    values.push_back(parse_number(item).value());
  }
  REQUIRE(values.size() == 2 * (18 * 12 + 1));  // t_0 .. t_N, 2013 to 2031
  for (int n = 0; n <= 18 * 12; ++n) {
    const double t = 2013 + static_cast<double>(n) / 12;
    CHECK(values[2 * n] == t);
    CHECK(values[2 * n + 1] == built.config.attack->volume(t));
  }
  CHECK(equation(model, "attack_trend") == "attack_trend_median(decimal_year)");
}

TEST_CASE("export: growth and series trends are their formulas", "[export]") {
  CHECK(equation(export_of(test::minimal_ini() + "growth = 0.2\nbase_year = 2016\n"), "attack_trend") ==
        "attack_base * EXP(LN(1 + attack_growth) * (decimal_year - attack_base_year))");
  test::MemoryFiles files{
      {{"main.ini", test::minimal_ini() + "trend = series\nseries = a.csv\ncolumn = v\ngrowth = 0.1\n"},
       {"a.csv", "year,v\n2010,4\n2012,6\n"}}};
  const RawScenario raw = load_scenario("main.ini", files.reader());
  const std::string model = scenario_model(raw, build_scenario(raw, files.reader()), ModelFormat::mdl, files.reader());
  CHECK(model.find("\nattack_series((2010,4),(2012,6))\n") != std::string::npos);
  CHECK(equation(model, "attack_trend") ==
        "IF THEN ELSE(decimal_year > 2012, 6 * EXP(LN(1 + attack_growth) * (decimal_year - 2012)), "
        "attack_series(decimal_year))");
  // In XMILE the comparison's '>' is escaped.
  const std::string xmile =
      scenario_model(raw, build_scenario(raw, files.reader()), ModelFormat::xmile, files.reader());
  CHECK(xmile.find("<eqn>(IF decimal_year &gt; 2012 THEN 6 * EXP(LN(1 + attack_growth) * (decimal_year - 2012)) ELSE "
                   "attack_series(decimal_year))</eqn>") != std::string::npos);
}

TEST_CASE("export: a name no Vensim model can hold is an error naming file, line and key", "[export]") {
  CHECK(is_portable_model_name("riss_2017"));
  CHECK(is_portable_model_name("Security_Camp_2"));
  CHECK_FALSE(is_portable_model_name("2017riss"));
  CHECK_FALSE(is_portable_model_name("riss-2"));
  CHECK_FALSE(is_portable_model_name("riss_"));       // Vensim reads '_' as a space, and drops a trailing one
  CHECK_FALSE(is_portable_model_name("riss__2017"));  // and runs of them as one
  CHECK_FALSE(is_portable_model_name("セキュリティ"));
  CHECK(export_error(test::minimal_ini() + "[programme.riss-2]\nintake = 10\nduration = 1\n") ==
        "main.ini:8: programme.riss-2: the programme name 'riss-2' cannot be exported: in a model it must "
        "start with an ASCII letter and hold only ASCII letters, digits and single '_' between them (rename the "
        "section [programme.riss-2])");
  CHECK(export_error(test::minimal_ini() +
                     "[event.Games]\nstart = 2021-07-23\nend = 2021-09-05\n[event.games]\nstart = 2021-07-23\n"
                     "end = 2021-09-05\n") ==
        "main.ini:11: event.games: the event names 'Games' and 'games' cannot both be exported: Vensim does not "
        "tell names apart by case");
  // The threat response would take the logarithm of 0 inside the window.
  CHECK(export_error(test::minimal_ini() + "[event.calm]\nstart = 2020-01-01\nend = 2020-01-31\n"
                                           "attack_multiplier = 0\n") ==
        "main.ini:11: event.calm.attack_multiplier: 0 cannot be exported: inside the window the threat response takes "
        "the logarithm of 0 (docs/MODEL.md 4), where Vensim stops; a small positive multiplier (1e-9, say) gives "
        "almost the same threat");
  CHECK(export_error(test::minimal_ini() + "[event.calm]\nstart = 2020-01-01\nend = 2020-01-31\n"
                                           "attack_multiplier = 1e-9\n") == "");
}

// The text of the XMILE variable `name` (from its opening tag to its closing one), or "<none>".
std::string xmile_variable(const std::string& model, const std::string& tag, const std::string& name) {
  const std::size_t from = model.find("<" + tag + " name=\"" + name + "\">");
  if (from == std::string::npos) {
    return "<none>";
  }
  const std::string closing = "</" + tag + ">";
  return model.substr(from, model.find(closing, from) + closing.size() - from);
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

TEST_CASE("export: XMILE writes the same model element by element, in its own syntax", "[export]") {
  const std::string model = export_of(test::minimal_ini() +
                                          "growth = 0.1\n[workforce]\nmin_age = 20\nmax_age = 23\n[demand]\n"
                                          "growth = 2013:0.01, 2016.5:0.04\n[programme.three]\nintake = 120\n"
                                          "duration = 0.25\nentry_age = 21\n",
                                      ModelFormat::xmile);
  CHECK(
      model.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<xmile version=\"1.0\" "
                        "xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"));
  CHECK(model.ends_with("</xmile>\n"));
  CHECK(model.find("<sim_specs method=\"Euler\" time_units=\"step\">\n    <start>0</start>\n    <stop>216</stop>\n"
                   "    <dt>1</dt>\n  </sim_specs>") != std::string::npos);
  CHECK(model.find("<dim name=\"age\"><elem name=\"age20\"/><elem name=\"age21\"/><elem name=\"age22\"/><elem "
                   "name=\"age23\"/></dim>") != std::string::npos);
  // Stocks name their flows; the flows are arrays of the same dimensions.
  const std::string workers = xmile_variable(model, "stock", "workers");
  CHECK(workers.find("<dimensions><dim name=\"tier\"/><dim name=\"age\"/></dimensions>") != std::string::npos);
  CHECK(workers.find("<eqn>initial_workers[tier, age]</eqn>\n        <inflow>workers_change</inflow>\n        "
                     "<inflow>workers_ageing</inflow>") != std::string::npos);
  // No subrange mapping in XMILE 1.0: ageing is written for each of the 2 x 4 elements.
  const std::string ageing = xmile_variable(model, "flow", "workers_ageing");
  CHECK(occurrences(ageing, "<element subscript=") == 8);
  CHECK(ageing.find("<element subscript=\"underskilled_tier, age22\"><eqn>year_end * "
                    "(workers_after_step[underskilled_tier, age21] - workers_after_step[underskilled_tier, "
                    "age22])</eqn></element>") != std::string::npos);
  CHECK(ageing.find("<element subscript=\"qualified_tier, age20\"><eqn>-year_end * "
                    "workers_after_step[qualified_tier, age20]</eqn></element>") != std::string::npos);
  const std::string conveyor = xmile_variable(model, "flow", "programme_three_conveyor");
  CHECK(occurrences(conveyor, "<element subscript=") == 3);
  CHECK(conveyor.find("<element subscript=\"three_step3\"><eqn>programme_three_pipeline[three_step2] - "
                      "programme_three_pipeline[three_step3]</eqn></element>") != std::string::npos);
  CHECK(xmile_variable(model, "stock", "programme_three_pipeline").find("<inflow>programme_three_conveyor</inflow>") !=
        std::string::npos);
  // A schedule is a graphical function, called like a function.
  CHECK(xmile_variable(model, "gf", "demand_growth_schedule")
            .starts_with("<gf name=\"demand_growth_schedule\">\n        <xpts>2013,2016.5</xpts>\n        "
                         "<ypts>0.01,0.04</ypts>"));
  CHECK(xmile_variable(model, "aux", "demand_growth").find("<eqn>demand_growth_schedule(decimal_year)</eqn>") !=
        std::string::npos);
  // XMILE's conditionals, MOD, INIT, SUM over '*' and TIME; '>' escaped.
  CHECK(xmile_variable(model, "aux", "year_end")
            .find("<eqn>(IF INT((TIME + 1) / time_steps_per_year) * time_steps_per_year = TIME + 1 THEN 1 ELSE "
                  "0)</eqn>") != std::string::npos);
  CHECK(xmile_variable(model, "aux", "upskilling_fraction")
            .find("<eqn>MIN(1, SAFEDIV(upskilling_wanted, underskilled))</eqn>") != std::string::npos);
  CHECK(xmile_variable(model, "aux", "qualified").find("<eqn>SUM(workers[qualified_tier, *])</eqn>") !=
        std::string::npos);
  CHECK(xmile_variable(model, "aux", "attack_trend_at_start").find("<eqn>INIT(attack_trend)</eqn>") !=
        std::string::npos);
  CHECK(xmile_variable(model, "aux", "threat_tanh_argument")
            .find("<eqn>SAFEDIV(demand_attack_elasticity, log_threat_ceiling) * log_threat_index</eqn>") !=
        std::string::npos);
  for (const char* vensim : {"IF THEN ELSE(", ":OR:", "MODULO(", "INITIAL(", "INTEG(", "ZIDZ(", "!]", "+ Time /"}) {
    INFO(vensim);
    CHECK(model.find(vensim) == std::string::npos);
  }
}

TEST_CASE("export: the command writes the model, or on an error nothing, and refuses other formats", "[export][e2e]") {
  test::TempDir dir("export_command");
  const std::string model = (dir.path / "model.mdl").string();
  REQUIRE(test::gapsim({"export", GAPSIM_SOURCE_DIR "/scenarios/olympics_2021.ini", "--format", "mdl", "-o", model}) ==
          0);
  const std::string text = test::slurp(model);
  CHECK(text.starts_with("{UTF-8}\n"));
  CHECK(equation(text, "SAVEPER") == "1");  // monthly rows of monthly steps
  CHECK(equation(text, "report_steps") == "1");
  CHECK(equation(text, "FINAL TIME") == "216");
  CHECK(equation(text, "event_tokyo_games_attack_multiplier") == "3");
  // The header records every input with its SHA-256, the scenario, its base and the data.
  for (const char* input :
       {"/scenarios/olympics_2021.ini", "/scenarios/baseline.ini", "/scenarios/data/nicter_darknet_2005_2015.csv"}) {
    const std::string file = std::string(GAPSIM_SOURCE_DIR) + input;
    INFO(file);
    CHECK(text.find(" (sha256 " + sha256_hex(test::slurp(file)) + ")") != std::string::npos);
  }
  // --set reaches the model; a name no model can hold leaves the earlier file in place.
  REQUIRE(test::gapsim({"export", GAPSIM_SOURCE_DIR "/scenarios/baseline.ini", "--format", "mdl", "-o", model, "--set",
                        "hiring.delay=2.5"}) == 0);
  CHECK(equation(test::slurp(model), "hiring_delay") == "2.5");
  const std::string before = test::slurp(model);
  const std::string bad_scenario = (dir.path / "bad.ini").string();
  test::write_text(bad_scenario, "extends = " GAPSIM_SOURCE_DIR
                                 "/scenarios/baseline.ini\n[programme.a-b]\nintake = 5\n"
                                 "duration = 1\n");
  const test::CommandOutput bad = test::gapsim_output({"export", bad_scenario, "--format", "mdl", "-o", model});
  CHECK(bad.status == 1);
  CHECK(bad.error == "gapsim export: error: " + bad_scenario +
                         ":2: programme.a-b: the programme name 'a-b' cannot be exported: in a model it must start "
                         "with an ASCII letter and hold only ASCII letters, digits and single '_' between them "
                         "(rename the section [programme.a-b])\n");
  CHECK(test::slurp(model) == before);
  const test::CommandOutput xmile =
      test::gapsim_output({"export", GAPSIM_SOURCE_DIR "/scenarios/baseline.ini", "--format", "xml"});
  CHECK(xmile.status == 2);
  CHECK(xmile.error == "gapsim export: --format: 'xml' is not a model format gapsim writes (mdl, xmile)\n");
}

}  // namespace
}  // namespace gapsim
