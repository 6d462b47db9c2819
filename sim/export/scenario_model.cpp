// The Vensim model of a scenario, one part of docs/MODEL.md at a time. Per-age constants
// (age shares, retirement hazard) are computed here with the engine's own functions and
// written as numbers that read back to the same doubles; everything that changes over time
// is an equation, so that the model can be read, and edited, as a system-dynamics model.
#include "export/vensim_model.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "export/vensim_names.hpp"
#include "io/number_format.hpp"
#include "io/output_units.hpp"
#include "model/age_profile.hpp"
#include "model/attack_trend.hpp"
#include "model/results.hpp"

namespace gapsim {
namespace {

// A number as Vensim reads it back to the same double, without an exponent where a reader
// would not write one (200000, not 2e+05).
std::string number_text(double value) {
  return std::abs(value) >= 1e-4 && std::abs(value) < 1e15 ? format_plain(value) : format_number(value);
}

// number_text in an expression: negative numbers in parentheses, so that they can follow any
// operator.
std::string num(double value) {
  const std::string text = number_text(value);
  return value < 0.0 ? "(" + text + ")" : text;
}

// Comments and units may not hold the characters that end an equation's parts.
std::string clean(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '~' || c == '|' || c == '\n'; }, ' ');
  return text;
}

// The name of the variable that holds scenario key `key`: "hiring.delay" -> "hiring_delay".
std::string key_variable(std::string key) {
  std::replace(key.begin(), key.end(), '.', '_');
  return key;
}

class MdlWriter {
 public:
  // A group (a view's worth of equations) named `title`, with `about` as its comment.
  void group(std::string_view title, std::string_view about) {
    m_text += "********************************************************\n\t.";
    m_text += title;
    m_text += "\n********************************************************~\n\t\t";
    m_text += clean(std::string(about));
    m_text += "\n\t|\n\n";
  }

  void equation(std::string_view lhs, std::string_view rhs, std::string_view units, std::string_view comment) {
    m_text += lhs;
    m_text += " = ";
    m_text += rhs;
    end(units, comment);
  }

  // A lookup of points (x, y): linear between points, flat outside them, as a schedule.
  void lookup(std::string_view name, const std::vector<std::pair<double, double>>& points, std::string_view units,
              std::string_view comment) {
    m_text += name;
    m_text += "(";
    for (std::size_t i = 0; i < points.size(); ++i) {
      m_text += i == 0 ? "(" : ",(";
      m_text += number_text(points[i].first);
      m_text += ",";
      m_text += number_text(points[i].second);
      m_text += ")";
    }
    m_text += ")";
    end(units, comment);
  }

  // A subscript range `name: elements`, with an optional mapping "-> other".
  void subscript(std::string_view name, std::string_view elements, std::string_view mapping = "") {
    m_text += name;
    m_text += ": ";
    m_text += elements;
    if (!mapping.empty()) {
      m_text += " -> ";
      m_text += mapping;
    }
    m_text += "\n\t~\t\n\t~\t\n\t|\n\n";
  }

  std::string take() { return "{UTF-8}\n" + m_text; }

 private:
  void end(std::string_view units, std::string_view comment) {
    m_text += "\n\t~\t";
    m_text += clean(std::string(units));
    m_text += "\n\t~\t";
    m_text += clean(std::string(comment));
    m_text += "\n\t|\n\n";
  }

  std::string m_text;
};

// "name1, name2, ...": `count` elements `prefix``first` onwards, as a Vensim range when
// there are several.
std::string element_range(const std::string& prefix, int first, int last) {
  if (first == last) {
    return prefix + std::to_string(first);
  }
  return "(" + prefix + std::to_string(first) + "-" + prefix + std::to_string(last) + ")";
}

std::string number_list(const std::vector<double>& values) {
  std::string text;
  for (std::size_t i = 0; i < values.size(); ++i) {
    text += i == 0 ? "" : ", ";
    text += number_text(values[i]);
  }
  return text;
}

class ModelWriter {
 public:
  ModelWriter(const RawScenario& raw, const BuiltScenario& built)
      : m_raw(raw),
        m_built(built),
        m_config(built.config),
        m_min_age(built.config.workforce.min_age),
        m_max_age(built.config.workforce.max_age) {}

  std::string write() {
    header();
    time();
    attack();
    outsourcing();
    demand();
    workforce();
    programmes();
    hiring_and_upskilling();
    step_update();
    outputs();
    return m_out.take();
  }

 private:
  // "KEY = VALUE (FILE:LINE)", where the scenario sets a key, or "(default)".
  std::string key_note(const std::string& key) const {
    for (const ResolvedSetting& setting : m_built.resolved) {
      if (setting.key == key) {
        return "Scenario key " + key + " = " + setting.value + " (" + setting.origin + ").";
      }
    }
    return "Scenario key " + key + ".";
  }

  // The constant of a number key.
  void key_constant(const std::string& key, double value, std::string_view units, const std::string& about = "") {
    m_out.equation(key_variable(key), num(value), units, about + (about.empty() ? "" : " ") + key_note(key));
  }

  // A schedule key: a constant, or a lookup of its points over the decimal year (MODEL.md 2).
  void key_schedule(const std::string& key, const Schedule& schedule, std::string_view units,
                    const std::string& about = "") {
    const std::string name = key_variable(key);
    const std::string note = about + (about.empty() ? "" : " ") + key_note(key);
    if (schedule.points().size() == 1) {
      m_out.equation(name, num(schedule.points().front().second), units, note);
      return;
    }
    m_out.lookup(name + "_schedule", schedule.points(), units,
                 "The points (decimal year, value) of " + key + ": linear between them, flat outside (MODEL.md 2).");
    m_out.equation(name, name + "_schedule(decimal_year)", units, note);
  }

  std::string age_element(int age) const { return "age" + std::to_string(age); }
  std::string oldest() const { return age_element(m_max_age); }
  std::string youngest() const { return age_element(m_min_age); }

  // One number per age bucket.
  void age_constants(const std::string& name, const std::vector<double>& values, std::string_view units,
                     const std::string& comment) {
    m_out.equation(name + "[age]", number_list(values), units, comment);
  }

  void header() {
    const TimeConfig& t = m_config.time;
    std::string files;
    for (const std::string& file : m_raw.files) {
      files += (files.empty() ? "" : ", ") + file;
    }
    m_out.group("gapsim", "Scenario " + m_config.name + " (" + files +
                              "), fully resolved, exported by gapsim " GAPSIM_VERSION
                              ". Time counts Euler steps: TIME STEP = 1 step, a year is steps_per_year steps. "
                              "Each variable named as a timeseries.csv column reproduces that column: the levels at "
                              "the start of each report row (Time = row x SAVEPER), the totals and means of a row at "
                              "its end (Time = (row + 1) x SAVEPER). Sections refer to docs/MODEL.md.");
    m_out.equation("INITIAL TIME", "0", "step", "MODEL.md 1: step 0 starts at 00:00 on 1 January of start_year.");
    const int steps = (t.end_year - t.start_year + 1) * t.steps_per_year;
    m_out.equation("FINAL TIME", std::to_string(steps), "step",
                   "MODEL.md 1: N steps; the run ends at 1 January of end_year + 1.");
    m_out.equation("TIME STEP", "1", "step",
                   "One Euler step. Counting steps rather than years keeps every step's start exact: a "
                   "running sum of 1/steps_per_year drifts below the year boundaries.");
    const int report_steps = t.report == ReportStep::annual ? t.steps_per_year : t.steps_per_year / 12;
    m_out.equation("SAVEPER", std::to_string(report_steps), "step",
                   std::string("MODEL.md 1: one report row every ") +
                       (t.report == ReportStep::annual ? "year" : "month") + " (time.report).");
  }

  void time() {
    const TimeConfig& t = m_config.time;
    m_out.group("Time", "MODEL.md 1: decimal years and the steps that end a year or start a report row.");
    key_constant("time.start_year", t.start_year, "year");
    key_constant("time.steps_per_year", t.steps_per_year, "step/year");
    m_out.equation("dt", "1 / time_steps_per_year", "year/step", "MODEL.md 1: the length of a step in years.");
    m_out.equation("decimal_year", "time_start_year + Time / time_steps_per_year", "year",
                   "MODEL.md 1: t_n = t0 + n/S, the start of step n; every input is read here.");
    m_out.equation("year_end", "IF THEN ELSE(MODULO(Time + 1, time_steps_per_year) = 0, 1, 0)", "Dmnl",
                   "MODEL.md 7.7: 1 in the last step of each year, when cohorts age.");
    m_out.equation("report_row_start", "IF THEN ELSE(MODULO(Time, SAVEPER) = 0, 1, 0)", "Dmnl",
                   "MODEL.md 9: 1 in the first step of each report row, when the row totals start again.");
  }

  void attack_trend() {
    const AttackTrend& trend = *m_config.attack;
    const std::string unit = attack_unit_per_year();
    if (const auto* growth = dynamic_cast<const GrowthTrend*>(&trend)) {
      key_constant("attack.base", growth->base(), unit);
      key_constant("attack.base_year", growth->base_year(), "year");
      key_constant("attack.growth", growth->growth(), "1/year");
      m_out.equation("attack_trend", "attack_base * EXP(LN(1 + attack_growth) * (decimal_year - attack_base_year))",
                     unit, "MODEL.md 3: the growth trend.");
      return;
    }
    if (const auto* series = dynamic_cast<const SeriesTrend*>(&trend)) {
      const auto& [last_year, last_value] = series->year_values().back();
      m_out.lookup("attack_series", series->year_values(), unit,
                   "MODEL.md 3: the rows (year, value) of " + setting_value("attack.series") + ", column " +
                       setting_value("attack.column") + ", each at 1 January of its year.");
      key_constant("attack.growth", series->growth_after(), "1/year", "Growth after the last row.");
      m_out.equation("attack_trend",
                     "IF THEN ELSE(decimal_year > " + num(last_year) + ", " + num(last_value) +
                         " * EXP(LN(1 + attack_growth) * (decimal_year - " + num(last_year) +
                         ")), attack_series(decimal_year))",
                     unit, "MODEL.md 3: the series, linear between rows, growing at attack.growth after the last.");
      return;
    }
    // A fitted trend: its median at every step's start, which is all the run reads of it.
    const int steps = (m_config.time.end_year - m_config.time.start_year + 1) * m_config.time.steps_per_year;
    std::vector<std::pair<double, double>> points;
    points.reserve(static_cast<std::size_t>(steps) + 1);
    for (int n = 0; n <= steps; ++n) {
      const double t = m_config.time.start_year + static_cast<double>(n) / m_config.time.steps_per_year;
      points.emplace_back(t, trend.volume(t));
    }
    m_out.lookup("attack_trend_median", points, unit,
                 "MODEL.md 3 and 12: the median of the forecast fitted to " + setting_value("attack.series") +
                     ", column " + setting_value("attack.column") +
                     " (attack.model = " + setting_value("attack.model") + "), at the start of every step t_0 .. t_N.");
    m_out.equation("attack_trend", "attack_trend_median(decimal_year)", unit, "MODEL.md 3: V(t), the fitted trend.");
  }

  void attack() {
    m_out.group("Attack volume", "MODEL.md 3: the attack trend, event windows and the threat index.");
    attack_trend();
    const std::string unit = attack_unit_per_year();
    m_out.equation("attack_trend_at_start", "INITIAL(attack_trend)", unit, "MODEL.md 4: V0 = V(t0), no event factor.");
    std::string attack_factor;
    std::string demand_factor;
    std::string demand_extra;
    for (const EventConfig& event : m_config.events) {
      const std::string e = "event_" + event.name + "_";
      const std::string key = "event." + event.name + ".";
      m_out.equation(e + "from", num(event.from), "year",
                     "MODEL.md 3: 00:00 on the start date as a decimal year. " + key_note(key + "start"));
      m_out.equation(e + "to", num(event.to), "year",
                     "MODEL.md 3: 24:00 on the end date as a decimal year. " + key_note(key + "end"));
      m_out.equation(e + "overlap",
                     "MIN(1, MAX(0, (MIN(decimal_year + dt, " + e + "to) - MAX(decimal_year, " + e + "from)) / dt))",
                     "Dmnl", "MODEL.md 3: w_e(n), the share of the step inside the window.");
      key_constant(key + "attack_multiplier", event.attack_multiplier, "Dmnl");
      key_constant(key + "demand_multiplier", event.demand_multiplier, "Dmnl");
      key_constant(key + "demand_extra", event.demand_extra, "persons");
      const std::string sep = attack_factor.empty() ? "" : " * ";
      attack_factor += sep + "(1 + (" + e + "attack_multiplier - 1) * " + e + "overlap)";
      demand_factor += sep + "(1 + (" + e + "demand_multiplier - 1) * " + e + "overlap)";
      demand_extra += (demand_extra.empty() ? "" : " + ") + e + "demand_extra * " + e + "overlap";
    }
    m_out.equation("attack_event_factor", attack_factor.empty() ? "1" : attack_factor, "Dmnl",
                   "MODEL.md 3: M_att(n), the product over events.");
    m_out.equation("demand_event_factor", demand_factor.empty() ? "1" : demand_factor, "Dmnl",
                   "MODEL.md 3: M_dem(n), the product over events.");
    m_out.equation("demand_event_extra", demand_extra.empty() ? "0" : demand_extra, "persons",
                   "MODEL.md 3: X_dem(n), the sum over events.");
    m_out.equation("attack_volume", "attack_trend * attack_event_factor", unit,
                   "MODEL.md 3: the trend times the events' attack multipliers.");
    m_out.equation("threat_index", "attack_volume / attack_trend_at_start", "Dmnl", "MODEL.md 4: I_n.");
    m_out.equation("log_threat_index", "LN(attack_trend) - LN(attack_trend_at_start) + LN(attack_event_factor)", "Dmnl",
                   "MODEL.md 4: x_n = ln V(t_n) - ln V(t_0) + ln M_att(n).");
  }

  void outsourcing() {
    const OutsourcingConfig& out = m_config.outsourcing;
    m_out.group("Outsourcing", "MODEL.md 5: the provider share of demand and the domestic factor.");
    if (out.adoption == Adoption::schedule) {
      key_schedule("outsourcing.share", out.share, "Dmnl");
      m_out.equation("outsourced_share", "outsourcing_share", "Dmnl", "MODEL.md 5: s(t), adoption = schedule.");
    } else {
      key_constant("outsourcing.floor", out.floor, "Dmnl");
      key_constant("outsourcing.ceiling", out.ceiling, "Dmnl");
      key_constant("outsourcing.midpoint", out.midpoint, "year");
      key_constant("outsourcing.steepness", out.steepness, "1/year");
      m_out.equation("outsourced_share",
                     "outsourcing_floor + (outsourcing_ceiling - outsourcing_floor) / (1 + EXP(-outsourcing_steepness "
                     "* (decimal_year - outsourcing_midpoint)))",
                     "Dmnl", "MODEL.md 5: s(t), adoption = logistic.");
    }
    key_schedule("outsourcing.leverage", out.leverage, "Dmnl", "Client FTE covered per provider FTE.");
    key_schedule("outsourcing.foreign_share", out.foreign_share, "Dmnl", "Provider FTE who are not Japanese workers.");
    m_out.equation("domestic_factor",
                   "1 - outsourced_share + outsourced_share * (1 - outsourcing_foreign_share) / outsourcing_leverage",
                   "Dmnl", "MODEL.md 5: F(t), domestic FTE per FTE of demand.");
    m_out.equation("domestic_factor_at_start", "INITIAL(domestic_factor)", "Dmnl", "MODEL.md 4: F(t0).");
    key_constant("outsourcing.cost_per_fte", out.cost_per_fte, "yen/(person*year)", "Per covered client FTE-year.");
  }

  void demand() {
    const DemandConfig& d = m_config.demand;
    m_out.group("Demand", "MODEL.md 4: demand from the economy's growth, the threat and events.");
    key_constant("workforce.qualified", m_config.workforce.qualified, "persons", "Qualified workers at the start.");
    key_constant("workforce.underskilled", m_config.workforce.underskilled, "persons",
                 "Under-skilled workers at the start.");
    key_constant("demand.base_shortage", d.base_shortage, "persons");
    m_out.equation("base_demand",
                   "(workforce_qualified + workforce_underskilled + demand_base_shortage) / domestic_factor_at_start",
                   "persons", "MODEL.md 4: D_base = (W0 + base shortage) / F(t0).");
    key_schedule("demand.growth", d.growth, "1/year");
    m_out.equation("demand_growth_factor", "INTEG(demand_growth_factor * ((1 + demand_growth) ^ dt - 1), 1)", "Dmnl",
                   "MODEL.md 4: G, G_{n+1} = G_n (1 + g(t_n))^dt (MODEL.md 11: not the continuous G ln(1 + g)).");
    key_constant("demand.attack_elasticity", d.attack_elasticity, "Dmnl");
    key_constant("demand.threat_ceiling", d.threat_ceiling, "Dmnl");
    m_out.equation("log_threat_ceiling", "LN(demand_threat_ceiling)", "Dmnl", "MODEL.md 4: L.");
    m_out.equation("threat_tanh_argument", "demand_attack_elasticity / log_threat_ceiling * log_threat_index", "Dmnl",
                   "MODEL.md 4: e x_n / L.");
    m_out.equation("threat",
                   "IF THEN ELSE(demand_attack_elasticity = 0 :OR: log_threat_ceiling = 0, 1, EXP(log_threat_ceiling "
                   "* (1 - 2 / (EXP(2 * threat_tanh_argument) + 1))))",
                   "Dmnl",
                   "MODEL.md 4: exp(L tanh(e x / L)), tanh(y) written as 1 - 2 / (exp(2y) + 1) (Vensim has no "
                   "TANH): equal up to the last bits, and never inf / inf.");
    m_out.equation("demand", "base_demand * demand_growth_factor * threat * demand_event_factor + demand_event_extra",
                   "persons", "MODEL.md 4: total security FTE needed.");
    m_out.equation("domestic_demand", "demand * domestic_factor", "persons",
                   "MODEL.md 4: FTE needed from Japanese workers after outsourcing.");
    m_out.equation("cost_outsourcing_step", "outsourced_share * demand * outsourcing_cost_per_fte * dt", "yen/step",
                   "MODEL.md 5: outsourcing_cost_n.");
  }

  void workforce() {
    const WorkforceConfig& wf = m_config.workforce;
    m_out.group("Workforce", "MODEL.md 6: workers by tier and single year of age, per-step fractions.");
    m_out.subscript("tier", "qualified_tier, underskilled_tier");
    m_out.subscript("age", element_range("age", m_min_age, m_max_age));
    if (m_max_age > m_min_age) {
      // Ageing moves bucket a - 1 into a: both directions of the mapping are declared, as
      // SDEverywhere needs.
      m_out.subscript("older_age", element_range("age", m_min_age + 1, m_max_age), "younger_age");
      m_out.subscript("younger_age", element_range("age", m_min_age, m_max_age - 1), "older_age");
    }
    age_constants("initial_age_share", wf.initial_age_share, "Dmnl",
                  "MODEL.md 6: the share of each tier at each age at the start (workforce.age_profile).");
    m_out.equation("initial_workers[qualified_tier, age]", "workforce_qualified * initial_age_share[age]", "persons",
                   "MODEL.md 6: Q_0[a].");
    m_out.equation("initial_workers[underskilled_tier, age]", "workforce_underskilled * initial_age_share[age]",
                   "persons", "MODEL.md 6: U_0[a].");
    m_out.equation("workers[tier, age]",
                   "INTEG(workers_change[tier, age] + workers_ageing[tier, age], initial_workers[tier, age])",
                   "persons", "MODEL.md 7.6 and 8: Q and U by age.");
    const RetirementConfig& r = m_config.retirement;
    age_constants("retirement_hazard", retirement_hazard(r.age_mean, r.age_sd, m_min_age, m_max_age), "1/year",
                  "MODEL.md 6: the annual retirement hazard h[a] for retirement.age_mean = " +
                      format_number(r.age_mean) + " and retirement.age_sd = " + format_number(r.age_sd) + ".");
    m_out.equation("retirement_probability[age]", "1 - (1 - retirement_hazard[age]) ^ dt", "Dmnl",
                   "MODEL.md 6: p_ret[a], per step, so that the annual hazard holds exactly.");
    key_constant("attrition.qualified", m_config.attrition.qualified_rate, "1/year");
    key_constant("attrition.underskilled", m_config.attrition.underskilled_rate, "1/year");
    m_out.equation("attrition_fraction[qualified_tier]", "attrition_qualified * dt", "Dmnl", "MODEL.md 6: alpha_Q.");
    m_out.equation("attrition_fraction[underskilled_tier]", "attrition_underskilled * dt", "Dmnl",
                   "MODEL.md 6: alpha_U.");
    m_out.equation("keep_fraction[tier, age]", "(1 - attrition_fraction[tier]) * (1 - retirement_probability[age])",
                   "Dmnl", "MODEL.md 6: keep[a], who neither leaves nor retires in a step.");
    m_out.equation("retirement_fraction[tier, age]", "retirement_probability[age] * (1 - attrition_fraction[tier])",
                   "Dmnl", "MODEL.md 6: ret[a]; attrition and retirement compete.");
    m_out.equation("qualified", "SUM(workers[qualified_tier, age!])", "persons", "MODEL.md 9: Qtot.");
    m_out.equation("underskilled", "SUM(workers[underskilled_tier, age!])", "persons", "MODEL.md 9: Utot.");
    m_out.equation("workforce", "qualified + underskilled", "persons", "MODEL.md 9: W.");
    m_out.equation("shortage", "MAX(0, domestic_demand - workforce)", "persons",
                   "MODEL.md 7.1 and 9: open_n, the open positions hiring works on.");
    key_constant("workforce.underskilled_effectiveness", wf.underskilled_effectiveness, "Dmnl");
    m_out.equation("skill_gap",
                   "MAX(0, domestic_demand - qualified - workforce_underskilled_effectiveness * underskilled)",
                   "persons", "MODEL.md 9.");
  }

  // MODEL.md 7.2: each programme's intake, pipeline and completers.
  void programmes() {
    m_out.group("Programmes", "MODEL.md 7.2: each pipeline a conveyor of one slot per step of the programme.");
    const int steps_per_year = m_config.time.steps_per_year;
    std::string trainees;
    for (const ProgrammeConfig& p : m_config.programmes) {
      const std::string key = "programme." + p.name + ".";
      const std::string v = key_variable(key);
      key_schedule(key + "intake", p.intake, "persons/year");
      m_out.equation(v + "starts", v + "intake * dt", "persons/step", "MODEL.md 7.2: starts_k(n).");
      key_constant(key + "duration", p.duration, "year",
                   "Sets the pipeline's length, round(duration x steps_per_year) steps (MODEL.md 7.2).");
      const int slots = static_cast<int>(std::lround(p.duration * steps_per_year));
      if (slots == 0) {
        m_out.equation(v + "finishing", v + "starts", "persons/step",
                       "MODEL.md 7.2: a duration under half a step: starters finish in the same step.");
      } else {
        pipeline(p.name, slots);
        trainees += (trainees.empty() ? "" : " + ") + v + "trainees";
      }
      key_constant(key + "completion_rate", p.completion_rate, "Dmnl");
      key_constant(key + "entry_share", p.entry_share, "Dmnl");
      key_constant(key + "cost_per_trainee", p.cost_per_trainee, "yen/person");
      m_out.equation(v + "graduates", v + "finishing * " + v + "completion_rate", "persons/step",
                     "MODEL.md 7.2: grad_k(n).");
      m_out.equation(
          v + "entering", v + "finishing * (" + v + "completion_rate * " + v + "entry_share)", "persons/step",
          std::string("MODEL.md 7.2: enter_k(n); source = ") +
              (p.source == TraineeSource::underskilled ? "underskilled: upgrades, MODEL.md 7.4."
               : p.source == TraineeSource::it_pool    ? "pool: entrants who use up hiring capacity, MODEL.md 7.3."
                                                       : "new: entrants from outside IT work."));
      if (p.source != TraineeSource::underskilled) {
        std::vector<double> tier{p.entry_tier == Tier::qualified ? 1.0 : 0.0,
                                 p.entry_tier == Tier::qualified ? 0.0 : 1.0};
        m_out.equation(v + "entry_tier[tier]", number_list(tier), "Dmnl",
                       "1 for the tier entrants join. " + key_note(key + "entry_tier"));
        std::vector<double> ages(static_cast<std::size_t>(m_max_age - m_min_age + 1), 0.0);
        ages[static_cast<std::size_t>(p.entry_age - m_min_age)] = 1.0;
        age_constants(v + "entry_age", ages, "Dmnl", "1 at the age entrants join at. " + key_note(key + "entry_age"));
      }
    }
    m_out.equation("trainees", trainees.empty() ? "0" : trainees, "persons",
                   "MODEL.md 9: everyone inside a pipeline (upskilling trainees are also in underskilled).");
    programme_sums();
  }

  // A conveyor of `slots` stocks: slot 1 holds the last step's starters, slot `slots` those
  // who finish in this step (MODEL.md 11: DELAY FIXED, written so that every engine runs it).
  void pipeline(const std::string& name, int slots) {
    const std::string v = "programme_" + name + "_";
    const std::string element = name + "_step";
    m_out.subscript(v + "slot", element_range(element, 1, slots));
    m_out.equation(v + "pipeline[" + v + "slot]", "INTEG(" + v + "conveyor[" + v + "slot], 0)", "persons",
                   "MODEL.md 7.2: slot i holds the starters of i steps ago.");
    const std::string first = element + "1";
    m_out.equation(v + "conveyor[" + first + "]", v + "starts - " + v + "pipeline[" + first + "]", "persons/step",
                   "This step's starters replace the first slot's.");
    if (slots > 1) {
      m_out.subscript(v + "later_slot", element_range(element, 2, slots), v + "earlier_slot");
      m_out.subscript(v + "earlier_slot", element_range(element, 1, slots - 1), v + "later_slot");
      m_out.equation(v + "conveyor[" + v + "later_slot]",
                     v + "pipeline[" + v + "earlier_slot] - " + v + "pipeline[" + v + "later_slot]", "persons/step",
                     "Each slot takes the one before it.");
    }
    m_out.equation(v + "finishing", v + "pipeline[" + element + std::to_string(slots) + "]", "persons/step",
                   "MODEL.md 7.2: finish_k(n) = starts_k(n - d_k), d_k = " + std::to_string(slots) +
                       (slots == 1 ? " step." : " steps."));
    m_out.equation(v + "trainees", "SUM(" + v + "pipeline[" + v + "slot!])", "persons", "MODEL.md 7.2: pipe_k(n).");
  }

  void programme_sums() {
    std::string upgrades;
    std::string entrants;
    std::string from_pool;
    std::string entry;
    std::string starts_cost;
    std::string graduates;
    for (const ProgrammeConfig& p : m_config.programmes) {
      const std::string v = "programme_" + p.name + "_";
      const auto add = [](std::string& sum, const std::string& term) { sum += (sum.empty() ? "" : " + ") + term; };
      add(graduates, v + "graduates");
      add(starts_cost, v + "starts * " + v + "cost_per_trainee");
      if (p.source == TraineeSource::underskilled) {
        add(upgrades, v + "entering");
        continue;
      }
      add(entrants, v + "entering");
      add(entry, v + "entering * " + v + "entry_tier[tier] * " + v + "entry_age[age]");
      if (p.source == TraineeSource::it_pool) {
        add(from_pool, v + "entering");
      }
    }
    const auto or_zero = [](const std::string& sum) { return sum.empty() ? std::string("0") : sum; };
    m_out.equation("graduates_step", or_zero(graduates), "persons/step",
                   "MODEL.md 7.5: completers of every programme.");
    m_out.equation("upgrades", or_zero(upgrades), "persons/step",
                   "MODEL.md 7.2: completers of source = underskilled programmes to upgrade.");
    m_out.equation("programme_entrants_step", or_zero(entrants), "persons/step",
                   "MODEL.md 7.2: entrants(n), source = new or pool.");
    m_out.equation("from_it_pool", or_zero(from_pool), "persons/step", "MODEL.md 7.2: from_pool(n), source = pool.");
    m_out.equation("programme_entry[tier, age]", or_zero(entry), "persons/step",
                   "MODEL.md 7.6: entrants at their entry tier and age.");
    m_out.equation("programme_starts_cost", or_zero(starts_cost), "yen/step",
                   "MODEL.md 7.5: starters times cost_per_trainee, summed over programmes.");
  }

  void hiring_and_upskilling() {
    const HiringConfig& h = m_config.hiring;
    m_out.group("Hiring and upskilling", "MODEL.md 7.3 and 7.4, from the state at the start of the step.");
    key_schedule("hiring.pool", h.pool, "persons", "The IT workforce, security workers included.");
    m_out.equation("it_pool", "MAX(0, hiring_pool - workforce)", "persons",
                   "MODEL.md 7.3: IT workers outside security.");
    key_constant("hiring.max_pool_share", h.max_pool_share, "1/year");
    m_out.equation("hiring_capacity", "hiring_max_pool_share * it_pool", "persons/year", "MODEL.md 7.3: cap_n.");
    m_out.equation("hiring_room", "MAX(0, hiring_capacity - from_it_pool / dt)", "persons/year",
                   "MODEL.md 7.3: room_n, the capacity pool programmes' entrants leave.");
    key_constant("hiring.delay", h.delay, "year");
    m_out.equation("hires_step", "MIN(shortage / hiring_delay, hiring_room) * dt", "persons/step",
                   "MODEL.md 7.3: hires_n.");
    key_constant("hiring.qualified_share", h.qualified_share, "Dmnl");
    m_out.equation("hires_by_tier[qualified_tier]", "hires_step * hiring_qualified_share", "persons/step",
                   "MODEL.md 7.3: hQ_n.");
    m_out.equation("hires_by_tier[underskilled_tier]", "hires_step - hires_by_tier[qualified_tier]", "persons/step",
                   "MODEL.md 7.3: hU_n.");
    age_constants("hire_age_share", normal_age_shares(h.age_mean, h.age_sd, m_min_age, m_max_age), "Dmnl",
                  "MODEL.md 6: hs[a] for hiring.age_mean = " + format_number(h.age_mean) +
                      " and hiring.age_sd = " + format_number(h.age_sd) + ".");
    key_constant("hiring.cost_per_hire", h.cost_per_hire, "yen/person");

    const UpskillingConfig& u = m_config.upskilling;
    key_schedule("upskilling.rate", u.rate, "1/year");
    key_schedule("upskilling.capacity", u.capacity, "persons/year");
    key_constant("upskilling.cost_per_person", u.cost_per_person, "yen/person");
    m_out.equation("upskilling_wanted", "upskilling_rate * dt * underskilled + upskilling_capacity * dt + upgrades",
                   "persons/step", "MODEL.md 7.4: wanted_n.");
    m_out.equation("upskilling_fraction", "IF THEN ELSE(underskilled > 0, MIN(1, upskilling_wanted / underskilled), 0)",
                   "Dmnl", "MODEL.md 7.4: f_n.");
    m_out.equation("upskilling_by_age[age]",
                   "MIN(keep_fraction[underskilled_tier, age], upskilling_fraction) * workers[underskilled_tier, age]",
                   "persons/step", "MODEL.md 7.4: up_n[a], never more of an age than stays in the step.");
    m_out.equation("upskilled_step", "SUM(upskilling_by_age[age!])", "persons/step", "MODEL.md 7.4: upskilled_n.");
    m_out.equation("upskilled_by_programmes",
                   "IF THEN ELSE(upgrades > 0, upskilled_step * upgrades / upskilling_wanted, 0)", "persons/step",
                   "MODEL.md 7.5: byprog_n, who paid cost_per_trainee already.");
  }

  void step_update() {
    m_out.group("Step update", "MODEL.md 7.5-7.6 and 8: the step's flows, the Euler update and ageing.");
    m_out.equation("upskilling_sign[tier]", "1, -1", "Dmnl", "Upskilled workers leave U for Q.");
    m_out.equation("workers_change[tier, age]",
                   "upskilling_sign[tier] * upskilling_by_age[age] + hires_by_tier[tier] * hire_age_share[age] + "
                   "programme_entry[tier, age] - workers[tier, age] * (1 - keep_fraction[tier, age])",
                   "persons/step", "MODEL.md 7.6: X' - X, every flow from the state at the step's start.");
    m_out.equation("workers_after_step[tier, age]", "workers[tier, age] + workers_change[tier, age]", "persons",
                   "MODEL.md 7.6: X', before ageing.");
    if (m_max_age > m_min_age) {
      m_out.equation("workers_ageing[tier, older_age]",
                     "year_end * (workers_after_step[tier, younger_age] - workers_after_step[tier, older_age])",
                     "persons/step", "MODEL.md 8 and 11: at a year's end X'[a] becomes X'[a - 1].");
    }
    m_out.equation("workers_ageing[tier, " + youngest() + "]",
                   "-year_end * workers_after_step[tier, " + youngest() + "]", "persons/step",
                   "MODEL.md 8: the youngest bucket is empty on 1 January.");
    m_out.equation("attrition_step",
                   "attrition_fraction[qualified_tier] * qualified + attrition_fraction[underskilled_tier] * "
                   "underskilled",
                   "persons/step", "MODEL.md 7.5: attrition_n.");
    m_out.equation("retirements_step",
                   "SUM(retirement_fraction[qualified_tier, age!] * workers[qualified_tier, age!]) + "
                   "SUM(retirement_fraction[underskilled_tier, age!] * workers[underskilled_tier, age!]) + year_end * "
                   "(workers_after_step[qualified_tier, " +
                       oldest() + "] + workers_after_step[underskilled_tier, " + oldest() + "])",
                   "persons/step", "MODEL.md 7.5 and 8: retirements_n, ageing out past the oldest age included.");
    m_out.equation("cost_training_step",
                   "programme_starts_cost + (upskilled_step - upskilled_by_programmes) * upskilling_cost_per_person",
                   "yen/step", "MODEL.md 7.5.");
    m_out.equation("cost_hiring_step", "hires_step * hiring_cost_per_hire", "yen/step", "MODEL.md 7.5.");
  }

  // MODEL.md 9: the flow columns, totals over a report row read at its end.
  void outputs() {
    m_out.group("Report rows",
                "MODEL.md 9: totals over a report row, each a stock emptied at the row's first step, "
                "so that at the row's end (Time = (row + 1) x SAVEPER) it holds the row's total.");
    const auto row_total = [&](const std::string& column, const std::string& step_value, std::string_view units) {
      m_out.equation(column, "INTEG(" + step_value + " - report_row_start * " + column + ", 0)", units,
                     "MODEL.md 9: the sum of " + step_value + " over the report row.");
    };
    row_total("graduates", "graduates_step", "persons");
    row_total("programme_entrants", "programme_entrants_step", "persons");
    row_total("upskilled", "upskilled_step", "persons");
    row_total("hires", "hires_step", "persons");
    row_total("attrition", "attrition_step", "persons");
    row_total("retirements", "retirements_step", "persons");
    row_total("cost_training", "cost_training_step", "yen");
    row_total("cost_hiring", "cost_hiring_step", "yen");
    row_total("cost_outsourcing", "cost_outsourcing_step", "yen");
    row_total("open_positions_sum", "shortage", "persons*step");
    row_total("hiring_cap_sum", "hiring_capacity", "persons*step/year");
    m_out.equation("open_positions", "open_positions_sum / SAVEPER", "persons",
                   "MODEL.md 9: the mean of the open positions over the row's steps.");
    m_out.equation("hiring_cap", "hiring_cap_sum / SAVEPER", "persons/year",
                   "MODEL.md 9: the mean of cap_n over the row's steps.");
    m_out.equation("cost", "cost_training + cost_hiring + cost_outsourcing", "yen", "MODEL.md 9.");
    for (const char* kind : {"training", "hiring", "outsourcing"}) {
      const std::string column = std::string("cost_") + kind;
      m_out.equation(column + "_cumulative", "INTEG(" + column + "_step, 0)", "yen",
                     "MODEL.md 9: spending from the start to the end of the row.");
    }
    m_out.equation("cost_cumulative", "cost_training_cumulative + cost_hiring_cumulative + cost_outsourcing_cumulative",
                   "yen", "MODEL.md 9.");
  }

  // The value the scenario resolved `key` to, or "" when it has none.
  std::string setting_value(const std::string& key) const {
    for (const ResolvedSetting& setting : m_built.resolved) {
      if (setting.key == key) {
        return setting.value;
      }
    }
    return "";
  }

  // The attack unit as a Vensim unit name: letters, digits and '_' only.
  std::string attack_unit_per_year() const {
    std::string unit = attack_unit(m_built);
    std::replace_if(
        unit.begin(), unit.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return unit + "/year";
  }

  const RawScenario& m_raw;
  const BuiltScenario& m_built;
  const ScenarioConfig& m_config;
  int m_min_age;
  int m_max_age;
  MdlWriter m_out;
};

}  // namespace

std::string vensim_model(const RawScenario& raw, const BuiltScenario& built) {
  check_vensim_names(raw, built.config);
  return ModelWriter(raw, built).write();
}

}  // namespace gapsim
