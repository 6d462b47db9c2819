// Scenario variants: setting fields of the built configuration gives, bit for bit, what
// rebuilding the scenario from rewritten text gives, for every key that has a field; keys
// without one rebuild; range errors read the same either way; a variant allocates nothing.
#include "study/scenario_variants.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "io/uncertainty.hpp"
#include "model/engine.hpp"
#include "study/policy_scenario.hpp"
#include "support/allocation_counter.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

using test::MemoryFiles;

// Every section with a field, every number non-zero; outsourcing by `adoption`.
MemoryFiles full_scenario(const std::string& adoption) {
  std::string outsourcing = adoption == "logistic"
                                ? "adoption = logistic\nfloor = 0.1\nceiling = 0.4\nmidpoint = 2017\nsteepness = 0.6\n"
                                : "share = 2013:0.1, 2020:0.3\n";
  return {{{"main.ini",
            "[time]\nend_year = 2020\n"
            "[workforce]\nqualified = 100000\nunderskilled = 150000\nunderskilled_effectiveness = 0.4\n"
            "[attrition]\nqualified = 0.08\nunderskilled = 0.1\n"
            "[retirement]\nage_mean = 62\nage_sd = 3\n"
            "[upskilling]\nrate = 2013:0.02, 2020:0.04\ncapacity = 500\ncost_per_person = 100000\n"
            "[hiring]\ndelay = 2.5\npool = 2013:900000, 2020:950000\nmax_pool_share = 0.2\nqualified_share = 0.2\n"
            "age_mean = 33\nage_sd = 6\ncost_per_hire = 1000000\n"
            "[demand]\nbase_shortage = 80000\ngrowth = 2013:0.02, 2018:0.03\nattack_elasticity = 0.1\n"
            "[attack]\nbase = 100\ngrowth = 0.2\n"
            "[outsourcing]\n" +
                outsourcing +
                "leverage = 2013:1.5, 2020:2\nforeign_share = 0.1\ncost_per_fte = 10000000\n"
                "[programme.uni]\nintake = 2013:1000, 2020:2000\nduration = 2\ncompletion_rate = 0.9\n"
                "entry_share = 0.8\ncost_per_trainee = 1000000\n"
                "[event.games]\nstart = 2016-07-01\nend = 2016-09-30\nattack_multiplier = 2\ndemand_multiplier = 1.1\n"
                "demand_extra = 500\n"}}};
}

// The key of a field in the test scenario ("programme.*.x" names the programme "uni").
std::string key_of(const ConfigField& field) {
  std::string key(field.key);
  if (const auto star = key.find('*'); star != std::string::npos) {
    key.replace(star, 1, key.starts_with("programme") ? "uni" : "games");
  }
  return key;
}

void check_same_bits(const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) {
  REQUIRE(a.size() == b.size());
  CHECK((a == b).all());
}

void check_same_inputs(const ExogenousInputs& a, const ExogenousInputs& b) {
  for (auto series :
       {&ExogenousInputs::attack_volume, &ExogenousInputs::demand, &ExogenousInputs::outsourced_share,
        &ExogenousInputs::domestic_demand, &ExogenousInputs::it_workforce, &ExogenousInputs::threat_index,
        &ExogenousInputs::upskill_rate, &ExogenousInputs::upskill_capacity, &ExogenousInputs::outsourcing_cost,
        &ExogenousInputs::initial_qualified, &ExogenousInputs::initial_underskilled, &ExogenousInputs::retire_prob,
        &ExogenousInputs::hire_age_share}) {
    check_same_bits(a.*series, b.*series);
  }
  for (auto scalar :
       {&ExogenousInputs::attrition_qualified, &ExogenousInputs::attrition_underskilled, &ExogenousInputs::hiring_delay,
        &ExogenousInputs::hire_qualified_share, &ExogenousInputs::cost_per_hire, &ExogenousInputs::cost_per_upskill,
        &ExogenousInputs::underskilled_effectiveness, &ExogenousInputs::max_pool_share}) {
    CHECK(a.*scalar == b.*scalar);
  }
  REQUIRE(a.programmes.size() == b.programmes.size());
  for (std::size_t p = 0; p < a.programmes.size(); ++p) {
    check_same_bits(a.programmes[p].starts, b.programmes[p].starts);
    CHECK(a.programmes[p].delay_steps == b.programmes[p].delay_steps);
    CHECK(a.programmes[p].entering == b.programmes[p].entering);
    CHECK(a.programmes[p].cost_per_trainee == b.programmes[p].cost_per_trainee);
  }
}

Results run(const ExogenousInputs& inputs) {
  Workspace workspace;
  Results results;
  Engine::run(inputs, workspace, results);
  return results;
}

TEST_CASE("variants: setting a field equals rebuilding from text, for every key with a field", "[study][variants]") {
  for (const std::string adoption : {"schedule", "logistic"}) {
    const MemoryFiles files = full_scenario(adoption);
    const RawScenario raw = load_scenario("main.ini", files.reader());
    ScenarioVariants fields(raw, files.reader());
    ScenarioVariants text(raw, files.reader());
    const ExogenousInputs unchanged = make_exogenous_inputs(fields.base().config);
    int compared = 0;
    for (const ConfigField& field : config_fields()) {
      VariedKey varied = *parse_varied_key(key_of(field));
      if (!varied_key_problem(raw, fields.base(), varied).empty()) {
        varied = *parse_varied_key(key_of(field) + "@2013");  // a schedule: its first point
      }
      if (!varied_key_problem(raw, fields.base(), varied).empty()) {
        continue;  // not used with this adoption (share with logistic, floor.. with schedule)
      }
      INFO(adoption << ": " << varied.label);
      fields.vary({varied}, VariantBuild::set_fields);
      text.vary({varied}, VariantBuild::rebuild);
      REQUIRE(fields.build_kind() == VariantBuild::set_fields);
      REQUIRE(text.build_kind() == VariantBuild::rebuild);
      const KeySpec& spec = *find_key_spec(varied.key);
      // Two values in turn: the second checks that a series recomputed after an earlier
      // variant does not keep anything of it.
      for (const double scale : {0.9, 0.7}) {
        const double base = std::stod(value_text(raw, varied.key).substr(varied.at ? 5 : 0));
        const double value = in_range(spec, base * scale) ? base * scale : base + (scale - 1.0);  // a year
        REQUIRE(in_range(spec, value));
        const std::vector<double> values{value};
        const ExogenousInputs& a = fields.inputs(values);
        const ExogenousInputs& b = text.inputs(values);
        check_same_inputs(a, b);
        CHECK((run(a).table == run(b).table).all());
        // The value changed something (an event's attack multiplier shows only in the
        // attack volume inside its window, between the annual rows).
        CHECK(((run(a).table != run(unchanged).table).any() || (a.attack_volume != unchanged.attack_volume).any()));
      }
      ++compared;
    }
    CHECK(compared == (adoption == "schedule" ? 33 : 36));  // all 37 but the other adoption's
  }
}

TEST_CASE("variants: every study input of the shipped scenarios sets fields", "[study][variants]") {
  int scenarios = 0;
  int with_levers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(GAPSIM_SOURCE_DIR "/scenarios")) {
    if (entry.path().extension() != ".ini") {
      continue;
    }
    const RawScenario raw = load_scenario(entry.path().string(), read_disk_file);
    ScenarioVariants variants(raw, read_disk_file);
    const auto inputs = read_uncertain_inputs(raw, variants.base());
    variants.vary(varied_keys(inputs));
    INFO(entry.path().filename().string());
    CHECK(variants.build_kind() == VariantBuild::set_fields);
    // And with the levers a policy sets, where the scenario declares some.
    if (std::ranges::any_of(raw.settings, [](const auto& setting) { return setting.first.starts_with("levers."); })) {
      const PolicyScenario policy(entry.path().string(), read_disk_file);
      CHECK(policy.variants.build_kind() == VariantBuild::set_fields);
      CHECK(policy.variants.keys().size() == policy.inputs.size() - 1 + policy.levers.size());  // less the path
      ++with_levers;
    }
    ++scenarios;
  }
  CHECK(scenarios == 8);
  CHECK(with_levers == 1);
}

TEST_CASE("variants: a key that shapes the scenario rebuilds, and both ways give the same errors",
          "[study][variants]") {
  const MemoryFiles files = full_scenario("schedule");
  const RawScenario raw = load_scenario("main.ini", files.reader());
  ScenarioVariants variants(raw, files.reader());
  variants.vary({*parse_varied_key("hiring.delay"), *parse_varied_key("attack.growth")});
  CHECK(variants.build_kind() == VariantBuild::rebuild);
  const std::vector<double> values{3.0, 0.1};
  variants.inputs(values);
  CHECK(variants.config().hiring.delay == 3.0);

  for (const VariantBuild how : {VariantBuild::set_fields, VariantBuild::rebuild}) {
    variants.vary({*parse_varied_key("hiring.delay"), *parse_varied_key("upskilling.rate@2020")}, how);
    const std::vector<double> bad_delay{0.0, 0.03};
    CHECK_THROWS_WITH(variants.inputs(bad_delay), "main.ini:18: hiring.delay: 0 is out of range (must be > 0)");
    const std::vector<double> bad_rate{2.0, 1.5};
    CHECK_THROWS_WITH(variants.inputs(bad_rate),
                      "main.ini:14: upskilling.rate: schedule value 1.5 is out of range (must be between 0 and 1)");
  }
  // A key left at its default points at the top of the scenario.
  const MemoryFiles minimal{{{"main.ini", test::minimal_ini()}}};
  ScenarioVariants defaults(load_scenario("main.ini", minimal.reader()), minimal.reader());
  for (const VariantBuild how : {VariantBuild::set_fields, VariantBuild::rebuild}) {
    defaults.vary({*parse_varied_key("hiring.cost_per_hire")}, how);
    const std::vector<double> bad{-1.0};
    CHECK_THROWS_WITH(defaults.inputs(bad), "main.ini:1: hiring.cost_per_hire: -1 is out of range (must be >= 0)");
  }
}

TEST_CASE("variants: a variant set through fields and its run allocate nothing", "[study][variants]") {
  const MemoryFiles files = full_scenario("schedule");
  const RawScenario raw = load_scenario("main.ini", files.reader());
  ScenarioVariants variants(raw, files.reader());
  std::vector<VariedKey> keys;
  for (const char* key : {"hiring.delay", "demand.growth@2018", "demand.attack_elasticity", "retirement.age_mean",
                          "outsourcing.share@2020", "upskilling.rate@2013", "programme.uni.intake@2020",
                          "event.games.demand_extra", "hiring.age_sd", "workforce.qualified"}) {
    keys.push_back(*parse_varied_key(key));
  }
  variants.vary(keys);
  REQUIRE(variants.build_kind() == VariantBuild::set_fields);
  const std::vector<double> values{2.0, 0.025, 0.05, 63.0, 0.35, 0.03, 2500.0, 800.0, 5.0, 110000.0};
  Workspace workspace;
  Results results;
  Engine::run(variants.inputs(values), workspace, results);
  const std::size_t before = test::allocations_so_far();
  Engine::run(variants.inputs(values), workspace, results);
  CHECK(test::allocations_so_far() == before);
}

}  // namespace
}  // namespace gapsim
