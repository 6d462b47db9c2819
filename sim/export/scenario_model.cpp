// The model of a scenario, one part of docs/MODEL.md at a time, written through a ModelText.
// Per-age constants (age shares, retirement hazard) are computed here with the engine's own
// functions and written as numbers that read back to the same doubles; everything that
// changes over time is an equation, so that the model can be read, and edited, as a
// system-dynamics model.
#include "export/scenario_model.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <optional>
#include <vector>

#include "export/exportable.hpp"
#include "export/mdl_text.hpp"
#include "export/xmile_text.hpp"
#include "io/number_format.hpp"
#include "io/output_units.hpp"
#include "io/sha256.hpp"
#include "model/age_profile.hpp"
#include "model/attack_trend.hpp"

namespace gapsim {
namespace {

// A number in an expression: negative numbers in parentheses, so that they can follow any
// operator.
std::string num(double value) {
  const std::string text = number_text(value);
  return value < 0.0 ? "(" + text + ")" : text;
}

// The name of the variable that holds scenario key `key`: "hiring.delay" -> "hiring_delay".
std::string key_variable(std::string key) {
  std::replace(key.begin(), key.end(), '.', '_');
  return key;
}

// "prefix1" .. "prefixN" for first .. last.
std::vector<std::string> numbered(const std::string& prefix, int first, int last) {
  std::vector<std::string> elements;
  for (int i = first; i <= last; ++i) {
    elements.push_back(prefix + std::to_string(i));
  }
  return elements;
}

// "a + b + c", or `empty` for no terms.
std::string total(const std::vector<std::string>& terms, const std::string& empty = "0") {
  std::string text;
  for (const std::string& term : terms) {
    text += (text.empty() ? "" : " + ") + term;
  }
  return text.empty() ? empty : text;
}

const std::vector<std::string> k_tiers = {"qualified_tier", "underskilled_tier"};

class ModelWriter {
 public:
  ModelWriter(const RawScenario& raw, const BuiltScenario& built, const ReadFile& read, ModelText& out)
      : m_raw(raw),
        m_built(built),
        m_read(read),
        m_config(built.config),
        m_out(out),
        m_ages(numbered("age", built.config.workforce.min_age, built.config.workforce.max_age)) {}

  void write() {
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
  }

 private:
  // A scalar auxiliary, or a flow.
  void aux(const std::string& name, const std::string& expression, const std::string& units, const std::string& doc) {
    m_out.equation({name, {}, units, doc}, expression);
  }
  void flow(const std::string& name, const std::string& expression, const std::string& units, const std::string& doc) {
    m_out.equation({name, {}, units, doc, VariableKind::flow}, expression);
  }

  // "MODEL.md S: scenario key KEY = VALUE (FILE:LINE)", S the section that uses the key's
  // section of the scenario, the origin "default" for a key no file sets.
  std::string key_note(const std::string& key) const {
    static const std::vector<std::pair<std::string, std::string>> k_sections = {
        {"time.", "1"},        {"attack.", "3"},    {"event.", "3"},       {"demand.", "4"},
        {"outsourcing.", "5"}, {"workforce.", "6"}, {"attrition.", "6"},   {"retirement.", "6"},
        {"programme.", "7.2"}, {"hiring.", "7.3"},  {"upskilling.", "7.4"}};
    std::string section;
    for (const auto& [prefix, number] : k_sections) {
      if (key.starts_with(prefix)) {
        section = "MODEL.md " + number + ": ";
      }
    }
    if (const ResolvedSetting* setting = resolved(key)) {
      return section + "scenario key " + key + " = " + setting->value + " (" + setting->origin + ").";
    }
    return section + "scenario key " + key + ".";
  }

  // Where the scenario resolved `key`, or nullptr when it has no such key.
  const ResolvedSetting* resolved(const std::string& key) const {
    const auto found = std::find_if(m_built.resolved.begin(), m_built.resolved.end(),
                                    [&](const ResolvedSetting& setting) { return setting.key == key; });
    return found == m_built.resolved.end() ? nullptr : &*found;
  }

  // The value the scenario resolved `key` to, or "" when it has none.
  std::string setting_value(const std::string& key) const {
    const ResolvedSetting* setting = resolved(key);
    return setting == nullptr ? "" : setting->value;
  }

  // The constant of a number key.
  void key_constant(const std::string& key, double value, const std::string& units, const std::string& about = "") {
    aux(key_variable(key), num(value), units, about + (about.empty() ? "" : " ") + key_note(key));
  }

  // A schedule key: a constant, or a lookup of its points over the decimal year (MODEL.md 2).
  void key_schedule(const std::string& key, const Schedule& schedule, const std::string& units,
                    const std::string& about = "") {
    const std::string name = key_variable(key);
    const std::string note = about + (about.empty() ? "" : " ") + key_note(key);
    if (schedule.points().size() == 1) {
      aux(name, num(schedule.points().front().second), units, note);
      return;
    }
    m_out.lookup({name + "_schedule",
                  {},
                  units,
                  "The points (decimal year, value) of " + key + ": linear between them, flat outside (MODEL.md 2)."},
                 schedule.points());
    aux(name, name + "_schedule(decimal_year)", units, note);
  }

  // One number per age bucket.
  void age_constants(const std::string& name, const std::vector<double>& values, const std::string& units,
                     const std::string& doc) {
    m_out.constants({name, {"age"}, units, doc}, values, m_ages);
  }

  const std::string& youngest() const { return m_ages.front(); }
  const std::string& oldest() const { return m_ages.back(); }
  int steps() const { return (m_config.time.end_year - m_config.time.start_year + 1) * m_config.time.steps_per_year; }
  int report_steps() const {
    return m_config.time.report == ReportStep::annual ? m_config.time.steps_per_year
                                                      : m_config.time.steps_per_year / 12;
  }

  void header() {
    // What produced the model: every scenario and data file with its SHA-256, as a manifest has.
    std::string inputs;
    std::vector<std::string> files = m_raw.files;
    files.insert(files.end(), m_built.data_files.begin(), m_built.data_files.end());
    for (const std::string& file : files) {
      const std::optional<std::string> contents = m_read(file);
      inputs += (inputs.empty() ? "" : ", ") + file + " (sha256 " +
                (contents ? sha256_hex(*contents) : std::string("unreadable")) + ")";
    }
    m_out.control(m_config.name, steps(), report_steps(),
                  "Scenario " + m_config.name + ", fully resolved, exported by gapsim " GAPSIM_VERSION " from " +
                      inputs +
                      ". Time counts Euler steps, each of 1 step, and a year is time_steps_per_year steps. Each "
                      "variable named as a timeseries.csv column reproduces that column: the levels at the start of "
                      "each report row (time = row x report_steps), the totals and means of a row at its end (time = "
                      "(row + 1) x report_steps). Sections refer to docs/MODEL.md.");
  }

  void time() {
    const TimeConfig& t = m_config.time;
    m_out.group("Time", "MODEL.md 1: decimal years and the steps that end a year or start a report row.");
    key_constant("time.start_year", t.start_year, "year");
    key_constant("time.steps_per_year", t.steps_per_year, "step/year");
    aux("report_steps", std::to_string(report_steps()), "step",
        std::string("MODEL.md 1: steps per report row (time.report = ") +
            (t.report == ReportStep::annual ? "annual" : "monthly") + ").");
    aux("dt_years", "1 / time_steps_per_year", "year/step", "MODEL.md 1: dt, the length of a step in years.");
    aux("decimal_year", "time_start_year + " + m_out.time() + " / time_steps_per_year", "year",
        "MODEL.md 1: t_n = t0 + n/S, the start of step n; every input is read here.");
    aux("year_end", m_out.if_then_else(m_out.is_multiple(m_out.time() + " + 1", "time_steps_per_year"), "1", "0"),
        "Dmnl", "MODEL.md 7.7: 1 in the last step of each year, when cohorts age.");
    aux("report_row_start", m_out.if_then_else(m_out.is_multiple(m_out.time(), "report_steps"), "1", "0"), "Dmnl",
        "MODEL.md 9: 1 in the first step of each report row, when the row totals start again.");
  }

  // The attack unit as a unit name: letters, digits and '_' only.
  std::string attack_unit_per_year() const {
    std::string unit = attack_unit(m_built);
    std::replace_if(
        unit.begin(), unit.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return unit + "/year";
  }

  void attack_trend() {
    const AttackTrend& trend = *m_config.attack;
    const std::string unit = attack_unit_per_year();
    if (const auto* growth = dynamic_cast<const GrowthTrend*>(&trend)) {
      key_constant("attack.base", growth->base(), unit);
      key_constant("attack.base_year", growth->base_year(), "year");
      key_constant("attack.growth", growth->growth(), "1/year");
      aux("attack_trend", "attack_base * EXP(LN(1 + attack_growth) * (decimal_year - attack_base_year))", unit,
          "MODEL.md 3: the growth trend.");
      return;
    }
    if (const auto* series = dynamic_cast<const SeriesTrend*>(&trend)) {
      const auto& [last_year, last_value] = series->year_values().back();
      m_out.lookup({"attack_series",
                    {},
                    unit,
                    "MODEL.md 3: the rows (year, value) of " + setting_value("attack.series") + ", column " +
                        setting_value("attack.column") + ", each at 1 January of its year."},
                   series->year_values());
      key_constant("attack.growth", series->growth_after(), "1/year", "Growth after the last row.");
      aux("attack_trend",
          m_out.if_then_else(
              "decimal_year > " + num(last_year),
              num(last_value) + " * EXP(LN(1 + attack_growth) * (decimal_year - " + num(last_year) + "))",
              "attack_series(decimal_year)"),
          unit, "MODEL.md 3: the series, linear between rows, growing at attack.growth after the last.");
      return;
    }
    // A fitted trend: its median at every step's start, which is all the run reads of it.
    std::vector<std::pair<double, double>> points;
    for (int n = 0; n <= steps(); ++n) {
      const double t = m_config.time.start_year + static_cast<double>(n) / m_config.time.steps_per_year;
      points.emplace_back(t, trend.volume(t));
    }
    m_out.lookup({"attack_trend_median",
                  {},
                  unit,
                  "MODEL.md 3 and 12: the median of the forecast fitted to " + setting_value("attack.series") +
                      ", column " + setting_value("attack.column") + " (attack.model = " +
                      setting_value("attack.model") + "), at the start of every step t_0 .. t_N."},
                 points);
    aux("attack_trend", "attack_trend_median(decimal_year)", unit, "MODEL.md 3: V(t), the fitted trend.");
  }

  void attack() {
    m_out.group("Attack volume", "MODEL.md 3: the attack trend, event windows and the threat index.");
    attack_trend();
    const std::string unit = attack_unit_per_year();
    aux("attack_trend_at_start", m_out.initial("attack_trend"), unit, "MODEL.md 4: V0 = V(t0), no event factor.");
    std::string attack_factor;
    std::string demand_factor;
    std::vector<std::string> demand_extra;
    for (const EventConfig& event : m_config.events) {
      const std::string e = "event_" + event.name + "_";
      const std::string key = "event." + event.name + ".";
      aux(e + "from", num(event.from), "year",
          "MODEL.md 3: 00:00 on the start date as a decimal year. " + key_note(key + "start"));
      aux(e + "to", num(event.to), "year",
          "MODEL.md 3: 24:00 on the end date as a decimal year. " + key_note(key + "end"));
      aux(e + "overlap",
          "MIN(1, MAX(0, (MIN(decimal_year + dt_years, " + e + "to) - MAX(decimal_year, " + e + "from)) / dt_years))",
          "Dmnl", "MODEL.md 3: w_e(n), the share of the step inside the window.");
      key_constant(key + "attack_multiplier", event.attack_multiplier, "Dmnl");
      key_constant(key + "demand_multiplier", event.demand_multiplier, "Dmnl");
      key_constant(key + "demand_extra", event.demand_extra, "persons");
      const std::string times = attack_factor.empty() ? "" : " * ";
      attack_factor += times + "(1 + (" + e + "attack_multiplier - 1) * " + e + "overlap)";
      demand_factor += times + "(1 + (" + e + "demand_multiplier - 1) * " + e + "overlap)";
      demand_extra.push_back(e + "demand_extra * " + e + "overlap");
    }
    aux("attack_event_factor", attack_factor.empty() ? "1" : attack_factor, "Dmnl",
        "MODEL.md 3: M_att(n), the product over events.");
    aux("demand_event_factor", demand_factor.empty() ? "1" : demand_factor, "Dmnl",
        "MODEL.md 3: M_dem(n), the product over events.");
    aux("demand_event_extra", total(demand_extra), "persons", "MODEL.md 3: X_dem(n), the sum over events.");
    aux("attack_volume", "attack_trend * attack_event_factor", unit,
        "MODEL.md 3: the trend times the events' attack multipliers.");
    aux("threat_index", "attack_volume / attack_trend_at_start", "Dmnl", "MODEL.md 4: I_n.");
    aux("log_threat_index", "LN(attack_trend) - LN(attack_trend_at_start) + LN(attack_event_factor)", "Dmnl",
        "MODEL.md 4: x_n = ln V(t_n) - ln V(t_0) + ln M_att(n).");
  }

  void outsourcing() {
    const OutsourcingConfig& out = m_config.outsourcing;
    m_out.group("Outsourcing", "MODEL.md 5: the provider share of demand and the domestic factor.");
    if (out.adoption == Adoption::schedule) {
      key_schedule("outsourcing.share", out.share, "Dmnl");
      aux("outsourced_share", "outsourcing_share", "Dmnl", "MODEL.md 5: s(t), adoption = schedule.");
    } else {
      key_constant("outsourcing.floor", out.floor, "Dmnl");
      key_constant("outsourcing.ceiling", out.ceiling, "Dmnl");
      key_constant("outsourcing.midpoint", out.midpoint, "year");
      key_constant("outsourcing.steepness", out.steepness, "1/year");
      aux("outsourced_share",
          "outsourcing_floor + (outsourcing_ceiling - outsourcing_floor) / (1 + EXP(-outsourcing_steepness * "
          "(decimal_year - outsourcing_midpoint)))",
          "Dmnl", "MODEL.md 5: s(t), adoption = logistic.");
    }
    key_schedule("outsourcing.leverage", out.leverage, "Dmnl", "Client FTE covered per provider FTE.");
    key_schedule("outsourcing.foreign_share", out.foreign_share, "Dmnl", "Provider FTE who are not Japanese workers.");
    aux("domestic_factor",
        "1 - outsourced_share + outsourced_share * (1 - outsourcing_foreign_share) / outsourcing_leverage", "Dmnl",
        "MODEL.md 5: F(t), domestic FTE per FTE of demand.");
    aux("domestic_factor_at_start", m_out.initial("domestic_factor"), "Dmnl", "MODEL.md 4: F(t0).");
    key_constant("outsourcing.cost_per_fte", out.cost_per_fte, "yen/(person*year)", "Per covered client FTE-year.");
  }

  void demand() {
    const DemandConfig& d = m_config.demand;
    m_out.group("Demand", "MODEL.md 4: demand from the economy's growth, the threat and events.");
    key_constant("workforce.qualified", m_config.workforce.qualified, "persons", "Qualified workers at the start.");
    key_constant("workforce.underskilled", m_config.workforce.underskilled, "persons",
                 "Under-skilled workers at the start.");
    key_constant("demand.base_shortage", d.base_shortage, "persons");
    aux("base_demand",
        "(workforce_qualified + workforce_underskilled + demand_base_shortage) / domestic_factor_at_start", "persons",
        "MODEL.md 4: D_base = (W0 + base shortage) / F(t0).");
    key_schedule("demand.growth", d.growth, "1/year");
    flow("demand_growth_factor_change", "demand_growth_factor * ((1 + demand_growth) ^ dt_years - 1)", "1/step",
         "MODEL.md 4 and 11: G_{n+1} - G_n = G_n ((1 + g(t_n))^dt - 1), not the continuous G ln(1 + g).");
    m_out.stock({"demand_growth_factor", {}, "Dmnl", "MODEL.md 4: G, 1 at the start."}, "1",
                {"demand_growth_factor_change"});
    key_constant("demand.attack_elasticity", d.attack_elasticity, "Dmnl");
    key_constant("demand.threat_ceiling", d.threat_ceiling, "Dmnl");
    aux("log_threat_ceiling", "LN(demand_threat_ceiling)", "Dmnl", "MODEL.md 4: L.");
    aux("threat_tanh_argument",
        m_out.safe_divide("demand_attack_elasticity", "log_threat_ceiling") + " * log_threat_index", "Dmnl",
        "MODEL.md 4: e x_n / L; 0 when L = 0, where the threat is off (as it is when e = 0).");
    aux("threat", "EXP(log_threat_ceiling * (1 - 2 / (EXP(2 * threat_tanh_argument) + 1)))", "Dmnl",
        "MODEL.md 4: exp(L tanh(e x / L)), 1 when e = 0 or L = 0; tanh(y) written as 1 - 2 / (exp(2y) + 1) "
        "(neither Vensim nor XMILE has TANH): equal up to the last bits, and never inf / inf.");
    aux("demand", "base_demand * demand_growth_factor * threat * demand_event_factor + demand_event_extra", "persons",
        "MODEL.md 4: total security FTE needed.");
    aux("domestic_demand", "demand * domestic_factor", "persons",
        "MODEL.md 4: FTE needed from Japanese workers after outsourcing.");
    flow("cost_outsourcing_step", "outsourced_share * demand * outsourcing_cost_per_fte * dt_years", "yen/step",
         "MODEL.md 5: outsourcing_cost_n.");
  }

  void workforce() {
    const WorkforceConfig& wf = m_config.workforce;
    m_out.group("Workforce", "MODEL.md 6: workers by tier and single year of age, per-step fractions.");
    m_out.dimension("tier", k_tiers);
    m_out.dimension("age", m_ages);
    if (m_out.maps_subranges()) {
      // Ageing moves bucket a - 1 into a: both directions of the mapping are declared, as
      // SDEverywhere needs.
      m_out.subrange("older_age", {m_ages.begin() + 1, m_ages.end()}, "younger_age");
      m_out.subrange("younger_age", {m_ages.begin(), m_ages.end() - 1}, "older_age");
    }
    age_constants("initial_age_share", wf.initial_age_share, "Dmnl",
                  "MODEL.md 6: the share of each tier at each age at the start (workforce.age_profile).");
    m_out.element_equations(
        {"initial_tier_size", {"tier"}, "persons", "MODEL.md 6: each tier at the start."},
        {{"qualified_tier", "workforce_qualified"}, {"underskilled_tier", "workforce_underskilled"}});
    m_out.equation({"initial_workers", {"tier", "age"}, "persons", "MODEL.md 6: Q_0[a] and U_0[a]."},
                   "initial_tier_size[tier] * initial_age_share[age]");
    m_out.stock({"workers", {"tier", "age"}, "persons", "MODEL.md 7.6 and 8: Q and U by age."},
                "initial_workers[tier, age]", {"workers_change", "workers_ageing"});
    const RetirementConfig& r = m_config.retirement;
    age_constants("retirement_hazard", retirement_hazard(r.age_mean, r.age_sd, wf.min_age, wf.max_age), "1/year",
                  "MODEL.md 6: the annual retirement hazard h[a] for retirement.age_mean = " +
                      format_number(r.age_mean) + " and retirement.age_sd = " + format_number(r.age_sd) + ".");
    m_out.equation({"retirement_probability",
                    {"age"},
                    "Dmnl",
                    "MODEL.md 6: p_ret[a], per step, so that the annual hazard holds exactly."},
                   "1 - (1 - retirement_hazard[age]) ^ dt_years");
    key_constant("attrition.qualified", m_config.attrition.qualified_rate, "1/year");
    key_constant("attrition.underskilled", m_config.attrition.underskilled_rate, "1/year");
    m_out.element_equations({"attrition_fraction", {"tier"}, "Dmnl", "MODEL.md 6: alpha_Q and alpha_U, per step."},
                            {{"qualified_tier", "attrition_qualified * dt_years"},
                             {"underskilled_tier", "attrition_underskilled * dt_years"}});
    m_out.equation(
        {"keep_fraction", {"tier", "age"}, "Dmnl", "MODEL.md 6: keep[a], who neither leaves nor retires in a step."},
        "(1 - attrition_fraction[tier]) * (1 - retirement_probability[age])");
    m_out.equation(
        {"retirement_fraction", {"tier", "age"}, "Dmnl", "MODEL.md 6: ret[a]; attrition and retirement compete."},
        "retirement_probability[age] * (1 - attrition_fraction[tier])");
    aux("qualified", m_out.sum("workers", "qualified_tier", "age"), "persons", "MODEL.md 9: Qtot.");
    aux("underskilled", m_out.sum("workers", "underskilled_tier", "age"), "persons", "MODEL.md 9: Utot.");
    aux("workforce", "qualified + underskilled", "persons", "MODEL.md 9: W.");
    aux("shortage", "MAX(0, domestic_demand - workforce)", "persons",
        "MODEL.md 7.1 and 9: open_n, the open positions hiring works on.");
    key_constant("workforce.underskilled_effectiveness", wf.underskilled_effectiveness, "Dmnl");
    aux("skill_gap", "MAX(0, domestic_demand - qualified - workforce_underskilled_effectiveness * underskilled)",
        "persons", "MODEL.md 9.");
  }

  // MODEL.md 7.2: each programme's intake, pipeline and completers.
  void programmes() {
    m_out.group("Programmes", "MODEL.md 7.2: each pipeline a conveyor of one slot per step of the programme.");
    std::vector<std::string> trainees;
    for (const ProgrammeConfig& p : m_config.programmes) {
      const std::string key = "programme." + p.name + ".";
      const std::string v = key_variable(key);
      key_schedule(key + "intake", p.intake, "persons/year");
      aux(v + "starts", v + "intake * dt_years", "persons/step", "MODEL.md 7.2: starts_k(n).");
      key_constant(key + "duration", p.duration, "year",
                   "Sets the pipeline's length, round(duration x steps_per_year) steps (MODEL.md 7.2).");
      const int slots = static_cast<int>(std::lround(p.duration * m_config.time.steps_per_year));
      if (slots == 0) {
        aux(v + "finishing", v + "starts", "persons/step",
            "MODEL.md 7.2: a duration under half a step: starters finish in the same step.");
      } else {
        pipeline(p.name, slots);
        trainees.push_back(v + "trainees");
      }
      key_constant(key + "completion_rate", p.completion_rate, "Dmnl");
      key_constant(key + "entry_share", p.entry_share, "Dmnl");
      key_constant(key + "cost_per_trainee", p.cost_per_trainee, "yen/person");
      aux(v + "graduates", v + "finishing * " + v + "completion_rate", "persons/step", "MODEL.md 7.2: grad_k(n).");
      aux(v + "entering", v + "finishing * (" + v + "completion_rate * " + v + "entry_share)", "persons/step",
          std::string("MODEL.md 7.2: enter_k(n); source = ") +
              (p.source == TraineeSource::underskilled ? "underskilled: upgrades, MODEL.md 7.4."
               : p.source == TraineeSource::it_pool    ? "pool: entrants who use up hiring capacity, MODEL.md 7.3."
                                                       : "new: entrants from outside IT work."));
      if (p.source != TraineeSource::underskilled) {
        const bool qualified = p.entry_tier == Tier::qualified;
        m_out.constants(
            {v + "entry_tier", {"tier"}, "Dmnl", "1 for the tier entrants join. " + key_note(key + "entry_tier")},
            {qualified ? 1.0 : 0.0, qualified ? 0.0 : 1.0}, k_tiers);
        std::vector<double> ages(m_ages.size(), 0.0);
        ages[static_cast<std::size_t>(p.entry_age - m_config.workforce.min_age)] = 1.0;
        age_constants(v + "entry_age", ages, "Dmnl", "1 at the age entrants join at. " + key_note(key + "entry_age"));
      }
    }
    aux("trainees", total(trainees), "persons",
        "MODEL.md 9: everyone inside a pipeline (upskilling trainees are also in underskilled).");
    programme_sums();
  }

  // A conveyor of `slots` stocks: slot 1 holds the last step's starters, slot `slots` those
  // who finish in this step (MODEL.md 11: DELAY FIXED, written so that every engine runs it).
  void pipeline(const std::string& name, int slots) {
    const std::string v = "programme_" + name + "_";
    const std::vector<std::string> elements = numbered(name + "_step", 1, slots);
    m_out.dimension(v + "slot", elements);
    const Variable conveyor{v + "conveyor",
                            {v + "slot"},
                            "persons/step",
                            "MODEL.md 7.2: each slot takes the one before it, the first this step's starters.",
                            VariableKind::flow};
    const std::string pipe = v + "pipeline";
    std::vector<ElementEquation> equations{{elements.front(), v + "starts - " + pipe + "[" + elements.front() + "]"}};
    if (slots > 1 && m_out.maps_subranges()) {
      m_out.subrange(v + "later_slot", {elements.begin() + 1, elements.end()}, v + "earlier_slot");
      m_out.subrange(v + "earlier_slot", {elements.begin(), elements.end() - 1}, v + "later_slot");
      equations.push_back({v + "later_slot", pipe + "[" + v + "earlier_slot] - " + pipe + "[" + v + "later_slot]"});
    } else {
      for (std::size_t i = 1; i < elements.size(); ++i) {
        equations.push_back({elements[i], pipe + "[" + elements[i - 1] + "] - " + pipe + "[" + elements[i] + "]"});
      }
    }
    m_out.element_equations(conveyor, equations);
    m_out.stock({pipe, {v + "slot"}, "persons", "MODEL.md 7.2: slot i holds the starters of i steps ago."}, "0",
                {v + "conveyor"});
    aux(v + "finishing", pipe + "[" + elements.back() + "]", "persons/step",
        "MODEL.md 7.2: finish_k(n) = starts_k(n - d_k), d_k = " + std::to_string(slots) +
            (slots == 1 ? " step." : " steps."));
    aux(v + "trainees", m_out.sum(pipe, "", v + "slot"), "persons", "MODEL.md 7.2: pipe_k(n).");
  }

  void programme_sums() {
    std::vector<std::string> graduates;
    std::vector<std::string> starts_cost;
    std::vector<std::string> upgrades;
    std::vector<std::string> entrants;
    std::vector<std::string> from_pool;
    std::vector<std::string> entry;
    for (const ProgrammeConfig& p : m_config.programmes) {
      const std::string v = "programme_" + p.name + "_";
      graduates.push_back(v + "graduates");
      starts_cost.push_back(v + "starts * " + v + "cost_per_trainee");
      if (p.source == TraineeSource::underskilled) {
        upgrades.push_back(v + "entering");
        continue;
      }
      entrants.push_back(v + "entering");
      entry.push_back(v + "entering * " + v + "entry_tier[tier] * " + v + "entry_age[age]");
      if (p.source == TraineeSource::it_pool) {
        from_pool.push_back(v + "entering");
      }
    }
    aux("graduates_step", total(graduates), "persons/step", "MODEL.md 7.5: completers of every programme.");
    aux("upgrades", total(upgrades), "persons/step",
        "MODEL.md 7.2: completers of source = underskilled programmes to upgrade.");
    aux("programme_entrants_step", total(entrants), "persons/step", "MODEL.md 7.2: entrants(n), source = new or pool.");
    aux("from_it_pool", total(from_pool), "persons/step", "MODEL.md 7.2: from_pool(n), source = pool.");
    m_out.equation(
        {"programme_entry", {"tier", "age"}, "persons/step", "MODEL.md 7.6: entrants at their entry tier and age."},
        total(entry));
    aux("programme_starts_cost", total(starts_cost), "yen/step",
        "MODEL.md 7.5: starters times cost_per_trainee, summed over programmes.");
  }

  void hiring_and_upskilling() {
    const HiringConfig& h = m_config.hiring;
    m_out.group("Hiring and upskilling", "MODEL.md 7.3 and 7.4, from the state at the start of the step.");
    key_schedule("hiring.pool", h.pool, "persons", "The IT workforce, security workers included.");
    aux("it_pool", "MAX(0, hiring_pool - workforce)", "persons", "MODEL.md 7.3: IT workers outside security.");
    key_constant("hiring.max_pool_share", h.max_pool_share, "1/year");
    aux("hiring_capacity", "hiring_max_pool_share * it_pool", "persons/year", "MODEL.md 7.3: cap_n.");
    aux("hiring_room", "MAX(0, hiring_capacity - from_it_pool / dt_years)", "persons/year",
        "MODEL.md 7.3: room_n, the capacity pool programmes' entrants leave.");
    key_constant("hiring.delay", h.delay, "year");
    aux("hires_step", "MIN(shortage / hiring_delay, hiring_room) * dt_years", "persons/step", "MODEL.md 7.3: hires_n.");
    key_constant("hiring.qualified_share", h.qualified_share, "Dmnl");
    m_out.element_equations({"hires_by_tier", {"tier"}, "persons/step", "MODEL.md 7.3: hQ_n and hU_n."},
                            {{"qualified_tier", "hires_step * hiring_qualified_share"},
                             {"underskilled_tier", "hires_step - hires_step * hiring_qualified_share"}});
    age_constants("hire_age_share",
                  normal_age_shares(h.age_mean, h.age_sd, m_config.workforce.min_age, m_config.workforce.max_age),
                  "Dmnl",
                  "MODEL.md 6: hs[a] for hiring.age_mean = " + format_number(h.age_mean) +
                      " and hiring.age_sd = " + format_number(h.age_sd) + ".");
    key_constant("hiring.cost_per_hire", h.cost_per_hire, "yen/person");

    const UpskillingConfig& u = m_config.upskilling;
    key_schedule("upskilling.rate", u.rate, "1/year");
    key_schedule("upskilling.capacity", u.capacity, "persons/year");
    key_constant("upskilling.cost_per_person", u.cost_per_person, "yen/person");
    aux("upskilling_wanted", "upskilling_rate * dt_years * underskilled + upskilling_capacity * dt_years + upgrades",
        "persons/step", "MODEL.md 7.4: wanted_n.");
    aux("upskilling_fraction", "MIN(1, " + m_out.safe_divide("upskilling_wanted", "underskilled") + ")", "Dmnl",
        "MODEL.md 7.4: f_n.");
    m_out.equation({"upskilling_by_age",
                    {"age"},
                    "persons/step",
                    "MODEL.md 7.4: up_n[a], never more of an age than stays in the step."},
                   "MIN(keep_fraction[underskilled_tier, age], upskilling_fraction) * workers[underskilled_tier, age]");
    aux("upskilled_step", m_out.sum("upskilling_by_age", "", "age"), "persons/step", "MODEL.md 7.4: upskilled_n.");
    aux("upskilled_by_programmes", m_out.safe_divide("upskilled_step * upgrades", "upskilling_wanted"), "persons/step",
        "MODEL.md 7.5: byprog_n, who paid cost_per_trainee already.");
  }

  void step_update() {
    m_out.group("Step update", "MODEL.md 7.5-7.6 and 8: the step's flows, the Euler update and ageing.");
    m_out.constants({"upskilling_sign", {"tier"}, "Dmnl", "MODEL.md 7.6: upskilled workers leave U for Q."},
                    {1.0, -1.0}, k_tiers);
    m_out.equation({"workers_change",
                    {"tier", "age"},
                    "persons/step",
                    "MODEL.md 7.6: X' - X, every flow from the state at the step's start.",
                    VariableKind::flow},
                   "upskilling_sign[tier] * upskilling_by_age[age] + hires_by_tier[tier] * hire_age_share[age] + "
                   "programme_entry[tier, age] - workers[tier, age] * (1 - keep_fraction[tier, age])");
    m_out.equation({"workers_after_step", {"tier", "age"}, "persons", "MODEL.md 7.6: X', before ageing."},
                   "workers[tier, age] + workers_change[tier, age]");
    ageing();
    aux("attrition_step",
        "attrition_fraction[qualified_tier] * qualified + attrition_fraction[underskilled_tier] * underskilled",
        "persons/step", "MODEL.md 7.5: attrition_n.");
    m_out.equation({"retiring", {"tier", "age"}, "persons/step", "MODEL.md 7.5: ret[a] X[a]."},
                   "retirement_fraction[tier, age] * workers[tier, age]");
    aux("retirements_step",
        m_out.sum("retiring", "qualified_tier", "age") + " + " + m_out.sum("retiring", "underskilled_tier", "age") +
            " + year_end * (workers_after_step[qualified_tier, " + oldest() +
            "] + workers_after_step[underskilled_tier, " + oldest() + "])",
        "persons/step", "MODEL.md 7.5 and 8: retirements_n, ageing out past the oldest age included.");
    flow("cost_training_step",
         "programme_starts_cost + (upskilled_step - upskilled_by_programmes) * upskilling_cost_per_person", "yen/step",
         "MODEL.md 7.5.");
    flow("cost_hiring_step", "hires_step * hiring_cost_per_hire", "yen/step", "MODEL.md 7.5.");
  }

  // MODEL.md 8 and 11: at a year's end X'[a] becomes X'[a - 1], as the flow X'[a-1] - X'[a].
  void ageing() {
    const Variable ageing{"workers_ageing",
                          {"tier", "age"},
                          "persons/step",
                          "MODEL.md 8 and 11: at a year's end X'[a] becomes X'[a - 1]; the youngest bucket empties.",
                          VariableKind::flow};
    const auto shifted = [](const std::string& tier, const std::string& younger, const std::string& older) {
      return "year_end * (workers_after_step[" + tier + ", " + younger + "] - workers_after_step[" + tier + ", " +
             older + "])";
    };
    const auto emptied = [&](const std::string& tier) {
      return "-year_end * workers_after_step[" + tier + ", " + youngest() + "]";
    };
    std::vector<ElementEquation> equations;
    if (m_out.maps_subranges()) {
      equations.push_back({"tier, older_age", shifted("tier", "younger_age", "older_age")});
      equations.push_back({"tier, " + youngest(), emptied("tier")});
    } else {
      for (const std::string& tier : k_tiers) {
        equations.push_back({tier + ", " + youngest(), emptied(tier)});
        for (std::size_t a = 1; a < m_ages.size(); ++a) {
          equations.push_back({tier + ", " + m_ages[a], shifted(tier, m_ages[a - 1], m_ages[a])});
        }
      }
    }
    m_out.element_equations(ageing, equations);
  }

  // MODEL.md 9: the flow columns, totals over a report row read at its end.
  void outputs() {
    m_out.group("Report rows",
                "MODEL.md 9: totals over a report row, each a stock emptied at the row's first step, so that at the "
                "row's end (time = (row + 1) x report_steps) it holds the row's total.");
    const auto row_total = [&](const std::string& column, const std::string& step_value, const std::string& units) {
      flow(column + "_change", step_value + " - report_row_start * " + column, units + "/step",
           "MODEL.md 9: " + step_value + " added, the row's total emptied at its first step.");
      m_out.stock({column, {}, units, "MODEL.md 9: the sum of " + step_value + " over the report row."}, "0",
                  {column + "_change"});
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
    aux("open_positions", "open_positions_sum / report_steps", "persons",
        "MODEL.md 9: the mean of the open positions over the row's steps.");
    aux("hiring_cap", "hiring_cap_sum / report_steps", "persons/year",
        "MODEL.md 9: the mean of cap_n over the row's steps.");
    aux("cost", "cost_training + cost_hiring + cost_outsourcing", "yen", "MODEL.md 9.");
    for (const char* kind : {"training", "hiring", "outsourcing"}) {
      const std::string column = std::string("cost_") + kind;
      m_out.stock({column + "_cumulative", {}, "yen", "MODEL.md 9: spending from the start to the end of the row."},
                  "0", {column + "_step"});
    }
    aux("cost_cumulative", "cost_training_cumulative + cost_hiring_cumulative + cost_outsourcing_cumulative", "yen",
        "MODEL.md 9.");
  }

  const RawScenario& m_raw;
  const BuiltScenario& m_built;
  const ReadFile& m_read;
  const ScenarioConfig& m_config;
  ModelText& m_out;
  std::vector<std::string> m_ages;  // the age dimension's elements, "age18" ..
};

}  // namespace

std::string scenario_model(const RawScenario& raw, const BuiltScenario& built, ModelFormat format,
                           const ReadFile& read) {
  check_exportable(raw, built.config);
  std::unique_ptr<ModelText> text;
  if (format == ModelFormat::mdl) {
    text = std::make_unique<MdlText>();
  } else {
    text = std::make_unique<XmileText>();
  }
  ModelWriter(raw, built, read, *text).write();
  return text->text();
}

}  // namespace gapsim
