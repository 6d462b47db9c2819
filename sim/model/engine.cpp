// The time-step loop. Nothing here allocates once the workspace is prepared, prints, or
// touches files.
#include "model/engine.hpp"

#include <algorithm>
#include <cmath>

namespace gapsim {

void Workspace::prepare(const ExogenousInputs& in) {
  m_qualified = in.initial_qualified;
  m_underskilled = in.initial_underskilled;
  // Attrition and retirement compete within a step: retirement applies to who did not leave.
  m_fractions.retire_qualified = in.retire_prob * (1.0 - in.attrition_qualified);
  m_fractions.retire_underskilled = in.retire_prob * (1.0 - in.attrition_underskilled);
  m_fractions.keep_qualified = (1.0 - in.attrition_qualified) * (1.0 - in.retire_prob);
  m_fractions.keep_underskilled = (1.0 - in.attrition_underskilled) * (1.0 - in.retire_prob);
  m_pipelines.resize(in.programmes.size());
  m_heads.assign(in.programmes.size(), 0);
  m_entering.assign(in.programmes.size(), 0.0);
  for (std::size_t k = 0; k < in.programmes.size(); ++k) {
    m_pipelines[k].setZero(in.programmes[k].delay_steps);
  }
}

namespace {

// Flows summed over one step, one report step, one year or the run.
struct FlowTotals {
  double graduates = 0.0;
  double programme_entrants = 0.0;
  double upskilled = 0.0;
  double hires = 0.0;
  double attrition = 0.0;
  double retirements = 0.0;
  double cost_training = 0.0;
  double cost_hiring = 0.0;
  double cost_outsourcing = 0.0;
  double open_positions = 0.0;  // summed over the steps, reported as their mean [persons]
  double hiring_cap = 0.0;      // summed over the steps, reported as their mean [persons/yr]

  FlowTotals& operator+=(const FlowTotals& step) {
    graduates += step.graduates;
    programme_entrants += step.programme_entrants;
    upskilled += step.upskilled;
    hires += step.hires;
    attrition += step.attrition;
    retirements += step.retirements;
    cost_training += step.cost_training;
    cost_hiring += step.cost_hiring;
    cost_outsourcing += step.cost_outsourcing;
    open_positions += step.open_positions;
    hiring_cap += step.hiring_cap;
    return *this;
  }
};

// Spending by kind from the start of the run [yen].
struct CumulativeCost {
  double training = 0.0;
  double hiring = 0.0;
  double outsourcing = 0.0;

  void add(const FlowTotals& flows) {
    training += flows.cost_training;
    hiring += flows.cost_hiring;
    outsourcing += flows.cost_outsourcing;
  }
};

// One of the tables of Results (report rows, calendar years, the end state), by Column.
class TableRows {
 public:
  explicit TableRows(ResultTable& table) : m_table(table) {}
  double& at(int row, Column column) { return m_table(row, static_cast<int>(column)); }

 private:
  ResultTable& m_table;
};

void record_levels(const ExogenousInputs& in, int n, double qualified, double underskilled, double trainees,
                   TableRows results, int row) {
  const double workforce = qualified + underskilled;
  results.at(row, Column::time) = in.time_at(n);
  results.at(row, Column::attack_volume) = in.attack_volume[n];
  results.at(row, Column::threat_index) = in.threat_index[n];
  results.at(row, Column::it_pool) = std::max(0.0, in.it_workforce[n] - workforce);
  results.at(row, Column::demand) = in.demand[n];
  results.at(row, Column::domestic_demand) = in.domestic_demand[n];
  results.at(row, Column::outsourced_share) = in.outsourced_share[n];
  results.at(row, Column::workforce) = workforce;
  results.at(row, Column::qualified) = qualified;
  results.at(row, Column::underskilled) = underskilled;
  results.at(row, Column::trainees) = trainees;
  results.at(row, Column::shortage) = std::max(0.0, in.domestic_demand[n] - workforce);
  results.at(row, Column::skill_gap) =
      std::max(0.0, in.domestic_demand[n] - qualified - in.underskilled_effectiveness * underskilled);
}

// `steps`: how many steps the flows were summed over, for the means.
void record_flows(const FlowTotals& flows, const CumulativeCost& cumulative, int steps, TableRows results, int row) {
  results.at(row, Column::open_positions) = flows.open_positions / steps;
  results.at(row, Column::hiring_cap) = flows.hiring_cap / steps;
  results.at(row, Column::graduates) = flows.graduates;
  results.at(row, Column::programme_entrants) = flows.programme_entrants;
  results.at(row, Column::upskilled) = flows.upskilled;
  results.at(row, Column::hires) = flows.hires;
  results.at(row, Column::attrition) = flows.attrition;
  results.at(row, Column::retirements) = flows.retirements;
  results.at(row, Column::cost_training) = flows.cost_training;
  results.at(row, Column::cost_hiring) = flows.cost_hiring;
  results.at(row, Column::cost_outsourcing) = flows.cost_outsourcing;
  results.at(row, Column::cost) = flows.cost_training + flows.cost_hiring + flows.cost_outsourcing;
  results.at(row, Column::cost_training_cumulative) = cumulative.training;
  results.at(row, Column::cost_hiring_cumulative) = cumulative.hiring;
  results.at(row, Column::cost_outsourcing_cumulative) = cumulative.outsourcing;
  results.at(row, Column::cost_cumulative) = cumulative.training + cumulative.hiring + cumulative.outsourcing;
}

// Everyone moves up one year of age; the oldest bucket leaves. Returns how many left.
double age_one_year(Eigen::ArrayXd& stock) {
  const Eigen::Index n = stock.size();
  const double leaving = stock[n - 1];
  std::copy_backward(stock.data(), stock.data() + n - 1, stock.data() + n);
  stock[0] = 0.0;
  return leaving;
}

// What one step's age update moved, and the tier totals after it [persons].
struct AgeStepTotals {
  double upskilled = 0.0;
  double retirements = 0.0;
  double qualified = 0.0;
  double underskilled = 0.0;
};

// Attrition, retirement, upskilling and hires for every age in one pass. This is where a run
// spends its time: the simd pragma lets GCC vectorise the loop with its four running sums
// (summing in vector lanes, a fixed order for a given build), which it will not do for a
// plain floating-point reduction.
AgeStepTotals update_ages(const AgeStepFractions& fractions, double upskill_fraction, double hires_qualified,
                          double hires_underskilled, const Eigen::ArrayXd& hire_age_share, Eigen::ArrayXd& qualified,
                          Eigen::ArrayXd& underskilled) {
  double* __restrict q = qualified.data();
  double* __restrict u = underskilled.data();
  const double* __restrict keep_q = fractions.keep_qualified.data();
  const double* __restrict keep_u = fractions.keep_underskilled.data();
  const double* __restrict retire_q = fractions.retire_qualified.data();
  const double* __restrict retire_u = fractions.retire_underskilled.data();
  const double* __restrict share = hire_age_share.data();
  double upskilled = 0.0;
  double retirements = 0.0;
  double q_total = 0.0;
  double u_total = 0.0;
  const Eigen::Index ages = qualified.size();
#pragma omp simd reduction(+ : upskilled, retirements, q_total, u_total)
  for (Eigen::Index a = 0; a < ages; ++a) {
    const double qa = q[a];
    const double ua = u[a];
    const double up = std::min(keep_u[a], upskill_fraction) * ua;
    upskilled += up;
    retirements += retire_q[a] * qa + retire_u[a] * ua;
    const double q_next = qa * keep_q[a] + up + hires_qualified * share[a];
    const double u_next = ua * keep_u[a] - up + hires_underskilled * share[a];
    q[a] = q_next;
    u[a] = u_next;
    q_total += q_next;
    u_total += u_next;
  }
  return {upskilled, retirements, q_total, u_total};
}

}  // namespace

void Engine::run(const ExogenousInputs& in, Workspace& ws, Results& results) {
  ws.prepare(in);
  results.table.resize(in.reports(), k_column_count);
  results.years.resize(in.steps / in.steps_per_year, k_column_count);
  results.end.resize(1, k_column_count);
  results.peak_shortage = -1.0;
  results.peak_time = in.start_time;
  results.first_zero_time = -1.0;
  // Exogenous: computed with the series, not in the step loop.
  results.first_demand_over_it_time = in.first_demand_over_it_time;
  results.peak_demand_it_ratio = in.peak_demand_it_ratio;

  Eigen::ArrayXd& q = ws.m_qualified;
  Eigen::ArrayXd& u = ws.m_underskilled;
  FlowTotals report_flows;
  FlowTotals year_flows;
  FlowTotals run_flows;
  CumulativeCost report_cost;
  CumulativeCost year_cost;
  const double dt = in.dt;

  // Tier totals are carried through the step (the age update returns the new sums), so the
  // arrays are read once per step.
  double qualified = q.sum();
  double underskilled = u.sum();

  for (int n = 0; n < in.steps; ++n) {
    const double t = in.time_at(n);
    const double workforce = qualified + underskilled;
    const double open_positions = std::max(0.0, in.domestic_demand[n] - workforce);
    const int report_row = n / in.steps_per_report;

    if (open_positions > results.peak_shortage) {
      results.peak_shortage = open_positions;
      results.peak_time = t;
    }
    if (open_positions == 0.0 && results.first_zero_time < 0.0) {
      results.first_zero_time = t;
    }
    if (n % in.steps_per_report == 0) {
      double trainees = 0.0;
      for (const Eigen::ArrayXd& pipeline : ws.m_pipelines) {
        trainees += pipeline.sum();
      }
      record_levels(in, n, qualified, underskilled, trainees, TableRows(results.table), report_row);
      report_flows = FlowTotals{};
      // Report steps divide years, so a year always starts with a report step.
      if (n % in.steps_per_year == 0) {
        record_levels(in, n, qualified, underskilled, trainees, TableRows(results.years), n / in.steps_per_year);
        year_flows = FlowTotals{};
      }
    }

    FlowTotals flows;  // this step's
    // Programmes: starters enter the ring, those who started delay_steps ago come out.
    double upgrades_wanted = 0.0;  // completers of upskilling programmes [persons]
    double from_it_pool = 0.0;     // entrants of programmes that draw on IT workers [persons]
    for (std::size_t k = 0; k < in.programmes.size(); ++k) {
      const ProgrammeInputs& programme = in.programmes[k];
      const double starts = programme.starts[n];
      double finishing = starts;
      if (programme.delay_steps > 0) {
        Eigen::ArrayXd& ring = ws.m_pipelines[k];
        int& head = ws.m_heads[k];
        finishing = ring[head];
        ring[head] = starts;
        head = head + 1 == programme.delay_steps ? 0 : head + 1;
      }
      flows.graduates += finishing * programme.completion_rate;
      flows.cost_training += starts * programme.cost_per_trainee;
      ws.m_entering[k] = finishing * programme.entering;
      if (programme.source == TraineeSource::underskilled) {
        upgrades_wanted += ws.m_entering[k];
      } else {
        flows.programme_entrants += ws.m_entering[k];
        if (programme.source == TraineeSource::it_pool) {
          from_it_pool += ws.m_entering[k];
        }
      }
    }

    // Mid-career hiring: open positions filled over the hiring delay. At most a share of the
    // IT workers outside security move in per year, and entrants of programmes that draw on
    // them (qualification holders who already work in IT) use up the same capacity.
    const double hiring_cap = in.max_pool_share * std::max(0.0, in.it_workforce[n] - workforce);
    const double hiring_room = std::max(0.0, hiring_cap - from_it_pool / dt);
    const double hires = std::min(open_positions / in.hiring_delay, hiring_room) * dt;
    flows.open_positions = open_positions;
    flows.hiring_cap = hiring_cap;

    // Upskilling: a rate plus capacity plus upskilling-programme completers, spread over ages
    // in proportion, never more of an age than is left after attrition and retirement.
    const double upskill_wanted =
        in.upskill_rate[n] * dt * underskilled + in.upskill_capacity[n] * dt + upgrades_wanted;
    const double upskill_fraction = underskilled > 0.0 ? std::min(1.0, upskill_wanted / underskilled) : 0.0;
    const double hires_qualified = hires * in.hire_qualified_share;
    const double hires_underskilled = hires - hires_qualified;

    const AgeStepTotals totals =
        update_ages(ws.m_fractions, upskill_fraction, hires_qualified, hires_underskilled, in.hire_age_share, q, u);
    const double upskilled = totals.upskilled;
    const double retirements = totals.retirements;

    flows.upskilled += upskilled;
    flows.hires += hires;
    flows.attrition += in.attrition_qualified * qualified + in.attrition_underskilled * underskilled;
    flows.retirements += retirements;
    // Programme completers paid cost_per_trainee already; the rest, upskilled on the job by the
    // rate or the capacity, pay cost_per_upskill: training as well, only without a programme.
    const double upskilled_by_programmes = upgrades_wanted > 0.0 ? upskilled * upgrades_wanted / upskill_wanted : 0.0;
    flows.cost_training += (upskilled - upskilled_by_programmes) * in.cost_per_upskill;
    flows.cost_hiring += hires * in.cost_per_hire;
    flows.cost_outsourcing += in.outsourcing_cost[n];

    double qualified_next = totals.qualified;
    double underskilled_next = totals.underskilled;
    for (std::size_t k = 0; k < in.programmes.size(); ++k) {
      const ProgrammeInputs& programme = in.programmes[k];
      if (programme.source != TraineeSource::underskilled) {
        const bool qualified_tier = programme.entry_tier == Tier::qualified;
        (qualified_tier ? q : u)[programme.entry_index] += ws.m_entering[k];
        (qualified_tier ? qualified_next : underskilled_next) += ws.m_entering[k];
      }
    }

    const bool year_ends = (n + 1) % in.steps_per_year == 0;
    if (year_ends) {
      const double leaving_qualified = age_one_year(q);
      const double leaving_underskilled = age_one_year(u);
      qualified_next -= leaving_qualified;
      underskilled_next -= leaving_underskilled;
      flows.retirements += leaving_qualified + leaving_underskilled;
    }
    qualified = qualified_next;
    underskilled = underskilled_next;
    report_flows += flows;
    year_flows += flows;
    if ((n + 1) % in.steps_per_report == 0) {
      report_cost.add(report_flows);
      record_flows(report_flows, report_cost, in.steps_per_report, TableRows(results.table), report_row);
    }
    if (year_ends) {
      year_cost.add(year_flows);
      record_flows(year_flows, year_cost, in.steps_per_year, TableRows(results.years), n / in.steps_per_year);
      run_flows += year_flows;
    }
  }

  // The state the last step leaves, at t_N = end_year + 1, which no report row shows.
  double trainees = 0.0;
  for (const Eigen::ArrayXd& pipeline : ws.m_pipelines) {
    trainees += pipeline.sum();
  }
  record_levels(in, in.steps, qualified, underskilled, trainees, TableRows(results.end), 0);
  record_flows(run_flows, year_cost, in.steps, TableRows(results.end), 0);
}

}  // namespace gapsim
