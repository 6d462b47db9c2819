// Figures and reports end to end: every figure of run and mc is rendered, its SVG is
// well-formed XML with its axis labels and series, its PNG has the stated size and is not
// blank; the report holds every figure inline and loads nothing from outside; a missing
// gnuplot is one message and costs no CSV; a script re-renders its SVG byte for byte; and
// `gapsim plot` draws an edited CSV anew.
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
    CHECK(image.width == 960);
    CHECK(image.height == 540);
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
  CHECK(figures == 2 + 7 * 3);  // two by scenario; supply, cost and programmes per scenario
  const std::string shortage = slurp(dir.path / "figures" / "shortage_by_scenario.svg");
  for (const std::string text : {">Shortage [thousand persons]<", ">baseline (reference)<", ">training_push<",
                                 ">olympics_2021<", ">Shortage by scenario<"}) {
    INFO(text);
    CHECK(shortage.find(text) != std::string::npos);
  }
  CHECK(slurp(dir.path / "figures" / "cost_baseline.svg").find(">Cost [billion yen]<") != std::string::npos);
  CHECK(slurp(dir.path / "figures" / "programmes_baseline.svg").find(">university<") != std::string::npos);
  check_report(dir.path / "report.html", figures);
  const std::string html = slurp(dir.path / "report.html");
  CHECK(html.find("<td>baseline</td><td>191,264</td><td>404,333</td><td>0</td>") != std::string::npos);
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
  CHECK(
      nothing.error.find((dir.path / "baseline").string() +
                         ":0: not an output directory of gapsim run, mc or sensitivity (no summary.csv, study_state or "
                         "tornado.csv)") != std::string::npos);
}

}  // namespace
}  // namespace gapsim
