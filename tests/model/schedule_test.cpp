// Piecewise-linear schedules and the age distributions.
#include "model/schedule.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "model/age_profile.hpp"
#include "model/attack_trend.hpp"

namespace gapsim {

TEST_CASE("schedule: linear between points, flat outside", "[core][schedule]") {
  const Schedule s({{2014.0, 1000.0}, {2018.0, 3000.0}, {2020.0, 5000.0}});
  CHECK(s.at(2000.0) == 1000.0);
  CHECK(s.at(2014.0) == 1000.0);
  CHECK(s.at(2016.0) == 2000.0);
  CHECK(s.at(2019.0) == 4000.0);
  CHECK(s.at(2030.0) == 5000.0);
  CHECK(Schedule::constant(7.0).at(1234.5) == 7.0);
}

TEST_CASE("attack trends: growth and series with growth after the data", "[core][attack]") {
  CHECK(GrowthTrend(10.0, 2013.0, 0.5).volume(2015.0) == Approx(22.5).epsilon(1e-14));
  const SeriesTrend series({{2013.0, 10.0}, {2015.0, 30.0}}, 0.1);
  CHECK(series.volume(2012.0) == 10.0);
  CHECK(series.volume(2014.0) == 20.0);
  CHECK(series.volume(2017.0) == Approx(36.3).epsilon(1e-14));
}

TEST_CASE("age_profile: normal shares and retirement hazard", "[core][age]") {
  const auto shares = normal_age_shares(40.0, 10.0, 18, 70);
  CHECK(std::accumulate(shares.begin(), shares.end(), 0.0) == Approx(1.0).epsilon(1e-14));
  CHECK(shares[40 - 18] > shares[30 - 18]);
  CHECK(shares[30 - 18] == Approx(shares[50 - 18]).epsilon(1e-12));
  const auto exact = normal_age_shares(33.4, 0.0, 18, 70);
  CHECK(exact[33 - 18] == 1.0);
  // With no spread, age shares and retirement agree on rounding half down.
  CHECK(normal_age_shares(62.5, 0.0, 18, 70)[62 - 18] == 1.0);
  CHECK(retirement_hazard(62.5, 0.0, 18, 70)[62 - 18] == 1.0);
  CHECK(retirement_hazard(62.5, 0.0, 18, 70)[61 - 18] == 0.0);
  CHECK(normal_age_shares(90.0, 0.0, 18, 70)[70 - 18] == 1.0);

  const auto hard = retirement_hazard(65.0, 0.0, 18, 70);
  CHECK(hard[64 - 18] == 0.0);
  CHECK(hard[65 - 18] == 1.0);
  const auto soft = retirement_hazard(62.0, 2.0, 18, 70);
  // The product of (1 - h) from the youngest age is the share still working: P(R >= 66.5).
  double surviving = 1.0;
  for (int age = 18; age <= 66; ++age) {
    surviving *= 1.0 - soft[age - 18];
  }
  CHECK(surviving == Approx(0.5 * std::erfc((66.5 - 62.0) / (2.0 * std::sqrt(2.0)))).epsilon(1e-12));
}

}  // namespace gapsim
