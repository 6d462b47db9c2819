// Projections from fitted trends: a median path and prediction intervals from one model,
// the model an information criterion picks, or a weighted mixture of all usable models.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "fit/trend_fit.hpp"

namespace gapsim {

// The interval levels every projection reports.
inline constexpr std::array k_interval_levels = {0.50, 0.80, 0.95};

enum class Criterion { aic, aicc, bic };

std::string_view criterion_name(Criterion criterion);
std::optional<Criterion> parse_criterion(std::string_view name);

// What a projection uses: one named model, the best by an information criterion, a mixture
// of all usable models (criterion, equal or skill weights), or the model or mixture with
// the best out-of-sample skill (fit/skill_selection.hpp serves the last two).
struct TrendChoice {
  enum class Kind { model, criterion_best, ensemble, equal_weights, skill_weights, skill_best };
  Kind kind = Kind::skill_best;
  TrendModel model = TrendModel::exponential;  // for Kind::model
  bool operator==(const TrendChoice&) const = default;
};

// The names parse_trend_choice accepts, '|'-separated: the four models, "auto" (skill_best),
// "criterion-best", "ensemble" (criterion weights), "equal-weights", "skill-weights".
inline constexpr std::string_view k_trend_choice_names =
    "exponential|logistic|gompertz|damped|auto|criterion-best|ensemble|equal-weights|skill-weights";

std::optional<TrendChoice> parse_trend_choice(std::string_view name);
std::string_view trend_choice_name(TrendChoice choice);

// Akaike-type weights exp(-delta/2) / sum, delta the criterion's distance from the best
// usable fit; 0 for unusable fits.
std::vector<double> criterion_weights(const std::vector<TrendFit>& fits, Criterion criterion);

// 1 / (number of usable fits) for each usable fit, 0 for the others.
std::vector<double> equal_weights(const std::vector<TrendFit>& fits);

struct Interval {
  double lo = 0.0;
  double hi = 0.0;
};

// One fit's predictive distribution of ln(value) in a year: centre + scale * T, T Student t
// with df = n - p degrees of freedom; centre the fitted log-curve, scale
// sqrt(sigma^2 + grad' Cov grad).
struct LogPrediction {
  double centre = 0.0;
  double scale = 0.0;
  double df = 1.0;
};

LogPrediction log_prediction(const TrendFit& fit, double year);

// The predictive distribution of the value in a year: a mixture (weights summing to 1) of
// each fit's log-scale Student t, centred on the fitted log-curve with scale
// sqrt(sigma^2 + grad' Cov grad), so it widens with the horizon through the parameter
// covariance. A single fit is a mixture of one.
class TrendForecast {
 public:
  // REQUIRES: fits.size() == weights.size(); weights >= 0 summing to 1, zero for unusable fits.
  TrendForecast(std::vector<TrendFit> fits, std::vector<double> weights);

  double quantile(double year, double probability) const;
  double median(double year) const { return quantile(year, 0.5); }
  // Predictive probability that the value in `year` is at most `value` (> 0).
  double cdf(double year, double value) const;
  // Central interval holding `level` of the predictive probability.
  Interval interval(double year, double level) const;

  const std::vector<TrendFit>& fits() const { return m_fits; }
  // The one fit carrying all the weight, or nullptr for a mixture of several.
  const TrendFit* single_fit() const;
  const std::vector<double>& weights() const { return m_weights; }

  // Widens every member's predictive scale by `factor` (>= 1) about its centre, so every
  // interval of a single fit widens by that factor on the log scale (and of a mixture whose
  // members share a centre); the median stays. For intervals that were too narrow out of
  // sample (fit/skill_selection.hpp).
  void widen(double factor) { m_spread *= factor; }
  double spread() const { return m_spread; }
  // The member's predictive distribution in `year`, with the spread applied.
  LogPrediction member_prediction(std::size_t member, double year) const;

 private:
  std::vector<TrendFit> m_fits;
  std::vector<double> m_weights;
  double m_spread = 1.0;
};

// The forecast `choice` asks for from `fits` (one per model). Throws TrendFitError when the
// named model, or every model, is unusable. REQUIRES: a choice that needs no out-of-sample
// skill (not skill_weights or skill_best; those need the series: select_forecast).
TrendForecast make_forecast(std::vector<TrendFit> fits, TrendChoice choice, Criterion criterion);

}  // namespace gapsim
