// The table of scenario keys. scenarios/README.md is generated from it (`gapsim keys`).
#include "io/key_schema.hpp"

#include <array>
#include <unordered_map>
#include <vector>

#include "io/edit_distance.hpp"
#include "io/number_format.hpp"

namespace gapsim {
namespace {

using T = KeyType;
constexpr double k_inf = std::numeric_limits<double>::infinity();

// clang-format off
constexpr std::array k_specs = {
  KeySpec{"extends", T::path, "", "(none)", -k_inf, k_inf, false, "",
          "Scenario file this one layers on (relative to this file); this file's values win."},
  KeySpec{"description", T::text, "", "(empty)", -k_inf, k_inf, false, "",
          "Free text, copied to the manifest."},

  KeySpec{"time.start_year", T::integer, "year", "2013", 1900, 2200, false, "",
          "First simulated year; the stocks given are those of 1 January."},
  KeySpec{"time.end_year", T::integer, "year", "2030", 1900, 2200, false, "",
          "Last reported year; the run goes to its 31 December. Must not be before start_year."},
  KeySpec{"time.steps_per_year", T::integer, "1/yr", "12", 1, 366, false, "",
          "Euler steps per year (dt = 1/steps_per_year). 12 = monthly."},
  KeySpec{"time.report", T::choice, "", "annual", -k_inf, k_inf, false, "annual|monthly",
          "One output row per year or per month (monthly needs steps_per_year a multiple of 12)."},

  KeySpec{"workforce.qualified", T::number, "persons", "", 0, k_inf, false, "",
          "Qualified security workers at the start (required)."},
  KeySpec{"workforce.underskilled", T::number, "persons", "", 0, k_inf, false, "",
          "Security workers lacking the skills their job needs, at the start (required)."},
  KeySpec{"workforce.min_age", T::integer, "years", "18", 10, 100, false, "",
          "Youngest single-year age bucket."},
  KeySpec{"workforce.max_age", T::integer, "years", "70", 11, 120, false, "",
          "Oldest age bucket; people ageing past it retire. Must be above min_age."},
  KeySpec{"workforce.age_profile", T::choice, "", "normal", -k_inf, k_inf, false, "normal|table",
          "Initial age distribution of both tiers: a discretised normal, or age_table."},
  KeySpec{"workforce.age_mean", T::number, "years", "40", 0, 150, false, "",
          "Mean age for age_profile = normal."},
  KeySpec{"workforce.age_sd", T::number, "years", "10", 0, 100, false, "",
          "Standard deviation of age for age_profile = normal (0 = everyone at age_mean)."},
  KeySpec{"workforce.age_table", T::schedule, "weight", "(none)", 0, k_inf, false, "",
          "AGE:WEIGHT points, linear between, flat outside, normalised (needed for age_profile = table)."},
  KeySpec{"workforce.underskilled_effectiveness", T::number, "", "0.5", 0, 1, false, "",
          "How much of a qualified worker an under-skilled one counts for in skill_gap."},

  KeySpec{"attrition.qualified", T::number, "1/yr", "0.1", 0, 1, false, "",
          "Rate of leaving the field, applied as rate * dt per step (annual share leaving: 1 - (1 - rate dt)^steps)."},
  KeySpec{"attrition.underskilled", T::number, "1/yr", "0.1", 0, 1, false, "",
          "Rate of leaving the field for under-skilled workers, applied as rate * dt per step."},

  KeySpec{"retirement.age_mean", T::number, "years", "63", 0, 150, false, "",
          "Mean of the normal distribution of retirement ages."},
  KeySpec{"retirement.age_sd", T::number, "years", "2", 0, 50, false, "",
          "Spread of retirement ages (0 = everyone retires at age_mean rounded half down)."},

  KeySpec{"upskilling.rate", T::schedule, "1/yr", "0", 0, 1, false, "",
          "Share of under-skilled workers becoming qualified per year on the job."},
  KeySpec{"upskilling.capacity", T::schedule, "persons/yr", "0", 0, k_inf, false, "",
          "Further under-skilled workers upskilled per year by dedicated places."},
  KeySpec{"upskilling.cost_per_person", T::number, "yen", "0", 0, k_inf, false, "",
          "Cost of each person upskilled by rate or capacity (programme completers pay cost_per_trainee instead)."},

  KeySpec{"hiring.delay", T::number, "yr", "2", 0, k_inf, true, "",
          "Time to fill an open position: hires = open positions / delay (first order)."},
  KeySpec{"hiring.pool", T::schedule, "persons", "919000", 0, k_inf, false, "",
          "General IT workforce that mid-career hires come from (METI 2015: 919,000)."},
  KeySpec{"hiring.max_pool_share", T::number, "1/yr", "0.05", 0, 1, false, "",
          "Most of the pool that can move into security work per year."},
  KeySpec{"hiring.qualified_share", T::number, "", "0.1", 0, 1, false, "",
          "Share of hires who arrive qualified."},
  KeySpec{"hiring.age_mean", T::number, "years", "32", 0, 150, false, "",
          "Mean age of hires (discretised normal)."},
  KeySpec{"hiring.age_sd", T::number, "years", "7", 0, 100, false, "",
          "Standard deviation of the age of hires."},
  KeySpec{"hiring.cost_per_hire", T::number, "yen", "0", 0, k_inf, false, "",
          "Recruiting cost per hire."},

  KeySpec{"demand.base_shortage", T::number, "persons", "", 0, k_inf, false, "",
          "Unfilled domestic demand at the start (required): domestic demand = workforce + this."},
  KeySpec{"demand.growth", T::schedule, "1/yr", "0", -1, 1, true, "",
          "Growth of demand with the digital economy (METI used 0.01 to 0.04). May be negative."},
  KeySpec{"demand.attack_elasticity", T::number, "", "0", 0, 10, false, "",
          "Demand grows as (attack trend / its start value) to this power."},

  KeySpec{"attack.trend", T::choice, "", "growth", -k_inf, k_inf, false, "growth|series|fit",
          "Attack volume from a base value and growth rate, from a yearly series file, or from "
          "the median path of a trend fitted to that file (see `gapsim fit`)."},
  KeySpec{"attack.base", T::number, "unit/yr", "(none)", 0, k_inf, true, "",
          "Attack volume in base_year (needed for trend = growth)."},
  KeySpec{"attack.base_year", T::number, "year", "time.start_year", 1900, 2200, false, "",
          "Year at which the growth trend equals base."},
  KeySpec{"attack.growth", T::number, "1/yr", "0", -1, 10, true, "",
          "Growth rate of the trend; for trend = series, the growth after the last data year."},
  KeySpec{"attack.series", T::path, "", "(none)", -k_inf, k_inf, false, "",
          "CSV file with a 'year' column (needed for trend = series or fit), relative to this file."},
  KeySpec{"attack.column", T::text, "", "packets_billion", -k_inf, k_inf, false, "",
          "Column of the series file to use (e.g. packets_billion or packets_per_ip)."},
  KeySpec{"attack.model", T::choice, "", "auto", -k_inf, k_inf, false,
          "exponential|logistic|gompertz|damped|auto|ensemble",
          "For trend = fit: the fitted model, the one with the lowest criterion, or their "
          "criterion-weighted ensemble."},
  KeySpec{"attack.criterion", T::choice, "", "aicc", -k_inf, k_inf, false, "aic|aicc|bic",
          "For trend = fit: information criterion behind auto and the ensemble weights."},
  KeySpec{"attack.fit_until", T::integer, "year", "(all data)", 1900, 2200, false, "",
          "For trend = fit: last data year the fit may use."},

  KeySpec{"outsourcing.adoption", T::choice, "", "schedule", -k_inf, k_inf, false, "schedule|logistic",
          "Provider share of demand from the share schedule, or from a logistic curve."},
  KeySpec{"outsourcing.share", T::schedule, "", "0", 0, 1, false, "",
          "Provider share of demand, for adoption = schedule."},
  KeySpec{"outsourcing.floor", T::number, "", "0", 0, 1, false, "",
          "Logistic: share long before the midpoint."},
  KeySpec{"outsourcing.ceiling", T::number, "", "0", 0, 1, false, "",
          "Logistic: share long after the midpoint."},
  KeySpec{"outsourcing.midpoint", T::number, "year", "2020", 1900, 2200, false, "",
          "Logistic: year at which the share is half way from floor to ceiling."},
  KeySpec{"outsourcing.steepness", T::number, "1/yr", "0.5", 0, 10, false, "",
          "Logistic: growth rate of adoption."},
  KeySpec{"outsourcing.leverage", T::schedule, "FTE/FTE", "1", 0, k_inf, true, "",
          "Client FTE covered by one provider FTE."},
  KeySpec{"outsourcing.foreign_share", T::schedule, "", "0", 0, 1, false, "",
          "Share of provider FTE that are foreign and draw on no Japanese workers."},
  KeySpec{"outsourcing.cost_per_fte", T::number, "yen/FTE-yr", "0", 0, k_inf, false, "",
          "Cost of each client FTE covered by providers, per year."},

  KeySpec{"programme.*.intake", T::schedule, "persons/yr", "", 0, k_inf, false, "",
          "Trainees starting per year (required)."},
  KeySpec{"programme.*.duration", T::number, "yr", "", 0, 20, false, "",
          "Time from start to completion, a pipeline delay rounded to whole steps (required)."},
  KeySpec{"programme.*.completion_rate", T::number, "", "1", 0, 1, false, "",
          "Share of starters who complete or pass."},
  KeySpec{"programme.*.entry_share", T::number, "", "1", 0, 1, false, "",
          "Share of completers who enter (or, for source = underskilled, are upgraded in) security work."},
  KeySpec{"programme.*.source", T::choice, "", "new", -k_inf, k_inf, false, "new|underskilled",
          "new: trainees come from outside the field; underskilled: upskilling of current workers."},
  KeySpec{"programme.*.entry_tier", T::choice, "", "underskilled", -k_inf, k_inf, false,
          "qualified|underskilled", "Tier that new entrants join (source = new)."},
  KeySpec{"programme.*.entry_age", T::integer, "years", "22", 0, 150, false, "",
          "Age at which new entrants join; within min_age..max_age."},
  KeySpec{"programme.*.cost_per_trainee", T::number, "yen", "0", 0, k_inf, false, "",
          "Cost of each starter."},

  KeySpec{"event.*.start", T::date, "", "", -k_inf, k_inf, false, "",
          "First day of the event window, YYYY-MM-DD (required)."},
  KeySpec{"event.*.end", T::date, "", "", -k_inf, k_inf, false, "",
          "Last day of the event window, inclusive (required, not before start)."},
  KeySpec{"event.*.attack_multiplier", T::number, "", "1", 0, 1000, false, "",
          "Attack volume multiplier inside the window."},
  KeySpec{"event.*.demand_multiplier", T::number, "", "1", 0, 100, false, "",
          "Demand multiplier inside the window."},
  KeySpec{"event.*.demand_extra", T::number, "persons", "0", 0, k_inf, false, "",
          "Extra demand inside the window."},
};
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
  return std::string(pattern.substr(0, star)) + std::string(name) +
         std::string(pattern.substr(star + 1));
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
  std::string best;
  int best_distance = -1;
  for (const KeySpec& spec : k_specs) {
    std::string candidate = instantiate(spec.key, key);
    const int distance = edit_distance(key, candidate);
    if (best_distance < 0 || distance < best_distance) {
      best = std::move(candidate);
      best_distance = distance;
    }
  }
  return best;
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
  static constexpr const char* k_type_names[] = {"number", "integer", "schedule", "choice",
                                                 "path",   "date",    "text"};
  for (const KeySpec& spec : key_specs()) {
    std::string valid;
    if (spec.type == KeyType::choice) {
      valid = std::string(spec.choices);
      for (char& c : valid) {
        c = c == '|' ? ',' : c;
      }
    } else if (spec.type == KeyType::number || spec.type == KeyType::integer ||
               spec.type == KeyType::schedule) {
      valid = range_text(spec).substr(std::string("must be ").size());
    }
    const std::string default_value = spec.default_value.empty() ? "required" : std::string(spec.default_value);
    out += "| `" + std::string(spec.key) + "` | " + k_type_names[static_cast<int>(spec.type)] +
           " | " + std::string(spec.unit) + " | " + default_value + " | " + valid + " | " +
           std::string(spec.doc) + " |\n";
  }
  return out;
}


}  // namespace gapsim
