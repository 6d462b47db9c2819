// Discrete age distributions over single-year age buckets.
#pragma once

#include <span>
#include <vector>

namespace gapsim {

// Share of people at each age min_age..max_age for a normal distribution of ages, each bucket
// a taking the probability of [a - 0.5, a + 0.5), renormalised to the bucket range.
// sd == 0 puts everyone in the bucket a with a - 0.5 < mean <= a + 0.5 (mean rounded half
// down, as retirement_hazard does), clamped to the range.
std::vector<double> normal_age_shares(double mean, double sd, int min_age, int max_age);
// The same into `shares` (one entry per age from min_age), allocating nothing.
void normal_age_shares(double mean, double sd, int min_age, std::span<double> shares);

// Annual retirement hazard at each age: the probability that a person of age a who has not
// retired retires during that year of age, for retirement ages distributed normally and
// rounded to whole years: h(a) = P(R in [a-0.5, a+0.5)) / P(R >= a-0.5). 1 where nobody is left.
std::vector<double> retirement_hazard(double mean, double sd, int min_age, int max_age);
// The same into `hazard` (one entry per age from min_age), allocating nothing.
void retirement_hazard(double mean, double sd, int min_age, std::span<double> hazard);

}  // namespace gapsim
