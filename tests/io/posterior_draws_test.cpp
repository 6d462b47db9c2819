// Reading posterior.csv back: the keys between the fixed columns, the values, the errors.
#include "io/posterior_draws.hpp"

#include <catch2/catch.hpp>

#include "io/input_error.hpp"

namespace gapsim {
namespace {

TEST_CASE("posterior_draws: the keys between the fixed columns and one row per draw", "[io][posterior]") {
  const PosteriorDraws draws = read_posterior_draws(
      "draw,walker,iteration,hiring.delay,outsourcing.share@2030,log_prior,log_likelihood\n"
      "0,0,0,3.5,0.25,-1.5,-2\n"
      "1,1,0,2.75,0.125,-1,-3\r\n"
      "\n",
      "p.csv");
  REQUIRE(draws.keys == std::vector<std::string>{"hiring.delay", "outsourcing.share@2030"});
  REQUIRE(draws.draws() == 2);
  CHECK(draws.value(0, 0) == 3.5);
  CHECK(draws.value(0, 1) == 0.25);
  CHECK(draws.value(1, 0) == 2.75);
  CHECK(draws.value(1, 1) == 0.125);
  CHECK(draws.lines == std::vector<int>{2, 3});
}

TEST_CASE("posterior_draws: each problem names file, line and column", "[io][posterior]") {
  const std::string header = "draw,walker,iteration,hiring.delay,log_prior,log_likelihood\n";
  CHECK_THROWS_WITH(read_posterior_draws("", "p.csv"), "p.csv:1: header: empty file: not a posterior");
  CHECK_THROWS_WITH(read_posterior_draws("year,variable,value\n1,2,3\n", "p.csv"),
                    "p.csv:1: header: not a posterior: expected draw,walker,iteration, then the keys, then "
                    "log_prior,log_likelihood");
  CHECK_THROWS_WITH(read_posterior_draws("draw,walker,iteration,log_prior,log_likelihood\n0,0,0,1,2\n", "p.csv"),
                    "p.csv:1: header: not a posterior: expected draw,walker,iteration, then the keys, then "
                    "log_prior,log_likelihood");
  CHECK_THROWS_WITH(read_posterior_draws("draw,walker,iteration,a,a,log_prior,log_likelihood\n", "p.csv"),
                    "p.csv:1: a: named twice in the header");
  CHECK_THROWS_WITH(read_posterior_draws(header, "p.csv"), "p.csv:2: draw: the posterior holds no draws");
  CHECK_THROWS_WITH(read_posterior_draws(header + "0,0,0,3\n", "p.csv"),
                    "p.csv:2: row: 4 cells where the header has 6");
  CHECK_THROWS_WITH(read_posterior_draws(header + "0,0,0,3,1,2\n1,0,1,x,1,2\n", "p.csv"),
                    "p.csv:3: hiring.delay: not a finite number");
  CHECK_THROWS_WITH(read_posterior_draws(header + "0,0,0,inf,1,2\n", "p.csv"),
                    "p.csv:2: hiring.delay: not a finite number");
}

}  // namespace
}  // namespace gapsim
