// Quantiles, supports and exact moments of the declarable distributions, through Boost.Math.
#include "stats/distribution.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <stdexcept>

namespace gapsim {
namespace {

const boost::math::normal_distribution<double, DistributionPolicy> k_standard_normal;

// For the beta fallback below: long double inside, where double loses the far tail.
using AccuratePolicy =
    boost::math::policies::policy<boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;

// F(x) and 1 - F(x), taking infinite x as the limit (Boost's lognormal rejects infinity).
template <class Boost>
double cdf_at(const Boost& distribution, double x) {
  if (std::isinf(x)) {
    return x < 0.0 ? 0.0 : 1.0;
  }
  return boost::math::cdf(distribution, x);
}

template <class Boost>
double survival_at(const Boost& distribution, double x) {
  if (std::isinf(x)) {
    return x < 0.0 ? 1.0 : 0.0;
  }
  return boost::math::cdf(boost::math::complement(distribution, x));
}

// F(hi) - F(lo) from whichever side avoids subtracting two numbers close to 1.
double mass_between(double cdf_lo, double survival_lo, double cdf_hi, double survival_hi) {
  if (cdf_hi <= 0.5) {
    return cdf_hi - cdf_lo;
  }
  if (cdf_lo >= 0.5) {
    return survival_lo - survival_hi;
  }
  return 1.0 - cdf_lo - survival_hi;
}

// P(a < Z < b) for a standard normal Z.
double standard_normal_mass(double a, double b) {
  return mass_between(cdf_at(k_standard_normal, a), survival_at(k_standard_normal, a), cdf_at(k_standard_normal, b),
                      survival_at(k_standard_normal, b));
}

// phi(x) and x phi(x) for the standard normal, zero at the infinite bounds (where the
// product would be inf * 0).
double standard_pdf(double x) { return std::isinf(x) ? 0.0 : boost::math::pdf(k_standard_normal, x); }

double x_standard_pdf(double x) { return std::isinf(x) ? 0.0 : x * boost::math::pdf(k_standard_normal, x); }

// The quantile z <= 1/2 of Beta(a, b) with lower tail `lower` and upper tail `upper`, both
// given so that whichever is smaller keeps its full precision. Solves ln(tail) = ln(target) in
// t = ln z, close to linear (slope a) far out, so Newton converges quickly from the tail
// asymptote I_z ~ z^a / (a B(a, b)); a bracket with bisection keeps every step safe.
double beta_small_side_quantile(double a, double b, double lower, double upper) {
  const bool by_lower = lower <= upper;
  const double log_target = std::log(by_lower ? lower : upper);
  const AccuratePolicy policy;
  // Increasing in t either way; its slope is z f(z) / tail.
  const auto excess = [&](double t, double& slope) {
    const double z = std::exp(t);
    const double tail = by_lower ? boost::math::ibeta(a, b, z, policy) : boost::math::ibetac(a, b, z, policy);
    slope = z * boost::math::ibeta_derivative(a, b, z, policy) / tail;
    return by_lower ? std::log(tail) - log_target : log_target - std::log(tail);
  };
  const double log_half = -std::numbers::ln2;
  const double log_beta =
      boost::math::lgamma(a, policy) + boost::math::lgamma(b, policy) - boost::math::lgamma(a + b, policy);
  const double log_lower = by_lower ? log_target : std::log1p(-upper);
  double t = std::min((log_lower + std::log(a) + log_beta) / a, log_half);
  // The asymptote's next term changes z by a factor 1 + (b - 1) z / (a + 1): where that is
  // below rounding the asymptote is the answer (this also covers z underflowing to 0).
  if (std::abs(b - 1.0) * std::exp(t) / (a + 1.0) < 1e-17) {
    return std::exp(t);
  }
  double slope = 0.0;
  double value = excess(t, slope);
  // Widen a bracket [lo, hi] around the root, hi no further than z = 1/2.
  double lo = t;
  double hi = t;
  double unused = 0.0;
  for (double step = 1.0, value_lo = value; value_lo > 0.0; step *= 2.0) {
    lo -= step;
    value_lo = excess(lo, unused);
  }
  for (double step = 0.5, value_hi = value; value_hi < 0.0 && hi < log_half; step *= 2.0) {
    hi = std::min(log_half, hi + step);
    value_hi = excess(hi, unused);
  }
  constexpr double k_epsilon = std::numeric_limits<double>::epsilon();
  for (int iteration = 0; iteration < 200 && value != 0.0; ++iteration) {
    (value < 0.0 ? lo : hi) = t;
    double next = t - value / slope;
    if (!(lo < next && next < hi)) {
      next = 0.5 * (lo + hi);
    }
    const double change = next - t;
    t = next;
    if (std::abs(change) <= 4.0 * k_epsilon * std::max(1.0, std::abs(t))) {
      break;
    }
    value = excess(t, slope);
  }
  return std::exp(t);
}

// The standard beta quantile. Boost 1.74's ibeta_inv fails on some ordinary shapes: it gives
// up (evaluation_error) for beta(0.5, 2) at 1e-16 < p < 1e-10, without long double it now
// and then lands outside [0, 1] and reports a domain_error for its own inner call, and below
// p ~ 1e-200 it can trip an internal assertion. The arguments are valid by construction, so
// those errors can only be its own; they, and the far tail, take the bracketed solve instead,
// for x itself when x <= 1/2 and for 1 - x (a quantile of Beta(b, a)) otherwise, so the
// small side keeps its precision.
double beta_quantile(const boost::math::beta_distribution<double, DistributionPolicy>& distribution, double p) {
  if (p >= 1e-100) {
    try {
      return boost::math::quantile(distribution, p);
    } catch (const boost::math::evaluation_error&) {
      // Fall through to the solve below.
    } catch (const std::domain_error&) {
      // Likewise.
    }
  }
  const double a = distribution.alpha();
  const double b = distribution.beta();
  // Exact when p >= 1/2; when p is small only p itself is used.
  const double q = 1.0 - p;
  // Is x <= 1/2? Compared through the smaller tail, which carries the precision.
  const bool small_x = p <= 0.5 ? p <= boost::math::ibeta(a, b, 0.5, AccuratePolicy())
                                : q >= boost::math::ibetac(a, b, 0.5, AccuratePolicy());
  if (small_x) {
    return beta_small_side_quantile(a, b, p, q);
  }
  return 1.0 - beta_small_side_quantile(b, a, q, p);
}

void append_number(std::string& out, double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace

template <class Boost>
void Distribution::truncate(const Boost& distribution) {
  m_cdf_lower = cdf_at(distribution, m_lower);
  m_survival_upper = survival_at(distribution, m_upper);
  m_mass =
      mass_between(m_cdf_lower, survival_at(distribution, m_lower), cdf_at(distribution, m_upper), m_survival_upper);
  assert(m_mass > 0.0);
}

template <class Boost>
double Distribution::truncated_quantile(const Boost& distribution, double u) const {
  // Map u onto [F(lo), F(hi)]; above the median work with the upper tail probability
  // 1 - p = S(hi) + (1 - u) mass instead, since p itself would round to 1 far out there.
  const double p = m_cdf_lower + u * m_mass;
  const double x =
      p <= 0.5 ? boost::math::quantile(distribution, p)
               : boost::math::quantile(boost::math::complement(distribution, m_survival_upper + (1.0 - u) * m_mass));
  // Rounding may land a hair outside the bounds, or at infinity where p rounds to 0 or 1:
  // only when u * mass underflows, a truncation some 37 sd out with u below ~1e-24.
  return std::clamp(x, m_lower, m_upper);
}

Distribution Distribution::uniform(double min, double max) {
  assert(std::isfinite(min) && std::isfinite(max) && min < max);
  Distribution d(DistributionKind::uniform);
  d.m_parameters = {min, max, 0.0, 0.0};
  d.m_lower = min;
  d.m_upper = max;
  d.m_boost = Uniform(min, max);
  return d;
}

Distribution Distribution::normal(double mean, double sd, double lo, double hi) {
  assert(std::isfinite(mean) && std::isfinite(sd) && sd > 0.0 && lo < hi);
  Distribution d(DistributionKind::normal);
  d.m_parameters = {mean, sd, lo, hi};
  d.m_lower = lo;
  d.m_upper = hi;
  const Normal distribution(mean, sd);
  d.truncate(distribution);
  d.m_boost = distribution;
  return d;
}

Distribution Distribution::lognormal(double mu, double sigma, double lo, double hi) {
  assert(std::isfinite(mu) && std::isfinite(sigma) && sigma > 0.0 && 0.0 <= lo && lo < hi);
  Distribution d(DistributionKind::lognormal);
  d.m_parameters = {mu, sigma, lo, hi};
  d.m_lower = lo;
  d.m_upper = hi;
  const Lognormal distribution(mu, sigma);
  d.truncate(distribution);
  d.m_boost = distribution;
  return d;
}

Distribution Distribution::triangular(double min, double mode, double max) {
  assert(std::isfinite(min) && std::isfinite(max) && min <= mode && mode <= max && min < max);
  Distribution d(DistributionKind::triangular);
  d.m_parameters = {min, mode, max, 0.0};
  d.m_lower = min;
  d.m_upper = max;
  d.m_boost = Triangular(min, mode, max);
  return d;
}

Distribution Distribution::beta(double alpha, double beta, double min, double max) {
  assert(std::isfinite(alpha) && std::isfinite(beta) && alpha > 0.0 && beta > 0.0);
  assert(std::isfinite(min) && std::isfinite(max) && min < max);
  Distribution d(DistributionKind::beta);
  d.m_parameters = {alpha, beta, min, max};
  d.m_lower = min;
  d.m_upper = max;
  d.m_boost = Beta(alpha, beta);
  return d;
}

Distribution Distribution::choice(std::vector<double> values, std::vector<double> weights) {
  assert(!values.empty() && values.size() == weights.size());
  assert(std::all_of(weights.begin(), weights.end(), [](double w) { return w > 0.0; }));
  Distribution d(DistributionKind::choice);
  d.m_cumulative.resize(weights.size());
  std::partial_sum(weights.begin(), weights.end(), d.m_cumulative.begin());
  assert(std::abs(d.m_cumulative.back() - 1.0) <= 1e-9);
  d.m_lower = *std::min_element(values.begin(), values.end());
  d.m_upper = *std::max_element(values.begin(), values.end());
  d.m_values = std::move(values);
  d.m_weights = std::move(weights);
  return d;
}

double Distribution::quantile(double u) const {
  assert(0.0 < u && u < 1.0);
  switch (m_kind) {
    case DistributionKind::uniform: return boost::math::quantile(std::get<Uniform>(m_boost), u);
    case DistributionKind::normal: return truncated_quantile(std::get<Normal>(m_boost), u);
    case DistributionKind::lognormal: return truncated_quantile(std::get<Lognormal>(m_boost), u);
    case DistributionKind::triangular: return boost::math::quantile(std::get<Triangular>(m_boost), u);
    case DistributionKind::beta: {
      const double width = m_parameters[3] - m_parameters[2];
      return std::clamp(m_parameters[2] + width * beta_quantile(std::get<Beta>(m_boost), u), m_lower, m_upper);
    }
    case DistributionKind::choice: {
      // The last value takes whatever u exceeds every earlier running sum, so weights that
      // sum to a hair under 1 never leave u unmatched.
      const auto found = std::lower_bound(m_cumulative.begin(), m_cumulative.end() - 1, u);
      return m_values[static_cast<std::size_t>(found - m_cumulative.begin())];
    }
  }
  return 0.0;
}

double Distribution::log_density(double x) const {
  if (!(m_lower <= x && x <= m_upper)) {
    return -k_infinity;
  }
  switch (m_kind) {
    case DistributionKind::uniform: return -std::log(m_upper - m_lower);
    case DistributionKind::normal: {
      // In closed form rather than log(pdf), which underflows to -inf far in the tails.
      const auto [mean, sd, lo, hi] = m_parameters;
      const double z = (x - mean) / sd;
      return -0.5 * z * z - std::log(sd) - 0.5 * std::log(2.0 * std::numbers::pi) - std::log(m_mass);
    }
    case DistributionKind::lognormal: {
      const auto [mu, sigma, lo, hi] = m_parameters;
      if (x <= 0.0) {
        return -k_infinity;
      }
      const double z = (std::log(x) - mu) / sigma;
      return -0.5 * z * z - std::log(x * sigma) - 0.5 * std::log(2.0 * std::numbers::pi) - std::log(m_mass);
    }
    case DistributionKind::triangular: return std::log(boost::math::pdf(std::get<Triangular>(m_boost), x));
    case DistributionKind::beta: {
      const double width = m_parameters[3] - m_parameters[2];
      return std::log(boost::math::pdf(std::get<Beta>(m_boost), (x - m_parameters[2]) / width)) - std::log(width);
    }
    case DistributionKind::choice: {
      const auto found = std::find(m_values.begin(), m_values.end(), x);
      return found == m_values.end() ? -k_infinity
                                     : std::log(m_weights[static_cast<std::size_t>(found - m_values.begin())]);
    }
  }
  return -k_infinity;
}

double Distribution::mean() const {
  switch (m_kind) {
    case DistributionKind::uniform: return boost::math::mean(std::get<Uniform>(m_boost));
    case DistributionKind::normal: {
      const auto [mean, sd, lo, hi] = m_parameters;
      if (!truncated()) {
        return mean;
      }
      const double a = (lo - mean) / sd;
      const double b = (hi - mean) / sd;
      return mean + sd * (standard_pdf(a) - standard_pdf(b)) / standard_normal_mass(a, b);
    }
    case DistributionKind::lognormal: {
      const auto [mu, sigma, lo, hi] = m_parameters;
      if (!truncated()) {
        return boost::math::mean(std::get<Lognormal>(m_boost));
      }
      // E[X; lo < X < hi] = exp(mu + sigma^2/2) P(a - sigma < Z < b - sigma).
      const double a = (std::log(lo) - mu) / sigma;
      const double b = (std::log(hi) - mu) / sigma;
      return std::exp(mu + 0.5 * sigma * sigma) * standard_normal_mass(a - sigma, b - sigma) /
             standard_normal_mass(a, b);
    }
    case DistributionKind::triangular: return boost::math::mean(std::get<Triangular>(m_boost));
    case DistributionKind::beta:
      return m_parameters[2] + (m_parameters[3] - m_parameters[2]) * boost::math::mean(std::get<Beta>(m_boost));
    case DistributionKind::choice: {
      double sum = 0.0;
      for (std::size_t i = 0; i < m_values.size(); ++i) {
        sum += m_values[i] * m_weights[i];
      }
      return sum;
    }
  }
  return 0.0;
}

double Distribution::variance() const {
  switch (m_kind) {
    case DistributionKind::uniform: return boost::math::variance(std::get<Uniform>(m_boost));
    case DistributionKind::normal: {
      const auto [mean, sd, lo, hi] = m_parameters;
      if (!truncated()) {
        return sd * sd;
      }
      const double a = (lo - mean) / sd;
      const double b = (hi - mean) / sd;
      const double mass = standard_normal_mass(a, b);
      const double shift = (standard_pdf(a) - standard_pdf(b)) / mass;
      return sd * sd * (1.0 + (x_standard_pdf(a) - x_standard_pdf(b)) / mass - shift * shift);
    }
    case DistributionKind::lognormal: {
      const auto [mu, sigma, lo, hi] = m_parameters;
      if (!truncated()) {
        return boost::math::variance(std::get<Lognormal>(m_boost));
      }
      // E[X^2; lo < X < hi] = exp(2 mu + 2 sigma^2) P(a - 2 sigma < Z < b - 2 sigma).
      const double a = (std::log(lo) - mu) / sigma;
      const double b = (std::log(hi) - mu) / sigma;
      const double second = std::exp(2.0 * mu + 2.0 * sigma * sigma) *
                            standard_normal_mass(a - 2.0 * sigma, b - 2.0 * sigma) / standard_normal_mass(a, b);
      const double first = mean();
      return second - first * first;
    }
    case DistributionKind::triangular: return boost::math::variance(std::get<Triangular>(m_boost));
    case DistributionKind::beta: {
      const double width = m_parameters[3] - m_parameters[2];
      return width * width * boost::math::variance(std::get<Beta>(m_boost));
    }
    case DistributionKind::choice: {
      const double centre = mean();
      double sum = 0.0;
      for (std::size_t i = 0; i < m_values.size(); ++i) {
        sum += (m_values[i] - centre) * (m_values[i] - centre) * m_weights[i];
      }
      return sum;
    }
  }
  return 0.0;
}

bool Distribution::truncated() const {
  switch (m_kind) {
    case DistributionKind::normal: return m_parameters[2] != -k_infinity || m_parameters[3] != k_infinity;
    case DistributionKind::lognormal: return m_parameters[2] != 0.0 || m_parameters[3] != k_infinity;
    default: return false;
  }
}

std::string Distribution::text() const {
  const auto call = [](const char* name, std::initializer_list<double> arguments) {
    std::string out = name;
    out += '(';
    bool first = true;
    for (double argument : arguments) {
      if (!first) {
        out += ", ";
      }
      first = false;
      append_number(out, argument);
    }
    out += ')';
    return out;
  };
  const auto& p = m_parameters;
  switch (m_kind) {
    case DistributionKind::uniform: return call("uniform", {p[0], p[1]});
    case DistributionKind::normal:
      return truncated() ? call("normal", {p[0], p[1], p[2], p[3]}) : call("normal", {p[0], p[1]});
    case DistributionKind::lognormal:
      return truncated() ? call("lognormal", {p[0], p[1], p[2], p[3]}) : call("lognormal", {p[0], p[1]});
    case DistributionKind::triangular: return call("triangular", {p[0], p[1], p[2]});
    case DistributionKind::beta:
      return p[2] == 0.0 && p[3] == 1.0 ? call("beta", {p[0], p[1]}) : call("beta", {p[0], p[1], p[2], p[3]});
    case DistributionKind::choice: {
      std::string out = "choice(";
      for (std::size_t i = 0; i < m_values.size(); ++i) {
        if (i > 0) {
          out += ", ";
        }
        append_number(out, m_values[i]);
        out += ':';
        append_number(out, m_weights[i]);
      }
      out += ')';
      return out;
    }
  }
  return "";
}

}  // namespace gapsim
