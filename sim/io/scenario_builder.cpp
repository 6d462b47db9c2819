// Typed, range-checked reading of scenario settings.
#include "io/scenario_builder.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "fit/fitted_trend.hpp"
#include "fit/skill_selection.hpp"
#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/number_format.hpp"
#include "io/series_csv.hpp"
#include "io/value_parser.hpp"
#include "model/age_profile.hpp"

namespace gapsim {
namespace {

// Looks settings up by key, falls back to the documented default, checks type and range,
// and records what it resolved.
class Settings {
 public:
  Settings(const RawScenario& raw, Provenance provenance) : m_raw(raw), m_provenance(provenance) {}

  bool has(const std::string& key) const { return m_raw.settings.contains(key); }

  // Where an error about `key` points: its line, else its section's line, else the top file.
  std::pair<std::string, int> location(const std::string& key) const {
    if (auto it = m_raw.settings.find(key); it != m_raw.settings.end()) {
      return {it->second.file, it->second.line};
    }
    const std::size_t dot = key.rfind('.');
    const std::string section = dot == std::string::npos ? "" : key.substr(0, dot);
    if (auto it = m_raw.sections.find(section); it != m_raw.sections.end()) {
      return {it->second.file, it->second.line};
    }
    return {m_raw.path, 1};
  }

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    const auto [file, line] = location(key);
    throw_input_error(file, line, key, what);
  }

  // The text of `key`, or `fallback` when it is not set; records the resolution.
  std::string text(const std::string& key, const std::string& fallback) {
    const bool recording = m_provenance == Provenance::record;
    if (auto it = m_raw.settings.find(key); it != m_raw.settings.end()) {
      if (recording) {
        const RawSetting& setting = it->second;
        m_resolved.push_back(
            {key, setting.value, setting.line > 0 ? setting.file + ":" + std::to_string(setting.line) : setting.file});
      }
      if (it->second.value.empty()) {
        fail(key, "empty value");
      }
      return it->second.value;
    }
    if (recording) {
      m_resolved.push_back({key, fallback, "default"});
    }
    return fallback;
  }

  std::string required_text(const std::string& key) {
    if (!has(key)) {
      fail(key, "missing required key");
    }
    return text(key, "");
  }

  // Each reader looks the key's spec up once (a Monte Carlo run rebuilds the scenario).
  double number(const std::string& key) {
    const KeySpec& key_spec = spec(key);
    return checked_number(key, key_spec, text(key, std::string(key_spec.default_value)));
  }
  // A number whose default is not in the key table (it depends on another key).
  double number_or(const std::string& key, const std::string& fallback) {
    return checked_number(key, spec(key), text(key, fallback));
  }
  double required_number(const std::string& key) { return checked_number(key, spec(key), required_text(key)); }

  int integer(const std::string& key) {
    const KeySpec& key_spec = spec(key);
    return checked_integer(key, key_spec, text(key, std::string(key_spec.default_value)));
  }

  Schedule schedule(const std::string& key) {
    const KeySpec& key_spec = spec(key);
    return checked_schedule(key, key_spec, text(key, std::string(key_spec.default_value)));
  }
  Schedule required_schedule(const std::string& key) { return checked_schedule(key, spec(key), required_text(key)); }

  std::string choice(const std::string& key) {
    const KeySpec& key_spec = spec(key);
    return checked_choice(key, key_spec, text(key, std::string(key_spec.default_value)));
  }

  Date required_date(const std::string& key) { return checked_date(key, required_text(key)); }

  // Checks every key set in the files against its type and range, as the readers above do,
  // including the keys that the scenario's modes never read (outsourcing.floor next to
  // adoption = schedule): a bad value is an error wherever it is. Records nothing.
  void check_every_set_key() const {
    for (const auto& [key, setting] : m_raw.settings) {
      const KeySpec* key_spec = find_key_spec(key);
      if (key_spec == nullptr) {
        continue;  // [uncertain] and [levers] declarations, which io/uncertainty and io/lever check
      }
      if (setting.value.empty()) {
        fail(key, "empty value");
      }
      switch (key_spec->type) {
        case KeyType::number: checked_number(key, *key_spec, setting.value); break;
        case KeyType::integer: checked_integer(key, *key_spec, setting.value); break;
        case KeyType::schedule: checked_schedule(key, *key_spec, setting.value); break;
        case KeyType::choice: checked_choice(key, *key_spec, setting.value); break;
        case KeyType::date: checked_date(key, setting.value); break;
        case KeyType::path:
        case KeyType::text: break;
      }
    }
  }

  std::vector<ResolvedSetting> take_resolved() {
    // Top-level keys first, then by key, so sections come out grouped.
    std::sort(m_resolved.begin(), m_resolved.end(), [](const auto& a, const auto& b) {
      const bool a_top = a.key.find('.') == std::string::npos;
      const bool b_top = b.key.find('.') == std::string::npos;
      return a_top != b_top ? a_top : a.key < b.key;
    });
    return std::move(m_resolved);
  }

  static const KeySpec& spec(const std::string& key) {
    const KeySpec* found = find_key_spec(key);
    return *found;  // every key the builder asks for is in the table
  }

 private:
  void check_range(const std::string& key, const KeySpec& key_spec, double value, const std::string& text) const {
    if (!in_range(key_spec, value)) {
      fail(key, text + " is out of range (" + range_text(key_spec) + ")");
    }
  }

  int checked_integer(const std::string& key, const KeySpec& key_spec, const std::string& value) const {
    const auto parsed = parse_integer(value);
    if (!parsed) {
      fail(key, "'" + value + "' is not a whole number");
    }
    check_range(key, key_spec, *parsed, value);
    return *parsed;
  }

  std::string checked_choice(const std::string& key, const KeySpec& key_spec, const std::string& value) const {
    const std::string choices(key_spec.choices);
    std::string options = "|" + choices + "|";
    if (options.find("|" + value + "|") == std::string::npos) {
      std::string listed = choices;
      std::replace(listed.begin(), listed.end(), '|', ',');
      fail(key, "'" + value + "' is not one of " + listed);
    }
    return value;
  }

  Date checked_date(const std::string& key, const std::string& value) const {
    const auto date = parse_date(value);
    if (!date) {
      fail(key, "'" + value + "' is not a date (expected YYYY-MM-DD)");
    }
    return *date;
  }

  double checked_number(const std::string& key, const KeySpec& key_spec, const std::string& value) const {
    const auto parsed = parse_number(value);
    if (!parsed) {
      fail(key, "'" + value + "' is not a number");
    }
    check_range(key, key_spec, *parsed, value);
    return *parsed;
  }

  Schedule checked_schedule(const std::string& key, const KeySpec& key_spec, const std::string& value) const {
    const auto points = parse_points(value);
    if (!points) {
      fail(key, "malformed schedule '" + value +
                    "' (expected a number or YEAR:VALUE, YEAR:VALUE, ... with increasing years)");
    }
    for (const auto& [year, point_value] : *points) {
      if (!in_range(key_spec, point_value)) {
        fail(key, "schedule value " + format_number(point_value) + " is out of range (" + range_text(key_spec) + ")");
      }
    }
    return Schedule(*points);
  }

  const RawScenario& m_raw;
  Provenance m_provenance;
  std::vector<ResolvedSetting> m_resolved;
};

// Every key must be in the table; an unknown one names the closest valid key. The
// [uncertain] and [levers] sections are not part of the scenario's values (io/uncertainty and
// io/lever read them).
void reject_unknown_keys(const RawScenario& raw) {
  for (const auto& [key, setting] : raw.settings) {
    if (find_key_spec(key) == nullptr && !key.starts_with("uncertain.") && !key.starts_with("levers.")) {
      throw_input_error(setting.file, setting.line, key, "unknown key (did you mean '" + closest_key(key) + "'?)");
    }
  }
}

// Names of the sections "prefix.NAME" that hold at least one setting, sorted.
std::vector<std::string> named_sections(const RawScenario& raw, const std::string& prefix) {
  std::set<std::string> names;
  for (const auto& [key, setting] : raw.settings) {
    if (key.starts_with(prefix + ".")) {
      const std::string rest = key.substr(prefix.size() + 1);
      names.insert(rest.substr(0, rest.find('.')));
    }
  }
  return {names.begin(), names.end()};
}

TimeConfig build_time(Settings& s) {
  TimeConfig time;
  time.start_year = s.integer("time.start_year");
  time.end_year = s.integer("time.end_year");
  if (time.end_year < time.start_year) {
    s.fail("time.end_year",
           std::to_string(time.end_year) + " is before time.start_year " + std::to_string(time.start_year));
  }
  time.steps_per_year = s.integer("time.steps_per_year");
  time.report = s.choice("time.report") == "monthly" ? ReportStep::monthly : ReportStep::annual;
  if (time.report == ReportStep::monthly && time.steps_per_year % 12 != 0) {
    s.fail("time.report", "monthly reports need time.steps_per_year to be a multiple of 12");
  }
  return time;
}

WorkforceConfig build_workforce(Settings& s) {
  WorkforceConfig wf;
  wf.qualified = s.required_number("workforce.qualified");
  wf.underskilled = s.required_number("workforce.underskilled");
  wf.min_age = s.integer("workforce.min_age");
  wf.max_age = s.integer("workforce.max_age");
  if (wf.max_age <= wf.min_age) {
    s.fail("workforce.max_age",
           std::to_string(wf.max_age) + " is not above workforce.min_age " + std::to_string(wf.min_age));
  }
  if (s.choice("workforce.age_profile") == "table") {
    if (!s.has("workforce.age_table")) {
      s.fail("workforce.age_table", "missing required key (age_profile = table)");
    }
    const Schedule table = s.schedule("workforce.age_table");
    double total = 0.0;
    for (int age = wf.min_age; age <= wf.max_age; ++age) {
      wf.initial_age_share.push_back(table.at(age));
      total += table.at(age);
    }
    if (total <= 0.0) {
      s.fail("workforce.age_table", "weights are zero at every age");
    }
    for (double& share : wf.initial_age_share) {
      share /= total;
    }
  } else {
    wf.initial_age_share =
        normal_age_shares(s.number("workforce.age_mean"), s.number("workforce.age_sd"), wf.min_age, wf.max_age);
  }
  wf.underskilled_effectiveness = s.number("workforce.underskilled_effectiveness");
  return wf;
}

// Where the attack series of trend = series or fit is, resolved against the file that names it.
std::string attack_series_path(Settings& s) {
  return resolve_relative(s.location("attack.series").first, s.required_text("attack.series"));
}

// The attack series file, read and recorded as a data file.
std::vector<std::pair<double, double>> read_attack_series(Settings& s, const ReadFile& read, const std::string& path,
                                                          const std::string& column) {
  const std::optional<std::string> text = read(path);
  if (!text) {
    s.fail("attack.series", "data file '" + path + "' not found");
  }
  auto series = read_yearly_series(*text, path, column);
  for (const auto& [year, value] : series) {
    if (!(value > 0.0)) {  // demand takes the log of the trend through the elasticity
      s.fail("attack.series", "'" + path + "' has " + column + " " + format_number(value) + " in " +
                                  format_number(year) + " (attack volumes must be > 0)");
    }
  }
  return series;
}

// The median path of the fit that attack.model asks for, on the years up to attack.fit_until.
std::shared_ptr<const AttackTrend> build_fitted_attack(Settings& s, const ReadFile& read, const std::string& path,
                                                       const std::string& column, TrendCache* trends) {
  const std::string model = s.choice("attack.model");
  const std::string criterion_name = s.choice("attack.criterion");
  const bool limited = s.has("attack.fit_until");
  const int until = limited ? s.integer("attack.fit_until") : 0;
  const std::string cache_key =
      path + "\n" + column + "\n" + model + "\n" + criterion_name + "\n" + (limited ? std::to_string(until) : "");
  if (trends != nullptr) {
    if (auto it = trends->find(cache_key); it != trends->end()) {
      return it->second;
    }
  }
  std::vector<double> years;
  std::vector<double> values;
  for (const auto& [year, value] : read_attack_series(s, read, path, column)) {
    if (!limited || year <= until) {
      years.push_back(year);
      values.push_back(value);
    }
  }
  if (years.empty()) {
    s.fail("attack.fit_until", "no data year is at or before " + std::to_string(until));
  }
  std::shared_ptr<const AttackTrend> trend;
  try {
    trend = std::make_shared<FittedTrend>(
        select_forecast(years, values, *parse_trend_choice(model), *parse_criterion(criterion_name)).forecast);
  } catch (const TrendFitError& error) {
    s.fail("attack.model", std::string(error.what()) + " (" + path + ", column " + column + ")");
  }
  if (trends != nullptr) {
    trends->emplace(cache_key, trend);
  }
  return trend;
}

std::shared_ptr<const AttackTrend> build_attack(Settings& s, const ReadFile& read, int start_year,
                                                std::vector<std::string>& data_files, TrendCache* trends) {
  const double growth = s.number("attack.growth");
  const std::string trend = s.choice("attack.trend");
  if (trend == "series" || trend == "fit") {
    const std::string path = attack_series_path(s);
    const std::string column = s.text("attack.column", std::string(Settings::spec("attack.column").default_value));
    data_files.push_back(path);
    if (trend == "fit") {
      return build_fitted_attack(s, read, path, column, trends);
    }
    return std::make_shared<SeriesTrend>(read_attack_series(s, read, path, column), growth);
  }
  const double base = s.required_number("attack.base");
  const double base_year = s.number_or("attack.base_year", std::to_string(start_year));
  return std::make_shared<GrowthTrend>(base, base_year, growth);
}

}  // namespace

BuiltScenario build_scenario(const RawScenario& raw, const ReadFile& read, TrendCache* trends, Provenance provenance) {
  reject_unknown_keys(raw);
  Settings s(raw, provenance);
  BuiltScenario built;
  ScenarioConfig& c = built.config;
  c.name = raw.name;
  if (s.has("description")) {
    s.text("description", "");
  }
  c.time = build_time(s);
  c.workforce = build_workforce(s);

  c.attrition.qualified_rate = s.number("attrition.qualified");
  c.attrition.underskilled_rate = s.number("attrition.underskilled");
  c.retirement.age_mean = s.number("retirement.age_mean");
  c.retirement.age_sd = s.number("retirement.age_sd");

  c.upskilling.rate = s.schedule("upskilling.rate");
  c.upskilling.capacity = s.schedule("upskilling.capacity");
  c.upskilling.cost_per_person = s.number("upskilling.cost_per_person");

  c.hiring.delay = s.number("hiring.delay");
  c.hiring.pool = s.schedule("hiring.pool");
  c.hiring.max_pool_share = s.number("hiring.max_pool_share");
  c.hiring.qualified_share = s.number("hiring.qualified_share");
  c.hiring.age_mean = s.number("hiring.age_mean");
  c.hiring.age_sd = s.number("hiring.age_sd");
  c.hiring.cost_per_hire = s.number("hiring.cost_per_hire");

  c.demand.base_shortage = s.required_number("demand.base_shortage");
  c.demand.growth = s.schedule("demand.growth");
  c.demand.attack_elasticity = s.number("demand.attack_elasticity");
  c.demand.threat_ceiling = s.number("demand.threat_ceiling");

  c.attack = build_attack(s, read, c.time.start_year, built.data_files, trends);

  OutsourcingConfig& out = c.outsourcing;
  if (s.choice("outsourcing.adoption") == "logistic") {
    out.adoption = Adoption::logistic;
    out.floor = s.number("outsourcing.floor");
    out.ceiling = s.number("outsourcing.ceiling");
    out.midpoint = s.number("outsourcing.midpoint");
    out.steepness = s.number("outsourcing.steepness");
  } else {
    out.adoption = Adoption::schedule;
    out.share = s.schedule("outsourcing.share");
  }
  out.leverage = s.schedule("outsourcing.leverage");
  out.foreign_share = s.schedule("outsourcing.foreign_share");
  out.cost_per_fte = s.number("outsourcing.cost_per_fte");

  for (const std::string& name : named_sections(raw, "programme")) {
    const std::string p = "programme." + name + ".";
    ProgrammeConfig programme;
    programme.name = name;
    programme.intake = s.required_schedule(p + "intake");
    programme.duration = s.required_number(p + "duration");
    programme.completion_rate = s.number(p + "completion_rate");
    programme.entry_share = s.number(p + "entry_share");
    const std::string source = s.choice(p + "source");
    programme.source = source == "underskilled" ? TraineeSource::underskilled
                       : source == "pool"       ? TraineeSource::it_pool
                                                : TraineeSource::new_entrants;
    programme.entry_tier = s.choice(p + "entry_tier") == "qualified" ? Tier::qualified : Tier::underskilled;
    programme.entry_age = s.integer(p + "entry_age");
    if (programme.entry_age < c.workforce.min_age || programme.entry_age > c.workforce.max_age) {
      s.fail(p + "entry_age", std::to_string(programme.entry_age) + " is outside workforce.min_age..workforce.max_age");
    }
    programme.cost_per_trainee = s.number(p + "cost_per_trainee");
    c.programmes.push_back(std::move(programme));
  }

  for (const std::string& name : named_sections(raw, "event")) {
    const std::string e = "event." + name + ".";
    EventConfig event;
    event.name = name;
    const Date start = s.required_date(e + "start");
    const Date end = s.required_date(e + "end");
    event.from = decimal_year(start);
    event.to = decimal_year_end(end);
    if (event.to <= event.from) {
      s.fail(e + "end", "the window ends before it starts");
    }
    event.attack_multiplier = s.number(e + "attack_multiplier");
    event.demand_multiplier = s.number(e + "demand_multiplier");
    event.demand_extra = s.number(e + "demand_extra");
    c.events.push_back(std::move(event));
  }

  s.check_every_set_key();
  built.resolved = s.take_resolved();
  return built;
}

BuiltScenario load_and_build(const std::string& path) {
  return build_scenario(load_scenario(path, read_disk_file), read_disk_file);
}

}  // namespace gapsim
