// The table of scenario keys. scenarios/README.md is generated from it (`gapsim keys`).
#include "io/key_schema.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

#include "fit/trend_forecast.hpp"
#include "io/edit_distance.hpp"
#include "io/number_format.hpp"

namespace gapsim {
namespace {

using T = KeyType;
constexpr double k_inf = std::numeric_limits<double>::infinity();

// clang-format off
constexpr std::array k_specs = std::to_array<KeySpec>({
  {.key = "extends", .type = T::path, .default_value = "(none)",
   .doc = "Scenario file this one layers on (relative to this file); this file's values win."},
  {.key = "description", .type = T::text, .default_value = "(empty)",
   .doc = "Free text, copied to the manifest."},

  {.key = "time.start_year", .type = T::integer, .unit = "year", .default_value = "2013", .min = k_min_year, .max = k_max_year,
   .doc = "First simulated year; the stocks given are those of 1 January."},
  {.key = "time.end_year", .type = T::integer, .unit = "year", .default_value = "2030", .min = k_min_year, .max = k_max_year,
   .doc = "Last reported year; the run goes to its 31 December. Must not be before start_year."},
  {.key = "time.steps_per_year", .type = T::integer, .unit = "1/yr", .default_value = "12", .min = 1, .max = 366,
   .doc = "Euler steps per year (dt = 1/steps_per_year). 12 = monthly."},
  {.key = "time.report", .type = T::choice, .default_value = "annual", .choices = "annual|monthly",
   .doc = "One output row per year or per month (monthly needs steps_per_year a multiple of 12)."},

  {.key = "workforce.qualified", .unit = "persons", .min = 0,
   .doc = "Qualified security workers at the start (required)."},
  {.key = "workforce.underskilled", .unit = "persons", .min = 0,
   .doc = "Security workers lacking the skills their job needs, at the start (required)."},
  {.key = "workforce.min_age", .type = T::integer, .unit = "years", .default_value = "18", .min = 10, .max = 100,
   .doc = "Youngest single-year age bucket."},
  {.key = "workforce.max_age", .type = T::integer, .unit = "years", .default_value = "70", .min = 11, .max = 120,
   .doc = "Oldest age bucket; people ageing past it retire. Must be above min_age."},
  {.key = "workforce.age_profile", .type = T::choice, .default_value = "normal", .choices = "normal|table",
   .doc = "Initial age distribution of both tiers: a discretised normal, or age_table."},
  {.key = "workforce.age_mean", .unit = "years", .default_value = "40", .min = 0, .max = 150,
   .doc = "Mean age for age_profile = normal."},
  {.key = "workforce.age_sd", .unit = "years", .default_value = "10", .min = 0, .max = 100,
   .doc = "Standard deviation of age for age_profile = normal (0 = everyone at age_mean)."},
  {.key = "workforce.age_table", .type = T::schedule, .unit = "weight", .default_value = "(none)", .min = 0,
   .doc = "AGE:WEIGHT points, linear between, flat outside, normalised (needed for age_profile = table)."},
  {.key = "workforce.underskilled_effectiveness", .default_value = "0.5", .min = 0, .max = 1,
   .doc = "How much of a qualified worker an under-skilled one counts for in skill_gap."},

  {.key = "attrition.qualified", .unit = "1/yr", .default_value = "0.1", .min = 0, .max = 1,
   .doc = "Rate of leaving the field, applied as rate * dt per step (annual share leaving: 1 - (1 - rate dt)^steps)."},
  {.key = "attrition.underskilled", .unit = "1/yr", .default_value = "0.1", .min = 0, .max = 1,
   .doc = "Rate of leaving the field for under-skilled workers, applied as rate * dt per step."},

  {.key = "retirement.age_mean", .unit = "years", .default_value = "63", .min = 0, .max = 150,
   .doc = "Mean of the normal distribution of retirement ages."},
  {.key = "retirement.age_sd", .unit = "years", .default_value = "2", .min = 0, .max = 50,
   .doc = "Spread of retirement ages (0 = everyone retires at age_mean rounded half down)."},

  {.key = "upskilling.rate", .type = T::schedule, .unit = "1/yr", .default_value = "0", .min = 0, .max = 1,
   .doc = "Share of under-skilled workers becoming qualified per year on the job."},
  {.key = "upskilling.capacity", .type = T::schedule, .unit = "persons/yr", .default_value = "0", .min = 0,
   .doc = "Further under-skilled workers upskilled per year by dedicated places."},
  {.key = "upskilling.cost_per_person", .unit = "yen", .default_value = "0", .min = 0,
   .doc = "Cost of each person upskilled by rate or capacity (programme completers pay cost_per_trainee instead)."},

  {.key = "hiring.delay", .unit = "yr", .default_value = "2", .min = 0, .min_exclusive = true,
   .doc = "Time to fill an open position: hires = open positions / delay (first order)."},
  {.key = "hiring.pool", .type = T::schedule, .unit = "persons", .default_value = "919000", .min = 0,
   .doc = "IT workforce, security workers included (METI 2015: 919,000); hires come from the rest of it."},
  {.key = "hiring.max_pool_share", .unit = "1/yr", .default_value = "0.05", .min = 0, .max = 1,
   .doc = "Most of the IT workers outside security who can move into it per year (hires and pool programmes)."},
  {.key = "hiring.qualified_share", .default_value = "0.1", .min = 0, .max = 1,
   .doc = "Share of hires who arrive qualified."},
  {.key = "hiring.age_mean", .unit = "years", .default_value = "32", .min = 0, .max = 150,
   .doc = "Mean age of hires (discretised normal)."},
  {.key = "hiring.age_sd", .unit = "years", .default_value = "7", .min = 0, .max = 100,
   .doc = "Standard deviation of the age of hires."},
  {.key = "hiring.cost_per_hire", .unit = "yen", .default_value = "0", .min = 0,
   .doc = "Recruiting cost per hire."},

  {.key = "demand.base_shortage", .unit = "persons", .min = 0,
   .doc = "Unfilled domestic demand at the start (required): domestic demand = workforce + this."},
  {.key = "demand.growth", .type = T::schedule, .unit = "1/yr", .default_value = "0", .min = -1, .min_exclusive = true, .max = 1,
   .doc = "Growth of demand with the digital economy (METI used 0.01 to 0.04). May be negative."},
  {.key = "demand.attack_elasticity", .default_value = "0", .min = 0, .max = 10,
   .doc = "Response of demand to the threat index (attack volume / its start value): the slope of "
          "ln(threat factor) against ln(threat index) at the start, saturating at threat_ceiling."},
  {.key = "demand.threat_ceiling", .default_value = "2", .min = 1, .max = 100,
   .doc = "Most the threat can multiply demand by (and 1/ceiling the least); 1 turns the threat off."},

  {.key = "attack.trend", .type = T::choice, .default_value = "growth", .choices = "growth|series|fit",
   .doc = "Attack volume from a base value and growth rate, from a yearly series file, or from "
          "the median path of a trend fitted to that file (see `gapsim fit`)."},
  {.key = "attack.base", .unit = "unit/yr", .default_value = "(none)", .min = 0, .min_exclusive = true,
   .doc = "Attack volume in base_year (needed for trend = growth)."},
  {.key = "attack.base_year", .unit = "year", .default_value = "time.start_year", .min = k_min_year, .max = k_max_year,
   .doc = "Year at which the growth trend equals base."},
  {.key = "attack.growth", .unit = "1/yr", .default_value = "0", .min = -1, .min_exclusive = true, .max = 10,
   .doc = "Growth rate of the trend; for trend = series, the growth after the last data year."},
  {.key = "attack.series", .type = T::path, .default_value = "(none)",
   .doc = "CSV file with a 'year' column (needed for trend = series or fit), relative to this file."},
  {.key = "attack.column", .type = T::text, .default_value = "packets_billion",
   .doc = "Column of the series file to use (e.g. packets_billion or packets_per_ip)."},
  {.key = "attack.model", .type = T::choice, .default_value = "auto", .choices = k_trend_choice_names,
   .doc = "For trend = fit: a fitted model; auto (the model or mixture with the lowest rolling-origin CRPS, "
          "its intervals widened to their out-of-sample coverage; criterion-best below 7 data rows); "
          "criterion-best (lowest criterion); a mixture with criterion (ensemble), equal or skill (1/CRPS) "
          "weights (skill weights widened like auto)."},
  {.key = "attack.criterion", .type = T::choice, .default_value = "aicc", .choices = "aic|aicc|bic",
   .doc = "For trend = fit: information criterion behind criterion-best and the ensemble weights."},
  {.key = "attack.fit_until", .type = T::integer, .unit = "year", .default_value = "(all data)", .min = k_min_year, .max = k_max_year,
   .doc = "For trend = fit: last data year the fit may use."},

  {.key = "outsourcing.adoption", .type = T::choice, .default_value = "schedule", .choices = "schedule|logistic",
   .doc = "Provider share of demand from the share schedule, or from a logistic curve."},
  {.key = "outsourcing.share", .type = T::schedule, .default_value = "0", .min = 0, .max = 1,
   .doc = "Provider share of demand, for adoption = schedule."},
  {.key = "outsourcing.floor", .default_value = "0", .min = 0, .max = 1,
   .doc = "Logistic: share long before the midpoint."},
  {.key = "outsourcing.ceiling", .default_value = "0", .min = 0, .max = 1,
   .doc = "Logistic: share long after the midpoint."},
  {.key = "outsourcing.midpoint", .unit = "year", .default_value = "2020", .min = k_min_year, .max = k_max_year,
   .doc = "Logistic: year at which the share is half way from floor to ceiling."},
  {.key = "outsourcing.steepness", .unit = "1/yr", .default_value = "0.5", .min = 0, .max = 10,
   .doc = "Logistic: growth rate of adoption."},
  {.key = "outsourcing.leverage", .type = T::schedule, .unit = "FTE/FTE", .default_value = "1", .min = 0, .min_exclusive = true,
   .doc = "Client FTE covered by one provider FTE."},
  {.key = "outsourcing.foreign_share", .type = T::schedule, .default_value = "0", .min = 0, .max = 1,
   .doc = "Share of provider FTE that are foreign and draw on no Japanese workers."},
  {.key = "outsourcing.cost_per_fte", .unit = "yen/FTE-yr", .default_value = "0", .min = 0,
   .doc = "Cost of each client FTE covered by providers, per year."},

  {.key = "programme.*.intake", .type = T::schedule, .unit = "persons/yr", .min = 0,
   .doc = "Trainees starting per year (required)."},
  {.key = "programme.*.duration", .unit = "yr", .min = 0, .max = 20,
   .doc = "Time from start to completion, a pipeline delay rounded to whole steps (required)."},
  {.key = "programme.*.completion_rate", .default_value = "1", .min = 0, .max = 1,
   .doc = "Share of starters who complete or pass."},
  {.key = "programme.*.entry_share", .default_value = "1", .min = 0, .max = 1,
   .doc = "Share of completers who enter (or, for source = underskilled, are upgraded in) security work."},
  {.key = "programme.*.source", .type = T::choice, .default_value = "new", .choices = "new|underskilled|pool",
   .doc = "new: trainees come from outside IT work; underskilled: upskilling of current workers; pool: IT "
          "workers outside security, whose entrants use up the hiring capacity."},
  {.key = "programme.*.entry_tier", .type = T::choice, .default_value = "underskilled", .choices = "qualified|underskilled",
   .doc = "Tier that entrants join (source = new or pool)."},
  {.key = "programme.*.entry_age", .type = T::integer, .unit = "years", .default_value = "22", .min = 0, .max = 150,
   .doc = "Age at which new entrants join; within min_age..max_age."},
  {.key = "programme.*.cost_per_trainee", .unit = "yen", .default_value = "0", .min = 0,
   .doc = "Cost of each starter."},

  {.key = "event.*.start", .type = T::date,
   .doc = "First day of the event window, YYYY-MM-DD (required)."},
  {.key = "event.*.end", .type = T::date,
   .doc = "Last day of the event window, inclusive (required, not before start)."},
  {.key = "event.*.attack_multiplier", .default_value = "1", .min = 0, .max = 1000,
   .doc = "Attack volume multiplier inside the window; it raises demand through the threat response."},
  {.key = "event.*.demand_multiplier", .default_value = "1", .min = 0, .max = 100,
   .doc = "Demand multiplier inside the window."},
  {.key = "event.*.demand_extra", .unit = "persons", .default_value = "0", .min = 0,
   .doc = "Extra demand inside the window."},
});
// clang-format on

// The pattern with its "*" replaced by the name segment of `key` (second segment).
std::string instantiate(std::string_view pattern, std::string_view key) {
  const auto star = pattern.find('*');
  if (star == std::string_view::npos) {
    return std::string(pattern);
  }
  std::string_view name = "NAME";
  const auto first_dot = key.find('.');
  const auto last_dot = key.rfind('.');
  if (first_dot != std::string_view::npos && last_dot > first_dot) {
    name = key.substr(first_dot + 1, last_dot - first_dot - 1);
  }
  return std::string(pattern.substr(0, star)) + std::string(name) + std::string(pattern.substr(star + 1));
}

// The edit distance from `key` to `candidate` if it is below `bound` (any when bound < 0),
// else `bound`. Limits grow from small, so a near miss costs about the key's length times its
// distance, even when the key holds a long section name that the candidate repeats.
int distance_below(std::string_view key, std::string_view candidate, int bound) {
  for (int limit = 8;; limit *= 2) {
    const int cap = bound < 0 ? limit : std::min(limit, bound);
    const int distance = edit_distance_up_to(key, candidate, cap);
    if (distance < cap || cap == bound) {
      return distance;
    }
  }
}

}  // namespace

std::span<const KeySpec> key_specs() { return k_specs; }

const KeySpec* find_key_spec(std::string_view key) {
  // Monte Carlo rebuilds a scenario per run, so every key is one hash lookup: a plain key as
  // it is, a key of a named section ("programme.NAME.intake") as its pattern
  // ("programme.*.intake"), which every pattern in the table has the form of.
  static constexpr std::size_t k_pattern_capacity = 64;  // longer than every pattern
  static const auto by_key = [] {
    std::unordered_map<std::string_view, const KeySpec*> out;
    for (const KeySpec& spec : k_specs) {
      out.emplace(spec.key, &spec);
    }
    return out;
  }();
  if (auto it = by_key.find(key); it != by_key.end()) {
    return it->second;  // a plain key, or a pattern itself (a section named "*")
  }
  const std::size_t first_dot = key.find('.');
  const std::size_t last_dot = key.rfind('.');
  const bool two_dots = first_dot != std::string_view::npos && key.find('.', first_dot + 1) == last_dot;
  if (!two_dots || last_dot == first_dot + 1) {  // a named key has exactly 2 dots and a name
    return nullptr;
  }
  const std::string_view head = key.substr(0, first_dot + 1);  // "programme."
  const std::string_view tail = key.substr(last_dot);          // ".intake"
  if (head.size() + 1 + tail.size() > k_pattern_capacity) {
    return nullptr;
  }
  char pattern[k_pattern_capacity];
  std::copy(head.begin(), head.end(), pattern);
  pattern[head.size()] = '*';
  std::copy(tail.begin(), tail.end(), pattern + head.size() + 1);
  const auto it = by_key.find(std::string_view(pattern, head.size() + 1 + tail.size()));
  return it == by_key.end() ? nullptr : it->second;
}

std::string closest_key(std::string_view key) {
  struct Candidate {
    std::string key;
    std::size_t table_index;
    std::size_t length_gap;  // a lower bound of the distance
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < k_specs.size(); ++i) {
    std::string candidate = instantiate(k_specs[i].key, key);
    const std::size_t gap = std::max(candidate.size(), key.size()) - std::min(candidate.size(), key.size());
    candidates.push_back({std::move(candidate), i, gap});
  }
  // Nearest in length first: a key with a long section name meets its own section's keys
  // before the short plain keys, which the best distance so far then dismisses by length.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.length_gap < b.length_gap; });
  const Candidate* best = nullptr;
  int best_distance = -1;
  for (const Candidate& candidate : candidates) {
    // A distance equal to the best is measured too: of equally close keys, the one earlier in
    // the table is suggested.
    const int distance = distance_below(key, candidate.key, best_distance < 0 ? -1 : best_distance + 1);
    if (best == nullptr || distance < best_distance ||
        (distance == best_distance && candidate.table_index < best->table_index)) {
      best = &candidate;
      best_distance = distance;
    }
  }
  return best->key;
}

std::string range_text(const KeySpec& spec) {
  const bool has_min = spec.min > -k_inf;
  const bool has_max = spec.max < k_inf;
  if (has_min && has_max && !spec.min_exclusive) {
    return "must be between " + format_number(spec.min) + " and " + format_number(spec.max);
  }
  std::string text = "must be";
  if (has_min) {
    text += (spec.min_exclusive ? " > " : " >= ") + format_number(spec.min);
  }
  if (has_max) {
    text += std::string(has_min ? " and" : "") + " <= " + format_number(spec.max);
  }
  return text;
}

bool in_range(const KeySpec& spec, double value) {
  const bool above_min = spec.min_exclusive ? value > spec.min : value >= spec.min;
  return above_min && value <= spec.max;
}

std::string key_table_markdown() {
  std::string out = "| key | type | unit | default | valid values | meaning |\n";
  out += "|---|---|---|---|---|---|\n";
  static constexpr const char* k_type_names[] = {"number", "integer", "schedule", "choice", "path", "date", "text"};
  for (const KeySpec& spec : key_specs()) {
    std::string valid;
    if (spec.type == KeyType::choice) {
      valid = std::string(spec.choices);
      for (char& c : valid) {
        c = c == '|' ? ',' : c;
      }
    } else if (spec.type == KeyType::number || spec.type == KeyType::integer || spec.type == KeyType::schedule) {
      valid = range_text(spec).substr(std::string("must be ").size());
    }
    const std::string default_value = spec.default_value.empty() ? "required" : std::string(spec.default_value);
    out += "| `" + std::string(spec.key) + "` | " + k_type_names[static_cast<int>(spec.type)] + " | " +
           std::string(spec.unit) + " | " + default_value + " | " + valid + " | " + std::string(spec.doc) + " |\n";
  }
  return out;
}

}  // namespace gapsim
