// The Student t distribution of the predictive distributions and their scores, in double
// precision throughout: Boost's default policy promotes doubles to long double, which costs
// several times as much (mixture quantiles and CRPS integrals evaluate it thousands of times
// per forecast) and changes results only in the last bits.
#pragma once

#include <boost/math/distributions/students_t.hpp>

namespace gapsim {

using StudentT =
    boost::math::students_t_distribution<double,
                                         boost::math::policies::policy<boost::math::policies::promote_double<false>>>;

}  // namespace gapsim
