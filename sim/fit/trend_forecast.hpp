// Projections from fitted trends: a median path and prediction intervals from one model,
// the model an information criterion picks, or a weighted ensemble of all usable models.
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

// What a projection uses: one named model, the best by the criterion, or all weighted.
struct TrendChoice {
  enum class Kind { model, best, ensemble };
  Kind kind = Kind::best;
  TrendModel model = TrendModel::exponential;  // for Kind::model
};

// "exponential" ... "damped", "auto" or "ensemble".
std::optional<TrendChoice> parse_trend_choice(std::string_view name);

// Akaike-type weights exp(-delta/2) / sum, delta the criterion's distance from the best
// usable fit; 0 for unusable fits.
std::vector<double> criterion_weights(const std::vector<TrendFit>& fits, Criterion criterion);

struct Interval {
  double lo = 0.0;
  double hi = 0.0;
};

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
  // Central interval holding `level` of the predictive probability.
  Interval interval(double year, double level) const;

  const std::vector<TrendFit>& fits() const { return m_fits; }
  // The one fit carrying all the weight, or nullptr for a mixture of several.
  const TrendFit* single_fit() const;
  const std::vector<double>& weights() const { return m_weights; }

 private:
  std::vector<TrendFit> m_fits;
  std::vector<double> m_weights;
};

// The forecast `choice` asks for from `fits` (one per model). Throws TrendFitError when the
// named model, or every model, is unusable.
TrendForecast make_forecast(std::vector<TrendFit> fits, TrendChoice choice, Criterion criterion);

}  // namespace gapsim
