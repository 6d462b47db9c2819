// Discretised age distributions.
#include "model/age_profile.hpp"

#include <algorithm>
#include <cmath>

namespace gapsim {
namespace {

// Normal CDF; a zero sd is a step at the mean.
double normal_cdf(double x, double mean, double sd) {
  if (sd == 0.0) {
    return x >= mean ? 1.0 : 0.0;
  }
  return 0.5 * std::erfc(-(x - mean) / (sd * std::sqrt(2.0)));
}

}  // namespace

std::vector<double> normal_age_shares(double mean, double sd, int min_age, int max_age) {
  std::vector<double> shares(static_cast<std::size_t>(max_age - min_age + 1));
  normal_age_shares(mean, sd, min_age, shares);
  return shares;
}

void normal_age_shares(double mean, double sd, int min_age, std::span<double> shares) {
  const int max_age = min_age + static_cast<int>(shares.size()) - 1;
  double total = 0.0;
  double below = normal_cdf(min_age - 0.5, mean, sd);  // each boundary's CDF once, as below
  for (int age = min_age; age <= max_age; ++age) {
    const double above = normal_cdf(age + 0.5, mean, sd);
    const double p = above - below;
    shares[static_cast<std::size_t>(age - min_age)] = p;
    total += p;
    below = above;
  }
  if (total <= 0.0) {  // the mass lies entirely outside the range: put it at the near edge
    normal_age_shares(std::clamp(mean, double(min_age), double(max_age)), 0.0, min_age, shares);
    return;
  }
  for (double& share : shares) {
    share /= total;
  }
}

std::vector<double> retirement_hazard(double mean, double sd, int min_age, int max_age) {
  std::vector<double> hazard(static_cast<std::size_t>(max_age - min_age + 1));
  retirement_hazard(mean, sd, min_age, hazard);
  return hazard;
}

void retirement_hazard(double mean, double sd, int min_age, std::span<double> hazard) {
  // Each bucket boundary's CDF is computed once and used by the buckets on both sides (the
  // same values as computing it twice; a Monte Carlo run varying the retirement age does this).
  double below = normal_cdf(min_age - 0.5, mean, sd);  // P(R < a - 0.5)
  for (std::size_t i = 0; i < hazard.size(); ++i) {
    const int age = min_age + static_cast<int>(i);
    const double above = normal_cdf(age + 0.5, mean, sd);
    const double remaining = 1.0 - below;
    const double retiring = above - below;
    hazard[i] = remaining > 1e-15 ? std::min(1.0, retiring / remaining) : 1.0;
    below = above;
  }
}

}  // namespace gapsim
