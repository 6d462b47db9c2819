// The probability distributions an analyst declares for uncertain scenario inputs, each
// sampled through its quantile function so every sampler (random, Latin hypercube, Sobol)
// shares one path from a point u in (0,1) to a value.
#pragma once

#include <array>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <boost/math/policies/policy.hpp>

namespace gapsim {

enum class DistributionKind { uniform, normal, lognormal, triangular, beta, choice };

// How Boost.Math is asked for quantiles. Its default throws overflow_error when a quantile
// reaches p = 0 or 1 (a truncated tail can round to that even for u inside (0,1)); ignoring
// it returns +-infinity, the exact limit, which quantile() then clamps to the support. Domain
// and evaluation errors keep throwing: they mean a broken precondition, better loud than
// silently wrong (the one exception, Boost's own beta inverse failing on valid arguments, is
// caught and solved another way in distribution.cpp). Doubles are not promoted to long
// double internally: that halves the time of a normal quantile and cuts a beta one about
// fivefold, for a few ulps of accuracy.
using DistributionPolicy =
    boost::math::policies::policy<boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
                                  boost::math::policies::promote_double<false>>;

class Distribution {
 public:
  static constexpr double k_infinity = std::numeric_limits<double>::infinity();

  // REQUIRES: min < max, both finite.
  static Distribution uniform(double min, double max);
  // Optionally truncated to [lo, hi] (either may be infinite).
  // REQUIRES: sd > 0; lo < hi; [lo, hi] holds a probability representable as a double.
  static Distribution normal(double mean, double sd, double lo = -k_infinity, double hi = k_infinity);
  // mu and sigma of ln X; truncated as for normal.
  // REQUIRES: sigma > 0; 0 <= lo < hi; [lo, hi] holds a representable probability.
  static Distribution lognormal(double mu, double sigma, double lo = 0.0, double hi = k_infinity);
  // REQUIRES: min <= mode <= max, min < max, all finite.
  static Distribution triangular(double min, double mode, double max);
  // Beta(alpha, beta) scaled from [0, 1] to [min, max].
  // REQUIRES: alpha > 0, beta > 0, min < max, all finite.
  static Distribution beta(double alpha, double beta, double min = 0.0, double max = 1.0);
  // A discrete choice among `values` (kept in the order given).
  // REQUIRES: values.size() == weights.size() >= 1; weights > 0 summing to 1 within 1e-9.
  static Distribution choice(std::vector<double> values, std::vector<double> weights);

  DistributionKind kind() const { return m_kind; }
  // The values of a choice, as declared (empty for the other kinds).
  const std::vector<double>& choice_values() const { return m_values; }

  // The value at cumulative probability u; for a choice, the first value whose cumulative
  // weight is >= u. REQUIRES: 0 < u < 1.
  double quantile(double u) const;
  double median() const { return quantile(0.5); }

  // Smallest and largest value it can produce (the support after truncation; may be infinite).
  double lower() const { return m_lower; }
  double upper() const { return m_upper; }

  // Log of the density at x (of the truncated distribution where truncated: the density over
  // the window's mass); for a choice, the log of x's weight. -infinity outside the support or
  // for a value a choice does not hold. The log prior of a posterior draw.
  double log_density(double x) const;

  // Exact moments (of the truncated distribution where truncated).
  double mean() const;
  double variance() const;

  // The canonical declaration, e.g. "normal(0.1, 0.02)", "normal(0.1, 0.02, 0, inf)",
  // "choice(1:0.25, 2:0.75)"; numbers in shortest round-trip form, default bounds omitted.
  std::string text() const;

 private:
  using Uniform = boost::math::uniform_distribution<double, DistributionPolicy>;
  using Normal = boost::math::normal_distribution<double, DistributionPolicy>;
  using Lognormal = boost::math::lognormal_distribution<double, DistributionPolicy>;
  using Triangular = boost::math::triangular_distribution<double, DistributionPolicy>;
  using Beta = boost::math::beta_distribution<double, DistributionPolicy>;

  explicit Distribution(DistributionKind kind) : m_kind(kind) {}

  // Precomputes the truncation constants for [m_lower, m_upper].
  template <class Boost>
  void truncate(const Boost& distribution);
  template <class Boost>
  double truncated_quantile(const Boost& distribution, double u) const;
  bool truncated() const;

  DistributionKind m_kind;
  // The declared parameters in declaration order (unused slots zero).
  std::array<double, 4> m_parameters{};
  double m_lower = 0.0;
  double m_upper = 0.0;
  // For normal and lognormal: F(lower), 1 - F(upper) and F(upper) - F(lower), each computed
  // without cancellation, so a far tail keeps full relative precision.
  double m_cdf_lower = 0.0;
  double m_survival_upper = 0.0;
  double m_mass = 1.0;
  std::variant<std::monostate, Uniform, Normal, Lognormal, Triangular, Beta> m_boost;
  // For choice: the values and weights as declared (the weights kept so text() prints them
  // exactly) and the running sums of weight that quantile searches.
  std::vector<double> m_values;
  std::vector<double> m_weights;
  std::vector<double> m_cumulative;
};

}  // namespace gapsim
