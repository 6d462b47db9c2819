// Rolling-origin evaluation on seeded synthetic series: the generating model scores best,
// the correctly specified exponential reaches nominal coverage, combinations are the
// mixtures they claim to be, nothing looks ahead, and widening repairs too narrow intervals.
#include "fit/rolling_origin.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>
#include <vector>

#include "fit/interval_calibration.hpp"
#include "fit/skill_selection.hpp"
#include "support/approx.hpp"

namespace gapsim {
namespace {

std::vector<double> year_range(int first, int count) {
  std::vector<double> years;
  for (int i = 0; i < count; ++i) {
    years.push_back(first + i);
  }
  return years;
}

// Values of `model` at `years` (origin the first year) times lognormal noise; with `persistence`
// > 0 the log noise is AR(1) with that lag-1 coefficient and stationary sd `sd`.
std::vector<double> synthetic_series(TrendModel model, const Eigen::VectorXd& theta, const std::vector<double>& years,
                                     double sd, boost::random::mt19937& generator, double persistence = 0.0) {
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  std::vector<double> values;
  double noise = sd * normal(generator);
  for (double year : years) {
    values.push_back(std::exp(log_curve(model, theta, year - years.front()) + noise));
    noise = persistence * noise + sd * std::sqrt(1.0 - persistence * persistence) * normal(generator);
  }
  return values;
}

// The single model with the lowest mean CRPS among those scored at every slot.
TrendModel best_scoring_model(const RollingEvaluation& evaluation) {
  std::size_t best = evaluation.methods.size();
  for (std::size_t m = 0; m < evaluation.methods.size(); ++m) {
    if (evaluation.methods[m].kind == TrendChoice::Kind::model && evaluation.complete(m) &&
        (best == evaluation.methods.size() || evaluation.overall(m).mean_crps < evaluation.overall(best).mean_crps)) {
      best = m;
    }
  }
  REQUIRE(best < evaluation.methods.size());
  return evaluation.methods[best].model;
}

TEST_CASE("rolling_origin: the generating model has the lowest mean CRPS in most series", "[core][trend]") {
  struct Case {
    TrendModel model;
    std::vector<double> theta;
    double sd;
    int needed;  // wins out of 20 series
  };
  // Exponential: doubling every 1.7 years. Logistic: capacity 60, half of it in 2004, so the
  // first origin's six rows already bend (before that the logistic is not identified, and a
  // model not scored at every origin cannot win).
  const std::vector<Case> cases = {
      {TrendModel::exponential, {std::log(0.5), 0.4}, 0.15, 14},
      {TrendModel::logistic, {std::log(60.0), 0.6, 4.0}, 0.1, 14},
  };
  const std::vector<double> years = year_range(2000, 14);
  for (const Case& c : cases) {
    boost::random::mt19937 generator(7 + static_cast<int>(c.model));
    const Eigen::VectorXd theta = Eigen::Map<const Eigen::VectorXd>(c.theta.data(), c.theta.size());
    int wins = 0;
    for (int series = 0; series < 20; ++series) {
      const RollingEvaluation evaluation =
          evaluate_rolling_origin(years, synthetic_series(c.model, theta, years, c.sd, generator), {});
      wins += best_scoring_model(evaluation) == c.model ? 1 : 0;
    }
    std::cout << trend_model_name(c.model) << " series: the generating model scored best in " << wins << " of 20\n";
    INFO(trend_model_name(c.model) << " wins " << wins);
    CHECK(wins >= c.needed);
  }
}

TEST_CASE("rolling_origin: a correctly specified exponential reaches nominal coverage", "[core][trend]") {
  constexpr int k_series = 1000;
  Eigen::VectorXd theta(2);
  theta << std::log(0.5), 0.4;
  const std::vector<double> years = year_range(2000, 15);
  boost::random::mt19937 generator(20261202);
  RollingOptions options;
  options.models = {TrendModel::exponential};
  std::array<double, 3> inside{};
  int points = 0;
  for (int series = 0; series < k_series; ++series) {
    const RollingEvaluation evaluation = evaluate_rolling_origin(
        years, synthetic_series(TrendModel::exponential, theta, years, 0.25, generator), options);
    REQUIRE(evaluation.methods.size() == 1);
    for (const RollingPoint& point : evaluation.points) {
      for (std::size_t level = 0; level < 3; ++level) {
        inside[level] += point.inside(level) ? 1.0 : 0.0;
      }
      ++points;
    }
  }
  REQUIRE(points == k_series * 35);  // origins 6..14 rows: 5+5+5+5+5+4+3+2+1 held-out years
  for (std::size_t level = 0; level < 3; ++level) {
    const double nominal = k_interval_levels[level];
    const double achieved = inside[level] / points;
    // Points of one series share its noise, so the standard error counts series, not points.
    const double standard_error = std::sqrt(nominal * (1.0 - nominal) / k_series);
    std::cout << "exponential, " << k_series << " series: nominal " << nominal << ", achieved " << achieved
              << " (binomial se per series " << standard_error << ")\n";
    CHECK(std::abs(achieved - nominal) <= 3.0 * standard_error);
  }
}

std::vector<double> nict_years() { return {2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015}; }
std::vector<double> nict_packets() { return {0.31, 0.81, 1.99, 2.29, 3.57, 5.65, 4.54, 7.78, 12.88, 25.66, 54.51}; }

TEST_CASE("rolling_origin: combination quantiles are those of the weighted t mixture", "[core][trend]") {
  const std::vector<TrendFit> fits = fit_all_trends(nict_years(), nict_packets());
  const std::vector<double> crps = {0.2, 0.4, 0.3, 0.5};  // the logistic is unusable: weight 0
  const std::vector<double> weights = skill_weights(fits, crps);
  CHECK(weights[1] == 0.0);
  CHECK_THAT(weights[0] / weights[2], test::within_rounding(0.3 / 0.2));
  const TrendForecast mixture(fits, weights);
  for (double year : {2012.0, 2018.0}) {
    // The mixture CDF at ln x, summed here from each fit's own t distribution.
    const auto cdf = [&](double log_x) {
      double sum = 0.0;
      for (std::size_t i = 0; i < fits.size(); ++i) {
        if (weights[i] > 0.0) {
          const LogPrediction c = log_prediction(fits[i], year);
          sum += weights[i] * boost::math::cdf(boost::math::students_t(c.df), (log_x - c.centre) / c.scale);
        }
      }
      return sum;
    };
    for (double p : {0.025, 0.25, 0.5, 0.9}) {
      double lo = -50.0;
      double hi = 50.0;
      for (int step = 0; step < 200; ++step) {
        const double mid = 0.5 * (lo + hi);
        (cdf(mid) < p ? lo : hi) = mid;
      }
      INFO("year " << year << ", p " << p);
      CHECK_THAT(mixture.quantile(year, p), Catch::Matchers::WithinRel(std::exp(0.5 * (lo + hi)), 1e-12));
    }
  }
}

TEST_CASE("rolling_origin: no forecast uses data after its origin", "[core][trend]") {
  // Every point of the evaluation on 2005-2013 is the same on 2005-2015, whatever the data of
  // 2014-2015, skill weights included (their weights use only targets <= the origin).
  std::vector<double> years = nict_years();
  std::vector<double> values = nict_packets();
  const RollingEvaluation full = evaluate_rolling_origin(years, values, {});
  years.resize(9);
  values.resize(9);
  const RollingEvaluation shorter = evaluate_rolling_origin(years, values, {});
  int compared = 0;
  for (const RollingPoint& point : full.points) {
    if (point.target_year > 2013) {
      continue;
    }
    const auto same = std::find_if(shorter.points.begin(), shorter.points.end(), [&](const RollingPoint& other) {
      return other.method == point.method && other.origin_year == point.origin_year &&
             other.target_year == point.target_year;
    });
    REQUIRE(same != shorter.points.end());
    CHECK(same->crps == point.crps);
    CHECK(same->intervals[2].hi == point.intervals[2].hi);
    ++compared;
  }
  CHECK(compared == static_cast<int>(shorter.points.size()));
  // Skill weights are equal at the first origin (nothing scored yet), so there the two combinations agree.
  const auto method = [&](TrendChoice::Kind kind) {
    return std::find(full.methods.begin(), full.methods.end(), TrendChoice{kind}) - full.methods.begin();
  };
  const std::size_t equal = method(TrendChoice::Kind::equal_weights);
  const std::size_t skill = method(TrendChoice::Kind::skill_weights);
  for (const RollingPoint& a : full.points) {
    for (const RollingPoint& b : full.points) {
      if (a.method == equal && b.method == skill && a.origin_year == 2010 && b.origin_year == 2010 &&
          a.target_year == b.target_year) {
        CHECK(a.crps == b.crps);
      }
    }
  }
}

TEST_CASE("rolling_origin: summaries and the skill choice", "[core][trend]") {
  const RollingEvaluation evaluation = evaluate_rolling_origin(nict_years(), nict_packets(), {});
  REQUIRE(evaluation.methods.size() == 8);
  CHECK(evaluation.slots == 5 + 4 + 3 + 2 + 1);
  const std::size_t exponential = 0;
  CHECK(evaluation.complete(exponential));
  const RollingSummary& all = evaluation.overall(exponential);
  CHECK(all.count == 15);
  double crps = 0.0;
  for (const RollingPoint& point : evaluation.points) {
    if (point.method == exponential) {
      crps += point.crps / 15.0;
    }
  }
  CHECK_THAT(all.mean_crps, test::within_rounding(crps));
  // Widening never narrows: coverage after it is at least that before.
  for (std::size_t level = 0; level < 3; ++level) {
    CHECK(all.calibrated_coverage[level] >= all.coverage[level]);
  }
  // The selection picks the complete method with the lowest mean CRPS.
  const SelectedForecast selected = select_forecast(nict_years(), nict_packets(), {}, Criterion::aicc);
  CHECK(selected.skill_based);
  for (std::size_t m = 0; m < evaluation.methods.size(); ++m) {
    if (evaluation.complete(m)) {
      const auto picked = std::find(evaluation.methods.begin(), evaluation.methods.end(), selected.method);
      CHECK(evaluation.overall(picked - evaluation.methods.begin()).mean_crps <= evaluation.overall(m).mean_crps);
    }
  }
  // Skill weights on the whole series: 1 / mean CRPS of each usable model over all its points.
  const SelectedForecast skill =
      select_forecast(nict_years(), nict_packets(), {TrendChoice::Kind::skill_weights}, Criterion::aicc);
  const std::vector<double>& w = skill.forecast.weights();
  REQUIRE(w[0] > 0.0);
  for (std::size_t model = 1; model < 4; ++model) {
    if (skill.forecast.fits()[model].usable()) {
      CHECK_THAT(w[model] / w[0],
                 test::within_rounding(evaluation.overall(0).mean_crps / evaluation.overall(model).mean_crps));
    }
  }
  // Six rows: nothing to score, auto falls back to the criterion.
  const std::vector<double> years = nict_years();
  const std::vector<double> values = nict_packets();
  const SelectedForecast fallback =
      select_forecast(std::span(years).first(6), std::span(values).first(6), {}, Criterion::aicc);
  CHECK_FALSE(fallback.skill_based);
  CHECK(fallback.method.kind == TrendChoice::Kind::criterion_best);
}

// Rolling evaluations of the exponential alone on seeded exponential series (level 0.5) whose
// log noise (sd 0.3) is AR(1) with lag-1 coefficient 0.8: the residuals look smaller than the
// noise that carries over into the future, so the intervals are too narrow.
class AutocorrelatedSeries {
 public:
  AutocorrelatedSeries(double rate, int years, unsigned seed) : m_years(year_range(2000, years)), m_generator(seed) {
    m_theta << std::log(0.5), rate;
    m_options.models = {TrendModel::exponential};
  }
  RollingEvaluation next() {
    return evaluate_rolling_origin(
        m_years, synthetic_series(TrendModel::exponential, m_theta, m_years, 0.3, m_generator, 0.8), m_options);
  }

 private:
  Eigen::Vector2d m_theta;
  std::vector<double> m_years;
  RollingOptions m_options;
  boost::random::mt19937 m_generator;
};

TEST_CASE("interval_calibration: widening restores coverage of too narrow intervals", "[core][trend]") {
  // Factors from 300 training series' rolling evaluations, per horizon and level, widen the
  // intervals of 300 fresh series.
  AutocorrelatedSeries series_source(0.4, 15, 99);
  std::array<std::array<std::vector<double>, 3>, 5> ratios;  // [horizon - 1][level]
  for (int series = 0; series < 300; ++series) {
    for (const RollingPoint& point : series_source.next().points) {
      for (std::size_t level = 0; level < 3; ++level) {
        ratios[point.horizon - 1][level].push_back(
            interval_excess_ratio(point.median, point.intervals[level], point.observed));
      }
    }
  }
  std::array<std::array<double, 3>, 5> factor{};
  for (int h = 0; h < 5; ++h) {
    for (std::size_t level = 0; level < 3; ++level) {
      factor[h][level] = widening_factor(ratios[h][level], k_interval_levels[level]);
      CHECK(factor[h][level] >= 1.0);
    }
  }
  std::array<double, 3> raw{};
  std::array<double, 3> widened{};
  int points = 0;
  for (int series = 0; series < 300; ++series) {
    for (const RollingPoint& point : series_source.next().points) {
      for (std::size_t level = 0; level < 3; ++level) {
        raw[level] += point.inside(level) ? 1.0 : 0.0;
        const Interval wide = widen_interval(point.median, point.intervals[level], factor[point.horizon - 1][level]);
        widened[level] += wide.lo <= point.observed && point.observed <= wide.hi ? 1.0 : 0.0;
      }
      ++points;
    }
  }
  for (std::size_t level = 0; level < 3; ++level) {
    const double nominal = k_interval_levels[level];
    std::cout << "AR(1) noise, exponential fit: nominal " << nominal << ", achieved " << raw[level] / points
              << " before widening, " << widened[level] / points << " after\n";
    CHECK(raw[level] / points < nominal - 0.05);
    CHECK(std::abs(widened[level] / points - nominal) <= 0.04);
  }
}

TEST_CASE("rolling_origin: widening learnt from earlier origins raises coverage out of sample", "[core][trend]") {
  // The same too narrow intervals on 30 series of 30 years: each point's intervals are
  // widened by the factors of the points of its horizon scored before it.
  AutocorrelatedSeries series_source(0.2, 30, 2026);
  std::array<double, 3> raw{};
  std::array<double, 3> widened{};
  double points = 0.0;
  for (int series = 0; series < 30; ++series) {
    const RollingEvaluation evaluation = series_source.next();
    const RollingSummary& all = evaluation.overall(0);
    for (std::size_t level = 0; level < 3; ++level) {
      raw[level] += all.coverage[level] * all.count;
      widened[level] += all.calibrated_coverage[level] * all.count;
    }
    points += all.count;
  }
  for (std::size_t level = 0; level < 3; ++level) {
    const double nominal = k_interval_levels[level];
    std::cout << "AR(1) noise, 30 series x 30 years: nominal " << nominal << ", achieved " << raw[level] / points
              << " before widening, " << widened[level] / points << " after sequential widening\n";
    CHECK(widened[level] / points >= raw[level] / points + 0.05);
    CHECK(std::abs(widened[level] / points - nominal) < std::abs(raw[level] / points - nominal));
  }
}

TEST_CASE("interval_calibration: excess ratios and factors by hand", "[core][trend]") {
  const Interval interval{1.0, 4.0};  // about the median 2: half-widths ln 2 on both sides
  CHECK_THAT(interval_excess_ratio(2.0, interval, 8.0), test::within_rounding(2.0));
  CHECK_THAT(interval_excess_ratio(2.0, interval, std::sqrt(2.0)), test::within_rounding(0.5));
  CHECK(interval_excess_ratio(2.0, interval, 2.0) == 0.0);
  const std::vector<double> ratios = {0.2, 1.5, 0.9, 3.0, 0.1};
  CHECK(widening_factor(ratios, 0.5) == 1.0);  // 3rd smallest 0.9 < 1: never narrows
  CHECK(widening_factor(ratios, 0.8) == 1.5);  // ceil(4) -> 4th smallest
  CHECK(widening_factor(ratios, 0.95) == 3.0);
  const Interval wide = widen_interval(2.0, interval, 2.0);
  CHECK_THAT(wide.lo, test::within_rounding(0.5));
  CHECK_THAT(wide.hi, test::within_rounding(8.0));
}

TEST_CASE("interval_calibration: one factor for every level, the largest any level needs", "[core][trend]") {
  // Ten points of one method, median 1 and every interval [1/e, e], observed at e^(0.2 i):
  // excess ratios 0.2 .. 2.0. The 95% interval needs the 10th ratio (2.0), the 80% the 8th
  // (1.6), the 50% the 5th (1.0): one factor of 2.0 for all, which keeps them nested.
  RollingEvaluation evaluation;
  evaluation.methods = {TrendChoice{TrendChoice::Kind::model, TrendModel::exponential}};
  for (int i = 1; i <= 10; ++i) {
    RollingPoint point;
    point.median = 1.0;
    point.observed = std::exp(0.2 * i);
    point.intervals.fill({std::exp(-1.0), std::exp(1.0)});
    evaluation.points.push_back(point);
  }
  CHECK_THAT(out_of_sample_widening(evaluation, 0), Catch::Matchers::WithinRel(2.0, 1e-12));
  // Intervals that were wide enough are never narrowed.
  for (RollingPoint& point : evaluation.points) {
    point.observed = std::exp(0.05);
  }
  CHECK(out_of_sample_widening(evaluation, 0) == 1.0);
}

TEST_CASE("trend_forecast: a widened forecast keeps its median and widens every interval by the factor",
          "[core][trend]") {
  const std::vector<double> years = {2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015};
  const std::vector<double> values = {0.31, 0.81, 1.99, 2.29, 3.57, 5.65, 4.54, 7.78, 12.88, 25.66, 54.51};
  const TrendForecast plain = make_forecast(fit_all_trends(years, values),
                                            {TrendChoice::Kind::model, TrendModel::exponential}, Criterion::aicc);
  TrendForecast widened = plain;
  widened.widen(1.7);
  for (const double year : {2016.0, 2020.0, 2030.0}) {
    CHECK(widened.median(year) == plain.median(year));
    for (const double level : k_interval_levels) {
      const Interval expected = widen_interval(plain.median(year), plain.interval(year, level), 1.7);
      CHECK_THAT(widened.interval(year, level).lo, Catch::Matchers::WithinRel(expected.lo, 1e-10));
      CHECK_THAT(widened.interval(year, level).hi, Catch::Matchers::WithinRel(expected.hi, 1e-10));
    }
  }
  // auto on the NICT packets per address widens its pick by the factor it reports.
  const std::vector<double> per_ip = {19066, 17231, 19118, 22710, 36190, 50128, 40654, 53085, 63655, 115323, 213523};
  const SelectedForecast selected = select_forecast(years, per_ip, {TrendChoice::Kind::skill_best}, Criterion::aicc);
  CHECK(selected.widening > 1.0);
  CHECK(selected.forecast.spread() == selected.widening);
}

}  // namespace
}  // namespace gapsim
