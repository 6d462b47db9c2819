// `gapsim fit` and `gapsim backtest` end to end on the shipped NICT series.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <vector>

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

// The rows of a CSV text (header first), each split at commas.
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> cells;
    std::istringstream cell_stream(line);
    for (std::string cell; std::getline(cell_stream, cell, ',');) {
      cells.push_back(cell);
    }
    if (!line.empty() && line.back() == ',') {
      cells.emplace_back();
    }
    rows.push_back(cells);
  }
  return rows;
}

// The first row whose leading cells are `key`.
std::vector<std::string> find_row(const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<std::string>& key) {
  for (const auto& row : rows) {
    if (std::equal(key.begin(), key.end(), row.begin(), row.begin() + std::min(key.size(), row.size()))) {
      return row;
    }
  }
  FAIL("no row starting with " << key.front());
  return {};
}

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

TEST_CASE("backtest --rolling: scores every method from every origin on packets per IP", "[e2e][trend]") {
  TempDir out("rolling");
  REQUIRE(gapsim({"backtest", k_nict, "--rolling", "--column", "packets_per_ip", "-o", out.path.string()}) ==
          k_exit_success);
  const auto points = csv_rows(slurp(out.path / "rolling_origin.csv"));
  CHECK(points.front() == std::vector<std::string>{"method", "origin",    "target", "horizon", "observed",
                                                   "median", "log_error", "lo50",   "hi50",    "lo80",
                                                   "hi80",   "lo95",      "hi95",   "in50",    "in80",
                                                   "in95",   "crps",      "is50",   "is80",    "is95"});
  // Origins 2010..2014 (6..10 rows) and the held-out years up to 5 ahead: 5+4+3+2+1 = 15 per
  // method; the logistic and Gompertz never fit (accelerating data), so 6 methods are scored.
  CHECK(points.size() == 1 + 6 * 15);
  // The exponential's forecast of 2011 from 2005-2010 is `gapsim fit --until 2010`'s.
  TempDir fit_out("rolling_fit");
  REQUIRE(gapsim({"fit", k_nict, "--column", "packets_per_ip", "--model", "exponential", "--until", "2010", "--to",
                  "2011", "-o", fit_out.path.string()}) == k_exit_success);
  const auto projection = find_row(csv_rows(slurp(fit_out.path / "fit_projection.csv")), {"2011"});
  const auto point = find_row(points, {"exponential", "2010", "2011"});
  CHECK(point[3] == "1");
  CHECK(point[4] == "40654");
  CHECK(std::stod(point[5]) == Approx(std::stod(projection[2])).epsilon(1e-12));   // median
  CHECK(std::stod(point[11]) == Approx(std::stod(projection[7])).epsilon(1e-12));  // lo95
  CHECK(std::stod(point[12]) == Approx(std::stod(projection[8])).epsilon(1e-12));  // hi95
  CHECK(std::stod(point[6]) == Approx(std::log(std::stod(point[5]) / 40654.0)).epsilon(1e-12));
  CHECK(point[13] == "0");  // 40654 lies below the 50% interval
  CHECK(std::stod(point[16]) > 0.0);

  const auto summary = csv_rows(slurp(out.path / "rolling_summary.csv"));
  CHECK(summary.front().size() == 23);
  CHECK(summary.front()[4] == "mean_crps");
  CHECK(summary.front().back() == "auto");
  CHECK(summary.size() == 1 + 8 * 6);  // 8 methods x (horizons 1-5 + all)
  const auto exponential = find_row(summary, {"exponential", "all"});
  CHECK(exponential[2] == "15");
  CHECK(exponential[3] == "1");
  CHECK(exponential[11] == "0.4");  // coverage50: 6 of 15 held-out years
  // Widening learnt from earlier origins only: the misses of 2014-2015 come after hits, so
  // it adds none at 50%; the factor from all horizon-1 points widens.
  CHECK(exponential[13] == "0.4");
  CHECK(exponential[12].empty());  // no single factor for all horizons
  CHECK(std::stod(find_row(summary, {"exponential", "1"})[12]) > 1.0);
  CHECK(exponential[19] == "0.8");  // coverage95
  CHECK(find_row(summary, {"logistic", "all"})[2] == "0");
  CHECK(find_row(summary, {"ensemble", "all"}).back() == "1");  // the lowest mean CRPS: auto's pick
  CHECK(find_row(summary, {"exponential", "all"}).back() == "0");
  CHECK(slurp(out.path / "manifest").find("# command gapsim backtest " + k_nict + " --rolling") != std::string::npos);
}

TEST_CASE("fit: bad arguments and data", "[e2e][trend][errors]") {
  TempDir out("fit_errors");
  CHECK(gapsim({"fit", k_nict, "--model", "cubic", "-o", out.path.string()}) == k_exit_usage);
  CHECK(gapsim({"fit", k_nict, "--criterion", "dic", "-o", out.path.string()}) == k_exit_usage);
  CHECK(gapsim({"fit", k_nict, "--column", "packets", "-o", out.path.string()}) == k_exit_failure);
  CHECK(gapsim({"fit", k_nict, "--model", "logistic", "-o", out.path.string()}) == k_exit_failure);
  CHECK(gapsim({"backtest", k_nict, "-o", out.path.string()}) == k_exit_usage);  // --until or --rolling
  CHECK(gapsim({"backtest", k_nict, "--rolling", "--until", "2010", "-o", out.path.string()}) == k_exit_usage);
  CHECK(gapsim({"backtest", k_nict, "--rolling", "--horizons", "0", "-o", out.path.string()}) == k_exit_usage);
  CHECK(gapsim({"backtest", k_nict, "--until", "2015", "-o", out.path.string()}) == k_exit_failure);
  CHECK(fs::is_empty(out.path));  // nothing written by a failure
}

}  // namespace
}  // namespace gapsim
