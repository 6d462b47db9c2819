// Figures and reports end to end: every figure of run, mc, sensitivity, fit, backtest,
// calibrate and sweep is rendered, its SVG is well-formed XML with its axis labels and
// series, its PNG has the stated size and is not blank; the report holds every figure inline
// and loads nothing from outside; a missing gnuplot is one message and costs no CSV; a script
// re-renders its SVG byte for byte; and `gapsim plot` draws an edited CSV anew.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "support/cli_run.hpp"
#include "support/image_checks.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::gapsim;
using test::slurp;
using test::TempDir;

const std::string k_scenarios = GAPSIM_SOURCE_DIR "/scenarios";

// Every file with `extension` under `dir`.
std::vector<fs::path> files_with(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == extension) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Checks every rendered figure under `dir` (with `x_label` on its x axis, when given);
// returns how many there are.
std::size_t check_figures(const fs::path& dir, const std::string& x_label = "Year") {
  const auto scripts = files_with(dir, ".gp");
  for (const fs::path& script : scripts) {
    INFO(script);
    fs::path svg = script;
    svg.replace_extension(".svg");
    fs::path png = script;
    png.replace_extension(".png");
    const std::string text = slurp(svg);
    CHECK(test::xml_problem(text).empty());
    CHECK((x_label.empty() || text.find(">" + x_label + "<") != std::string::npos));
    const test::PngImage image = test::read_png(slurp(png));
    CHECK(image.problem.empty());
    // The size the script states for its PNG: 960 by 540, larger for the panels of a posterior.
    std::smatch size;
    const std::string text_of_script = slurp(script);
    REQUIRE(std::regex_search(text_of_script, size, std::regex("pngcairo size ([0-9]+),([0-9]+)")));
    CHECK(image.width == std::stoi(size[1]));
    CHECK(image.height == std::stoi(size[2]));
    CHECK(image.width >= 960);
    CHECK(image.height >= 540);
    CHECK(image.grey_variance > 50.0);  // a white page with a few lines is far above a blank one's 0
  }
  return scripts.size();
}

// The report's checks: each figure inline, no outside resource.
void check_report(const fs::path& report, std::size_t figures) {
  const std::string html = slurp(report);
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++svgs;
  }
  CHECK(svgs == figures);
  CHECK(html.find("<figcaption>") != std::string::npos);
  CHECK(!std::regex_search(html, std::regex("(src|href)=[\"']?(https?:)?//")));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<h2>Provenance</h2>") != std::string::npos);
}

TEST_CASE("figures: run renders every figure and the report shows them", "[e2e][figures]") {
  TempDir dir("figures_run");
  REQUIRE(gapsim({"run", k_scenarios, "--plots", "-o", dir.path.string()}) == 0);
  const std::size_t figures = check_figures(dir.path / "figures");
  CHECK(figures == 2 + 8 * 3);  // two by scenario; supply, cost and programmes per scenario
  const std::string shortage = slurp(dir.path / "figures" / "shortage_by_scenario.svg");
  for (const std::string text : {">Shortage [thousand persons]<", ">baseline (reference)<", ">training_push<",
                                 ">olympics_2021<", ">Shortage by scenario<"}) {
    INFO(text);
    CHECK(shortage.find(text) != std::string::npos);
  }
  const std::string cost = slurp(dir.path / "figures" / "cost_baseline.svg");
  CHECK(cost.find(">Cost [billion yen]<") != std::string::npos);
  CHECK(cost.find(">10,000<") != std::string::npos);  // tics above a thousand grouped
  // The Games' window shaded in the monthly scenario's figures, and said in the caption.
  const std::string games = slurp(dir.path / "figures" / "supply_demand_olympics_2021.gp");
  CHECK(games.find("set object rect from 2021.559140, graph 0 to 2021.680108, graph 1 behind") != std::string::npos);
  CHECK(slurp(dir.path / "figures" / "supply_demand_baseline.gp").find("set object rect") == std::string::npos);
  CHECK(slurp(dir.path / "figures" / "programmes_baseline.svg").find(">university<") != std::string::npos);
  check_report(dir.path / "report.html", figures);
  const std::string html = slurp(dir.path / "report.html");
  CHECK(html.find("<td>baseline</td><td>191,264</td><td>404,333</td><td>0</td>") != std::string::npos);
  CHECK(html.find("Shaded grey: the window of event tokyo_games (olympics_2021).") != std::string::npos);
}

TEST_CASE("figures: a paired Monte Carlo study renders fans, probabilities and differences", "[e2e][figures]") {
  TempDir dir("figures_mc");
  REQUIRE(gapsim({"mc", k_scenarios + "/baseline.ini", k_scenarios + "/outsourcing_push.ini", "--reference", "baseline",
                  "--thresholds", "0,100000,200000", "--runs", "200", "--quiet", "--plots", "-o", dir.path.string()}) ==
          0);
  const std::size_t figures = check_figures(dir.path);
  CHECK(figures == 6 + 8);  // five fans and the probabilities each; two difference fans
  const std::string fan = slurp(dir.path / "baseline" / "figures" / "fan_shortage.svg");
  for (const std::string text : {">5-95%<", ">25-75%<", ">median<", ">deterministic<", ">scenario baseline, seed 1<"}) {
    INFO(text);
    CHECK(fan.find(text) != std::string::npos);
  }
  CHECK(slurp(dir.path / "baseline" / "figures" / "shortage_probabilities.svg").find(">shortage &lt;= 100,000<") !=
        std::string::npos);
  CHECK(slurp(dir.path / "outsourcing_push" / "figures" / "diff_fan_shortage.svg")
            .find(">Shortage: outsourcing_push minus baseline, run by run<") != std::string::npos);
  check_report(dir.path / "report.html", figures);
}

TEST_CASE("figures: sensitivity renders its tornado and Sobol indices", "[e2e][figures]") {
  TempDir dir("figures_sensitivity");
  REQUIRE(gapsim({"sensitivity", k_scenarios + "/baseline.ini", "--output", "shortage_2030", "--runs", "64", "--quiet",
                  "--plots", "-o", dir.path.string()}) == 0);
  const std::size_t figures = check_figures(dir.path, "");
  CHECK(figures == 2);
  const std::string tornado = slurp(dir.path / "baseline" / "figures" / "tornado.svg");
  for (const std::string text : {">demand.growth (0.0115 to 0.0385)<", ">input at its 5th percentile<",
                                 ">Tornado of shortage_2030: baseline<"}) {
    INFO(text);
    CHECK(tornado.find(text) != std::string::npos);
  }
  const std::string sobol = slurp(dir.path / "baseline" / "figures" / "sobol.svg");
  CHECK(sobol.find(">first order<") != std::string::npos);
  CHECK(sobol.find(">Sobol index<") != std::string::npos);
  check_report(dir.path / "report.html", figures);
  CHECK(slurp(dir.path / "report.html").find("<td>demand.growth</td><td>0.0115</td><td>0.0385</td>") !=
        std::string::npos);
}

const std::string k_darknet = k_scenarios + "/data/nicter_darknet_2005_2015.csv";

// The text of `file`'s SVG holds every one of `texts` (each between > and <).
void check_texts(const fs::path& svg, const std::vector<std::string>& texts) {
  const std::string text = slurp(svg);
  for (const std::string& wanted : texts) {
    INFO(svg.string() + ": " + wanted);
    CHECK(text.find(">" + wanted + "<") != std::string::npos);
  }
}

TEST_CASE(
    "figures: fit and backtest draw observations, each model's median and the intervals; rolling "
    "backtest its scores by horizon",
    "[e2e][figures]") {
  TempDir dir("figures_trend");
  const fs::path fit = dir.path / "fit";
  REQUIRE(gapsim({"fit", k_darknet, "--column", "packets_per_ip", "--until", "2012", "--plots", "-o", fit.string()}) ==
          0);
  CHECK(check_figures(fit) == 1);
  check_texts(fit / "figures" / "trend.svg", {"packets_per_ip (log scale)", "95% interval", "forecast median",
                                              "exponential median", "observed, fitted", "observed, held out"});
  check_report(fit / "report.html", 1);
  // Three held-out years (2013-2015) marked, eight fitted.
  const std::string models = slurp(fit / "fit_models.csv");
  CHECK(models.starts_with("year,packets_per_ip,in_fit,exponential,"));
  CHECK(models.find("\n2012,53085,1,") != std::string::npos);
  CHECK(models.find("\n2013,63655,0,") != std::string::npos);
  CHECK(models.find("\n2016,,,") != std::string::npos);

  const fs::path backtest = dir.path / "backtest";
  REQUIRE(gapsim({"backtest", k_darknet, "--until", "2012", "--plots", "-o", backtest.string()}) == 0);
  CHECK(check_figures(backtest) == 1);
  check_texts(backtest / "figures" / "trend.svg", {"Backtest: packets_billion", "observed, held out"});
  CHECK(slurp(backtest / "report.html").find("<h2>Backtest: backtest</h2>") != std::string::npos);

  const fs::path rolling = dir.path / "rolling";
  REQUIRE(gapsim({"backtest", k_darknet, "--rolling", "--plots", "-o", rolling.string()}) == 0);
  CHECK(check_figures(rolling, "Horizon [years ahead]") == 2);
  check_texts(rolling / "figures" / "rolling_crps.svg",
              {"Mean CRPS [log units]", "exponential (auto's pick)", "gompertz", "skill-weights"});
  check_texts(rolling / "figures" / "rolling_coverage.svg", {"95% interval", "nominal 95%"});
  check_report(rolling / "report.html", 2);
}

TEST_CASE("figures: calibrate draws the targets against the model, and a posterior's marginals, pairs and traces",
          "[e2e][figures]") {
  TempDir dir("figures_calibrate");
  const fs::path fitted = dir.path / "fitted";
  REQUIRE(
      gapsim({"calibrate", k_scenarios + "/baseline.ini", "--targets", k_scenarios + "/data/calibration_targets.csv",
              "--fit", "hiring.delay", "--plots", "-o", fitted.string()}) == 0);
  CHECK(check_figures(fitted, "") == 1);
  check_texts(fitted / "figures" / "calibration_targets.svg", {"2016 shortage", "target", "model after"});
  check_report(fitted / "report.html", 1);

  const fs::path posterior = dir.path / "posterior";
  REQUIRE(gapsim({"calibrate",
                  k_scenarios + "/baseline.ini",
                  "--targets",
                  k_scenarios + "/data/observed_targets.csv",
                  "--posterior",
                  "--fit",
                  "hiring.delay",
                  "--fit",
                  "demand.growth",
                  "--samples",
                  "400",
                  "--burn-in",
                  "100",
                  "--thin",
                  "2",
                  "--chains",
                  "8",
                  "--plots",
                  "-o",
                  posterior.string()}) == 0);
  CHECK(check_figures(posterior, "") == 4);
  check_texts(posterior / "figures" / "posterior_predictive.svg",
              {"2014 qualified", "observed, 90%", "model, 5-95%", "predictive, 5-95%"});
  check_texts(posterior / "figures" / "posterior_marginals.svg", {"hiring.delay", "demand.growth"});
  check_texts(posterior / "figures" / "posterior_pairs.svg", {"hiring.delay", "demand.growth"});
  check_texts(posterior / "figures" / "posterior_traces.svg", {"Iteration", "hiring.delay"});
  // Four of the eight walkers traced, each every 8th row from its own.
  const std::string traces = slurp(posterior / "figures" / "posterior_traces.gp");
  CHECK(traces.find("every 8::3 using") != std::string::npos);
  CHECK(traces.find("every 8::4 using") == std::string::npos);
  const std::string html = slurp(posterior / "report.html");
  check_report(posterior / "report.html", 4);
  CHECK(html.find("<td>hiring.delay</td>") != std::string::npos);
}

TEST_CASE("figures: a sweep of one key draws a line per value; of two, a heat map in 2030", "[e2e][figures]") {
  TempDir dir("figures_sweep");
  REQUIRE(gapsim({"sweep", k_scenarios + "/baseline.ini", "--set", "hiring.delay=2:5:1", "--series",
                  "workforce,shortage", "--quiet", "--plots", "-o", (dir.path / "one").string()}) == 0);
  const fs::path one = dir.path / "one" / "baseline";
  CHECK(check_figures(one) == 1);
  check_texts(one / "figures" / "sweep_shortage.svg", {"shortage [thousand persons]", "hiring.delay"});
  // Four lines, each the shortage rows (every second, after workforce) of its grid point.
  const std::string lines = slurp(one / "figures" / "sweep_shortage.gp");
  CHECK(lines.find("every 2::1::35 using") != std::string::npos);
  CHECK(lines.find("every 2::109::143 using") != std::string::npos);
  check_report(one / "report.html", 1);

  REQUIRE(gapsim({"sweep", k_scenarios + "/baseline.ini", "--set", "hiring.delay=2:5:1", "--set",
                  "demand.growth=0.01:0.04:0.01", "--series", "shortage", "--quiet", "--plots", "-o",
                  (dir.path / "two").string()}) == 0);
  const fs::path two = dir.path / "two" / "baseline";
  CHECK(check_figures(two, "hiring.delay") == 1);
  check_texts(two / "figures" / "sweep_heat_map.svg",
              {"shortage in 2030 over hiring.delay and demand.growth", "demand.growth"});
  const std::string html = slurp(two / "report.html");
  check_report(two / "report.html", 1);
  // The report's table: the 2030 shortage at each of the 16 grid points, in thousands.
  CHECK(html.find("<th>shortage 2030 [thousand persons]</th>") != std::string::npos);
  CHECK(html.find("<td>2</td><td>0.01</td><td>") != std::string::npos);
  CHECK(html.find("<td>5</td><td>0.04</td><td>") != std::string::npos);
}

TEST_CASE("figures: optimize draws the chosen policy's fan and its search, or a Pareto front", "[e2e][figures]") {
  TempDir dir("figures_optimize");
  REQUIRE(gapsim({"optimize", k_scenarios + "/policy_mix.ini", "--minimize", "total_cost", "--subject-to",
                  "shortage@2030 <= 300000 with probability 0.5", "--runs", "200", "--quiet", "--plots", "-o",
                  (dir.path / "one").string()}) == 0);
  const fs::path one = dir.path / "one" / "policy_mix";
  CHECK(check_figures(one, "") == 2);
  check_texts(one / "figures" / "optimum_fan.svg",
              {"Year", "Shortage [thousand persons]", "optimum, median", "as written, 5-95%"});
  check_texts(one / "figures" / "optimisation_trace.svg",
              {"Candidate", "total_cost_mean [billion yen]", "meets the constraints", "does not"});
  check_report(one / "report.html", 2);
  const std::string html = slurp(one / "report.html");
  CHECK(html.find("<td>lever</td><td>outsourcing.share@2030</td>") != std::string::npos);
  CHECK(html.find("<td>constraint</td><td>shortage@2030 &lt;= 300000 with probability 0.5</td>") != std::string::npos);

  REQUIRE(gapsim({"optimize", k_scenarios + "/policy_mix.ini", "--pareto", "total_cost,shortage@2030:p90", "--runs",
                  "50", "--generations", "3", "--population", "8", "--quiet", "--plots", "-o",
                  (dir.path / "front").string()}) == 0);
  const fs::path front = dir.path / "front" / "policy_mix";
  CHECK(check_figures(front, "total_cost_mean [billion yen]") == 1);
  check_texts(front / "figures" / "pareto_front.svg",
              {"shortage@2030_p90 [thousand persons]", "evaluated", "non-dominated"});
  check_report(front / "report.html", 1);
}

// Works in `dir` until it goes out of scope, then back where it was.
struct WorkingDirectory {
  fs::path previous = fs::current_path();
  explicit WorkingDirectory(const fs::path& dir) { fs::current_path(dir); }
  ~WorkingDirectory() { fs::current_path(previous); }
};

TEST_CASE("figures: an output directory named relative to the working directory, as the README's -o output",
          "[e2e][figures]") {
  TempDir dir("figures_relative");
  const WorkingDirectory inside(dir.path);
  REQUIRE(gapsim({"run", k_scenarios + "/baseline.ini", "--plots", "-o", "out"}) == 0);
  REQUIRE(gapsim({"mc", k_scenarios + "/baseline.ini", "--runs", "50", "--quiet", "--plots", "-o", "out/mc"}) == 0);
  CHECK(check_figures("out/figures") == 2 + 3);
  CHECK(check_figures("out/mc") == 6);
  CHECK(files_with(".", ".stderr").empty());  // gnuplot's logs are read and removed
}

TEST_CASE("figures: without gnuplot, one message, every CSV and script, and the report", "[e2e][figures]") {
  TempDir dir("figures_missing");
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", "/nonexistent", 1);
  const test::CommandOutput quiet =
      test::gapsim_output({"run", k_scenarios + "/baseline.ini", "--format", "svg,png", "-o", dir.path.string()});
  const test::CommandOutput asked =
      test::gapsim_output({"run", k_scenarios + "/baseline.ini", "--plots", "-o", (dir.path / "asked").string()});
  ::setenv("PATH", path.c_str(), 1);
  CHECK(quiet.status == 0);
  CHECK(quiet.error ==
        "note: figures not rendered: gnuplot is not on the PATH (Debian package gnuplot-nox); the CSVs, "
        "the figure scripts and " +
            (dir.path / "report.html").string() + " are written\n");
  CHECK(asked.status == 1);
  CHECK(
      asked.error.starts_with("error: figures not rendered: gnuplot is not on the PATH (Debian package gnuplot-nox)"));
  for (const fs::path& out : {dir.path, dir.path / "asked"}) {
    CHECK(fs::exists(out / "summary.csv"));
    CHECK(fs::exists(out / "baseline" / "timeseries.csv"));
    CHECK(fs::exists(out / "figures" / "shortage_by_scenario.gp"));
    CHECK(files_with(out, ".svg").empty());
    CHECK(slurp(out / "report.html").find("Figures not rendered: gnuplot was not found") != std::string::npos);
  }
}

TEST_CASE("figures: a script re-renders its SVG byte for byte, and plot draws an edited CSV", "[e2e][figures]") {
  TempDir dir("figures_rerender");
  REQUIRE(gapsim({"run", k_scenarios + "/baseline.ini", "--plots", "-o", dir.path.string()}) == 0);
  const fs::path figures = dir.path / "figures";
  const std::string written = slurp(figures / "shortage_by_scenario.svg");
  fs::remove(figures / "shortage_by_scenario.svg");
  const std::string command = "cd '" + figures.string() + "' && gnuplot shortage_by_scenario.gp";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(slurp(figures / "shortage_by_scenario.svg") == written);

  // The 2030 shortage halved in the CSV: the re-rendered figure differs, the report follows.
  const fs::path series = dir.path / "baseline" / "timeseries.csv";
  std::string text = slurp(series);
  const std::size_t row = text.rfind("\n2030,");
  REQUIRE(row != std::string::npos);
  text.replace(row + 1, 4, "2031");  // the last point moves to 2031
  std::ofstream(series) << text;
  REQUIRE(gapsim({"plot", dir.path.string()}) == 0);
  CHECK(slurp(figures / "shortage_by_scenario.svg") != written);
  CHECK(test::xml_problem(slurp(figures / "shortage_by_scenario.svg")).empty());

  const test::CommandOutput nothing = test::gapsim_output({"plot", (dir.path / "baseline").string()});
  CHECK(nothing.status == 1);
  CHECK(nothing.error.find(
            (dir.path / "baseline").string() +
            ":0: not an output directory of gapsim run, mc, sensitivity, sweep, fit, backtest, calibrate or "
            "optimize (no summary.csv, study_state, tornado.csv, sweep.csv, fit_models.csv, rolling_summary.csv, "
            "calibration_residuals.csv, posterior_summary.csv or evaluations.csv)") != std::string::npos);
}

}  // namespace
}  // namespace gapsim
