// `gapsim fit` and `gapsim backtest` end to end on the shipped NICT series.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli/app.hpp"
#include "support/cli_run.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::gapsim;
using test::slurp;
using test::TempDir;

const std::string k_nict = GAPSIM_SOURCE_DIR "/scenarios/data/nicter_darknet_2005_2015.csv";
const fs::path k_golden = fs::path(GAPSIM_SOURCE_DIR) / "tests" / "golden" / "backtest_2010";

std::size_t line_count(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

TEST_CASE("backtest: fit to 2010, project 2011-2015, matches the golden files", "[e2e][golden][trend]") {
  // Regenerate after an intended change with:
  //   gapsim backtest scenarios/data/nicter_darknet_2005_2015.csv --until 2010 -o tests/golden/backtest_2010
  TempDir out("backtest");
  REQUIRE(gapsim({"backtest", k_nict, "--until", "2010", "-o", out.path.string()}) == k_exit_success);
  for (const char* name : {"backtest.csv", "backtest_summary.csv", "fit_parameters.csv"}) {
    test::check_csv_matches(out.path / name, k_golden / name);
  }
  const std::string manifest = slurp(out.path / "manifest");
  CHECK(manifest.find("# command gapsim backtest " + k_nict + " --until 2010 -o ") != std::string::npos);
  CHECK(manifest.find("# sha256 ") != std::string::npos);
}

TEST_CASE("fit: writes parameters, projection with intervals, residuals and a manifest", "[e2e][trend]") {
  TempDir out("fit");
  REQUIRE(gapsim({"fit", k_nict, "--column", "packets_per_ip", "--model", "ensemble", "--until", "2013", "--to", "2025",
                  "-o", out.path.string()}) == k_exit_success);
  const std::string parameters = slurp(out.path / "fit_parameters.csv");
  CHECK(
      parameters.starts_with("model,status,weight,points,origin,level,level_se,capacity,capacity_se,rate,rate_se,"
                             "midpoint,midpoint_se,damping,damping_se,sigma,log_likelihood,aic,aicc,bic,"
                             "r_squared,durbin_watson,residual_lag1\nexponential,ok,"));
  CHECK(line_count(parameters) == 5);
  const std::string projection = slurp(out.path / "fit_projection.csv");
  CHECK(projection.starts_with("year,observed,fitted,lo50,hi50,lo80,hi80,lo95,hi95\n2005,19066,"));
  CHECK(line_count(projection) == 1 + 21);                        // 2005..2025
  CHECK(projection.find("\n2015,213523,") != std::string::npos);  // held out but observed
  CHECK(projection.find("\n2016,,") != std::string::npos);        // no data
  CHECK(slurp(out.path / "fit_residuals.csv").starts_with("model,year,observed,fitted,residual,standardized\n"));
  CHECK(slurp(out.path / "manifest").find("# command gapsim fit ") != std::string::npos);
}

TEST_CASE("fit: bad arguments and data", "[e2e][trend][errors]") {
  TempDir out("fit_errors");
  CHECK(gapsim({"fit", k_nict, "--model", "cubic", "-o", out.path.string()}) == k_exit_usage);
  CHECK(gapsim({"fit", k_nict, "--criterion", "dic", "-o", out.path.string()}) == k_exit_usage);
  CHECK(gapsim({"fit", k_nict, "--column", "packets", "-o", out.path.string()}) == k_exit_failure);
  CHECK(gapsim({"fit", k_nict, "--model", "logistic", "-o", out.path.string()}) == k_exit_failure);
  CHECK(gapsim({"backtest", k_nict, "-o", out.path.string()}) == k_exit_usage);  // --until is required
  CHECK(gapsim({"backtest", k_nict, "--until", "2015", "-o", out.path.string()}) == k_exit_failure);
  CHECK(fs::is_empty(out.path));  // nothing written by a failure
}

}  // namespace
}  // namespace gapsim
