// Scenario files: valid files, extends layering, schedules, and every error message.
#include "io/scenario_builder.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "io/key_schema.hpp"
#include "model/calendar.hpp"
#include "support/approx.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

using test::build_error;
using test::build_from_memory;
using test::MemoryFiles;
using test::minimal_ini;

// minimal_ini() has 7 lines, so a line appended to it is line 8.
MemoryFiles with_lines(const std::string& extra) { return {{{"main.ini", minimal_ini() + extra}}}; }

TEST_CASE("scenario: a minimal file gets every default", "[io][scenario]") {
  const BuiltScenario built = build_from_memory(with_lines(""));
  const ScenarioConfig& c = built.config;
  CHECK(c.name == "main");
  CHECK(c.time.start_year == 2013);
  CHECK(c.time.end_year == 2030);
  CHECK(c.time.steps_per_year == 12);
  CHECK(c.workforce.qualified == 100.0);
  CHECK(c.workforce.underskilled == 200.0);
  CHECK(c.workforce.initial_age_share.size() == 53);
  CHECK(c.attrition.qualified_rate == 0.1);
  CHECK(c.hiring.pool.at(2020.0) == 919000.0);
  CHECK(c.attack->volume(2013.0) == 10.0);
  CHECK(c.programmes.empty());
  // The manifest lists every key with where it came from.
  const auto qualified = std::find_if(built.resolved.begin(), built.resolved.end(),
                                      [](const auto& r) { return r.key == "workforce.qualified"; });
  REQUIRE(qualified != built.resolved.end());
  CHECK(qualified->origin == "main.ini:2");
  const auto delay =
      std::find_if(built.resolved.begin(), built.resolved.end(), [](const auto& r) { return r.key == "hiring.delay"; });
  REQUIRE(delay != built.resolved.end());
  CHECK(delay->value == "2");
  CHECK(delay->origin == "default");
}

TEST_CASE("scenario: extends layers files, the later one wins", "[io][scenario]") {
  MemoryFiles files{{{"dir/base.ini", minimal_ini() + "[attrition]\nqualified = 0.2\nunderskilled = 0.3\n"},
                     {"dir/child.ini",
                      "extends = base.ini\n[attrition]\nqualified = 0.05\n"
                      "[programme.riss]\nintake = 2014:1000, 2018:3000\nduration = 0.5\n"}}};
  const BuiltScenario built = build_from_memory(files, "dir/child.ini");
  CHECK(built.config.name == "child");
  CHECK(built.config.attrition.qualified_rate == 0.05);
  CHECK(built.config.attrition.underskilled_rate == 0.3);
  REQUIRE(built.config.programmes.size() == 1);
  const ProgrammeConfig& riss = built.config.programmes[0];
  CHECK(riss.name == "riss");
  CHECK(riss.intake.at(2016.0) == 2000.0);
  CHECK(riss.intake.at(2010.0) == 1000.0);
  CHECK(riss.duration == 0.5);
  const RawScenario raw = load_scenario("dir/child.ini", files.reader());
  CHECK(raw.files == std::vector<std::string>{"dir/base.ini", "dir/child.ini"});
  CHECK(raw.settings.at("attrition.qualified").file == "dir/child.ini");
  CHECK(raw.settings.at("attrition.underskilled").line == 10);
}

TEST_CASE("scenario: schedules, choices, dates and an age table", "[io][scenario]") {
  const BuiltScenario built =
      build_from_memory(with_lines("[outsourcing]\nadoption = logistic\nceiling = 0.6\nleverage = 2013:1, 2023:3\n"
                                   "[event.games]\nstart = 2021-07-23\nend = 2021-09-05\nattack_multiplier = 4\n"
                                   "[workforce]\nage_profile = table\nage_table = 18:0, 30:1, 60:1, 70:0\n"
                                   "[time]\nreport = monthly\n"));
  const ScenarioConfig& c = built.config;
  CHECK(c.outsourcing.adoption == Adoption::logistic);
  CHECK(c.outsourcing.ceiling == 0.6);
  CHECK(c.outsourcing.leverage.at(2018.0) == 2.0);
  REQUIRE(c.events.size() == 1);
  CHECK(c.events[0].from == decimal_year({2021, 7, 23}));
  CHECK(c.events[0].to == decimal_year({2021, 9, 6}));
  CHECK(c.events[0].attack_multiplier == 4.0);
  CHECK(c.time.report == ReportStep::monthly);
  CHECK(c.workforce.initial_age_share[0] == 0.0);
  CHECK(c.workforce.initial_age_share[40 - 18] == c.workforce.initial_age_share[50 - 18]);
}

TEST_CASE("scenario: error messages name file, line and key", "[io][scenario]") {
  using Case = std::pair<std::string, std::string>;
  const auto [extra, message] =
      GENERATE(Case{"[workforce]\nqualifed = 5\n",
                    "main.ini:9: workforce.qualifed: unknown key (did you mean 'workforce.qualified'?)"},
               Case{"[programm.riss]\nintake = 5\n",
                    "main.ini:9: programm.riss.intake: unknown key (did you mean 'programme.riss.intake'?)"},
               Case{"[attrition]\nqualified = 0.1x\n", "main.ini:9: attrition.qualified: '0.1x' is not a number"},
               Case{"[attrition]\nqualified = -0.1\n",
                    "main.ini:9: attrition.qualified: -0.1 is out of range (must be between 0 and 1)"},
               Case{"[hiring]\nqualified_share = 1.5\n",
                    "main.ini:9: hiring.qualified_share: 1.5 is out of range (must be between 0 and 1)"},
               Case{"[hiring]\ndelay = 0\n", "main.ini:9: hiring.delay: 0 is out of range (must be > 0)"},
               Case{"[attrition]\nqualified = nan\n", "main.ini:9: attrition.qualified: 'nan' is not a number"},
               Case{"[attrition]\nqualified = inf\n", "main.ini:9: attrition.qualified: 'inf' is not a number"},
               Case{"[upskilling]\ncapacity = 2014:100, 2013:200\n",
                    "main.ini:9: upskilling.capacity: malformed schedule '2014:100, 2013:200' (expected a "
                    "number or YEAR:VALUE, YEAR:VALUE, ... with increasing years)"},
               Case{"[upskilling]\ncapacity = 2014:100, 2015:-5\n",
                    "main.ini:9: upskilling.capacity: schedule value -5 is out of range (must be >= 0)"},
               Case{"[time]\nreport = weekly\n", "main.ini:9: time.report: 'weekly' is not one of annual,monthly"},
               Case{"[time]\nsteps_per_year = 12.5\n", "main.ini:9: time.steps_per_year: '12.5' is not a whole number"},
               Case{"[time]\nend_year = 2010\n", "main.ini:9: time.end_year: 2010 is before time.start_year 2013"},
               Case{"[time]\nsteps_per_year = 4\nreport = monthly\n",
                    "main.ini:10: time.report: monthly reports need time.steps_per_year to be a multiple of 12"},
               Case{"[attack]\ntrend = series\nseries = data/none.csv\n",
                    "main.ini:10: attack.series: data file 'data/none.csv' not found"},
               Case{"[programme.x]\nduration = 1\n", "main.ini:8: programme.x.intake: missing required key"},
               Case{"[programme.x]\nintake = 5\nduration = 1\nentry_age = 80\n",
                    "main.ini:11: programme.x.entry_age: 80 is outside workforce.min_age..workforce.max_age"},
               Case{"[event.games]\nstart = 2021-02-30\nend = 2021-03-01\n",
                    "main.ini:9: event.games.start: '2021-02-30' is not a date (expected YYYY-MM-DD)"},
               Case{"[event.games]\nstart = 2021-03-02\nend = 2021-03-01\n",
                    "main.ini:10: event.games.end: the window ends before it starts"},
               Case{"[attrition]\nqualified = 0.1\nqualified = 0.2\n",
                    "main.ini:10: attrition.qualified: set twice in the same file"},
               Case{"[attrition]\nqualified =\n", "main.ini:9: attrition.qualified: empty value"},
               Case{"garbage\n", "main.ini:8: expected 'KEY = VALUE', a '[section]' header or a comment"},
               Case{"[attrition\n", "main.ini:8: malformed section header (expected '[NAME]')"});
  INFO(extra);
  CHECK(build_error(with_lines(extra)) == message);
}

TEST_CASE("scenario: CRLF endings and a byte order mark change nothing", "[io][scenario]") {
  // Given the minimal file as a Windows editor saves it, it should build to the same values
  // and errors should point at the same lines.
  std::string windows = "\xEF\xBB\xBF";
  for (const char c : minimal_ini() + "[hiring]\ndelay = 3\n") {
    windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  const BuiltScenario built = build_from_memory({{{"main.ini", windows}}});
  CHECK(built.config.workforce.qualified == 100.0);
  CHECK(built.config.hiring.delay == 3.0);
  CHECK(build_error({{{"main.ini", windows + "[attrition]\r\nqualified = x\r\n"}}}) ==
        "main.ini:11: attrition.qualified: 'x' is not a number");
}

TEST_CASE("scenario: attack series must be positive", "[io][scenario]") {
  MemoryFiles files = with_lines("[attack]\ntrend = series\nseries = data.csv\n");
  files.files["data.csv"] = "year,packets_billion\n2013,0\n";
  CHECK(build_error(files) ==
        "main.ini:10: attack.series: 'data.csv' has packets_billion 0 in 2013 (attack volumes must be > 0)");
  files.files["data.csv"] = "year,packets_billion\n2013,2\n2014,4\n";
  CHECK(build_from_memory(files).config.attack->volume(2013.5) == 3.0);
  CHECK(build_from_memory(files).data_files == std::vector<std::string>{"data.csv"});
}

TEST_CASE("scenario: trend = fit follows the fitted median path", "[io][scenario]") {
  // 2 * 1.5^(year - 2010) exactly up to 2014, then an outlier that fit_until leaves out.
  MemoryFiles files = with_lines("[attack]\ntrend = fit\nseries = data.csv\nmodel = exponential\nfit_until = 2014\n");
  files.files["data.csv"] = "year,packets_billion\n2010,2\n2011,3\n2012,4.5\n2013,6.75\n2014,10.125\n2015,1000\n";
  const BuiltScenario built = build_from_memory(files);
  CHECK_THAT(built.config.attack->volume(2020.25), test::within_rounding(2.0 * std::pow(1.5, 10.25)));
  CHECK(built.data_files == std::vector<std::string>{"data.csv"});

  files.files["main.ini"] = minimal_ini() + "[attack]\ntrend = fit\nseries = data.csv\nmodel = logistic\n";
  files.files["data.csv"] = "year,packets_billion\n2010,2\n2011,3\n2012,4.5\n2013,6.75\n2014,10.125\n";
  CHECK(build_error(files) ==
        "main.ini:11: attack.model: the logistic fit is unusable (not identified) (data.csv, column packets_billion)");
  files.files["main.ini"] = minimal_ini() + "[attack]\ntrend = fit\nseries = data.csv\nfit_until = 2000\n";
  CHECK(build_error(files) == "main.ini:11: attack.fit_until: no data year is at or before 2000");
  files.files["main.ini"] = minimal_ini() + "[attack]\ntrend = fit\nseries = data.csv\nmodel = cubic\n";
  CHECK(build_error(files) ==
        "main.ini:11: attack.model: 'cubic' is not one of "
        "exponential,logistic,gompertz,damped,auto,criterion-best,ensemble,equal-weights,skill-weights");
}

TEST_CASE("scenario: missing required keys", "[io][scenario]") {
  CHECK(build_error({{{"main.ini",
                       "[workforce]\nunderskilled = 200\n[demand]\nbase_shortage = 50\n"
                       "[attack]\nbase = 10\n"}}}) == "main.ini:1: workforce.qualified: missing required key");
  CHECK(build_error({{{"main.ini",
                       "[workforce]\nqualified = 1\nunderskilled = 200\n"
                       "[attack]\nbase = 10\n"}}}) == "main.ini:1: demand.base_shortage: missing required key");
}

TEST_CASE("scenario: extends errors", "[io][scenario]") {
  CHECK(build_error({{{"a.ini", "extends = b.ini\n"}, {"b.ini", "extends = a.ini\n"}}}, "a.ini") ==
        "b.ini:1: extends: cycle a.ini -> b.ini -> a.ini");
  CHECK(build_error({{{"a.ini", "extends = a.ini\n"}}}, "a.ini") == "a.ini:1: extends: cycle a.ini -> a.ini");
  CHECK(build_error({{{"main.ini", "# base\nextends = nope.ini\n"}}}) ==
        "main.ini:2: extends: file 'nope.ini' not found");
  CHECK(build_error({{}}, "missing.ini") == "missing.ini:0: cannot read the scenario file");
}

TEST_CASE("scenario: scenarios/README.md documents every key as the program knows it", "[io][scenario][docs]") {
  // Regenerate the table with: build/sim/gapsim keys
  const std::string readme = read_disk_file(GAPSIM_SOURCE_DIR "/scenarios/README.md").value_or("");
  CHECK(readme.find(key_table_markdown()) != std::string::npos);
}

TEST_CASE("scenario: keys the modes do not read are checked all the same", "[io][scenario]") {
  // Given a bad value in a key that the scenario's mode ignores (outsourcing.floor next to
  // adoption = schedule), building should fail just as if the mode read it.
  using Case = std::pair<std::string, std::string>;
  const auto [extra, message] =
      GENERATE(Case{"[outsourcing]\nfloor = nan\n", "main.ini:9: outsourcing.floor: 'nan' is not a number"},
               Case{"[outsourcing]\nceiling = 7\n",
                    "main.ini:9: outsourcing.ceiling: 7 is out of range (must be between 0 and 1)"},
               Case{"[outsourcing]\nmidpoint = inf\n", "main.ini:9: outsourcing.midpoint: 'inf' is not a number"},
               Case{"[outsourcing]\nsteepness = -1\n",
                    "main.ini:9: outsourcing.steepness: -1 is out of range (must be between 0 and 10)"},
               Case{"[outsourcing]\nadoption = logistic\nshare = 2\n",
                    "main.ini:10: outsourcing.share: schedule value 2 is out of range (must be between 0 and 1)"},
               Case{"[workforce]\nage_table = garbage\n",
                    "main.ini:9: workforce.age_table: malformed schedule 'garbage' (expected a number or YEAR:VALUE, "
                    "YEAR:VALUE, ... with increasing years)"},
               Case{"[workforce]\nage_profile = table\nage_table = 30:1\nage_mean = -inf\n",
                    "main.ini:11: workforce.age_mean: '-inf' is not a number"},
               Case{"[attack]\nfit_until = 1800\n",
                    "main.ini:9: attack.fit_until: 1800 is out of range (must be between "
                    "1900 and 2200)"},
               Case{"[attack]\nmodel = cubic\n",
                    "main.ini:9: attack.model: 'cubic' is not one of "
                    "exponential,logistic,gompertz,damped,auto,criterion-best,ensemble,equal-weights,skill-weights"},
               Case{"[attack]\ncolumn =\n", "main.ini:9: attack.column: empty value"});
  INFO(extra);
  CHECK(build_error(with_lines(extra)) == message);
  // attack.base is not read when the trend comes from a series.
  MemoryFiles series = with_lines("[attack]\ntrend = series\nseries = data.csv\n");
  series.files["data.csv"] = "year,packets_billion\n2013,1\n";
  series.files["main.ini"].replace(series.files["main.ini"].find("base = 10"), 9, "base = nan");
  CHECK(build_error(series) == "main.ini:7: attack.base: 'nan' is not a number");
}

TEST_CASE("scenario: nan and inf are refused in every number key", "[io][scenario]") {
  // Given a base with a programme and an event, a file that sets any one number, whole-number
  // or schedule key of the table to nan or inf should fail on that key, read or not.
  const std::string base = minimal_ini() +
                           "[programme.x]\nintake = 5\nduration = 1\n"
                           "[event.e]\nstart = 2014-01-01\nend = 2014-02-01\n";
  int checked = 0;
  for (const KeySpec& spec : key_specs()) {
    if (spec.type != KeyType::number && spec.type != KeyType::integer && spec.type != KeyType::schedule) {
      continue;
    }
    std::string key(spec.key);
    if (const auto star = key.find('*'); star != std::string::npos) {
      key.replace(star, 1, key.starts_with("programme.") ? "x" : "e");
    }
    const std::size_t dot = key.rfind('.');
    for (const std::string bad : {"nan", "inf", "-inf", "NaN", "1e999"}) {
      const MemoryFiles files{{{"base.ini", base},
                               {"main.ini", "extends = base.ini\n[" + key.substr(0, dot) + "]\n" + key.substr(dot + 1) +
                                                " = " + bad + "\n"}}};
      std::string expected = "main.ini:3: " + key + ": ";
      if (spec.type == KeyType::number) {
        expected += "'" + bad + "' is not a number";
      } else if (spec.type == KeyType::integer) {
        expected += "'" + bad + "' is not a whole number";
      } else {
        expected +=
            "malformed schedule '" + bad + "' (expected a number or YEAR:VALUE, YEAR:VALUE, ... with increasing years)";
      }
      INFO(key << " = " << bad);
      CHECK(build_error(files) == expected);
      ++checked;
    }
  }
  CHECK(checked == 5 * 50);
}

TEST_CASE("builder: skipping provenance changes nothing but the resolved list", "[io][scenario]") {
  // Given the shipped scenario with the most sections, a build without provenance (as study
  // variants use) runs to exactly the same results as the recorded build.
  const RawScenario raw = load_scenario(GAPSIM_SOURCE_DIR "/scenarios/olympics_2021.ini", read_disk_file);
  const BuiltScenario recorded = build_scenario(raw, read_disk_file);
  const BuiltScenario skipped = build_scenario(raw, read_disk_file, nullptr, Provenance::skip);
  CHECK(recorded.resolved.size() > 50);
  CHECK(skipped.resolved.empty());
  CHECK(skipped.data_files == recorded.data_files);
  const Results a = test::run_config(recorded.config);
  const Results b = test::run_config(skipped.config);
  CHECK((a.table == b.table).all());
}

}  // namespace
}  // namespace gapsim
