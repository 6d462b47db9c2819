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
  std::vector<double> shares(max_age - min_age + 1, 0.0);
  double total = 0.0;
  for (int age = min_age; age <= max_age; ++age) {
    double p = normal_cdf(age + 0.5, mean, sd) - normal_cdf(age - 0.5, mean, sd);
    shares[age - min_age] = p;
    total += p;
  }
  if (total <= 0.0) {  // the mass lies entirely outside the range: put it at the near edge
    return normal_age_shares(std::clamp(mean, double(min_age), double(max_age)), 0.0, min_age,
                             max_age);
  }
  for (double& share : shares) {
    share /= total;
  }
  return shares;
}

std::vector<double> retirement_hazard(double mean, double sd, int min_age, int max_age) {
  std::vector<double> hazard(max_age - min_age + 1, 0.0);
  for (int age = min_age; age <= max_age; ++age) {
    double remaining = 1.0 - normal_cdf(age - 0.5, mean, sd);
    double retiring = normal_cdf(age + 0.5, mean, sd) - normal_cdf(age - 0.5, mean, sd);
    hazard[age - min_age] = remaining > 1e-15 ? std::min(1.0, retiring / remaining) : 1.0;
  }
  return hazard;
}

}  // namespace gapsim
