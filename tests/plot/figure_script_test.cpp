// The pieces of figures and reports, by hand: script text, quoting, grouped numbers, the
// report's escaping and inline SVG.
#include "plot/figure_script.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "plot/csv_table.hpp"
#include "plot/report_html.hpp"
#include "plot/run_figures.hpp"
#include "plot/section_support.hpp"

namespace gapsim {
namespace {

Figure figure_of(const std::string& name, const std::string& title, const std::string& body) {
  Figure figure;
  figure.name = name;
  figure.title = title;
  figure.body = body;
  return figure;
}

TEST_CASE("figure_script: common settings, a first drawing that groups the y tics, a replot per terminal", "[plot]") {
  const Figure figure = figure_of("fan", "Shortage", "plot \"../bands.csv\" using 1:2 with lines\n");
  const std::string both = figure_script(figure, "scenario baseline, seed 1", {true, true});
  CHECK(both.starts_with("# gapsim figure: Shortage\n# Edit and re-render with: gnuplot fan.gp\n"));
  CHECK(both.find("set title \"Shortage\\nscenario baseline, seed 1\" noenhanced\n") != std::string::npos);
  CHECK(both.find("set linetype 1 lc rgb \"#0072B2\" lw 2\n") != std::string::npos);
  const std::string first =
      "set terminal svg size 960,540 noenhanced font \"DejaVu Sans,12\" background \"white\"\n"
      "set output \"/dev/null\"\nplot \"../bands.csv\" using 1:2 with lines\n"
      "if (GPVAL_Y_MAX >= 1000 || GPVAL_Y_MIN <= -1000) {\n";
  CHECK(both.find(first) != std::string::npos);
  const std::string tail =
      "set terminal svg size 960,540 noenhanced font \"DejaVu Sans,12\" background \"white\"\n"
      "set output \"fan.svg\"\nreplot\n"
      "set terminal pngcairo size 960,540 noenhanced font \"DejaVu Sans,11\" background \"white\"\n"
      "set output \"fan.png\"\nreplot\nset output\n";
  CHECK(both.ends_with(tail));
  const std::string png = figure_script(figure, "s", {false, true});
  CHECK(png.find("svg") == std::string::npos);
  CHECK(png.ends_with("set output \"fan.png\"\nreplot\nset output\n"));

  Figure log_axis = figure;
  log_axis.group_y_tics = false;
  CHECK(figure_script(log_axis, "s", {true, true}).find("GPVAL_Y_MAX") == std::string::npos);
}

TEST_CASE("figure_script: a multiplot draws its panels once per terminal under one title", "[plot]") {
  Figure figure = figure_of("pairs", "Posterior", "plot 1\nplot 2\n");
  figure.layout = "1,2";
  figure.width = 1080;
  figure.height = 1080;
  const std::string script = figure_script(figure, "seed 1", {true, true});
  CHECK(script.find("set title") == std::string::npos);
  CHECK(script.find("set terminal svg size 1080,1080 noenhanced font \"DejaVu Sans,12\" background \"white\"\n"
                    "set output \"pairs.svg\"\nset multiplot layout 1,2 title \"Posterior\\nseed 1\" noenhanced\n"
                    "plot 1\nplot 2\nunset multiplot\n") != std::string::npos);
  CHECK(
      script.ends_with("set output \"pairs.png\"\nset multiplot layout 1,2 title \"Posterior\\nseed 1\" "
                       "noenhanced\nplot 1\nplot 2\nunset multiplot\nset output\n"));
  CHECK(script.find("replot") == std::string::npos);
}

TEST_CASE("plot_lines joins plot elements, one per line", "[plot]") {
  CHECK(plot_lines({}).empty());
  CHECK(plot_lines({"a", "b"}) == "plot a, \\\n     b\n");
}

TEST_CASE("manifest_event_windows: each event's start and end in decimal years, other sections ignored", "[plot]") {
  const std::string manifest =
      "# gapsim manifest\n[event.tokyo_games]\nattack_multiplier = 3  # x\nend = 2021-09-05  # a:12\n"
      "start = 2021-07-23  # a:10\n[programme.riss]\nstart = 2017-01-01\n[event.broken]\nstart = soon\n";
  const auto windows = manifest_event_windows(manifest);
  REQUIRE(windows.size() == 1);
  CHECK(windows[0].name == "tokyo_games");
  CHECK(windows[0].start == Approx(2021 + (6 + 22 / 31.0) / 12).epsilon(1e-12));
  CHECK(windows[0].end == Approx(2021 + (8 + 5 / 31.0) / 12).epsilon(1e-12));
}

TEST_CASE("manifest_command: the recorded command line, shortened for a subtitle", "[plot]") {
  const std::string manifest = "# gapsim manifest\n# command gapsim fit data.csv -o out\n# inputs\n";
  CHECK(manifest_command(manifest) == "gapsim fit data.csv -o out");
  CHECK(manifest_command(manifest, 12) == "gapsim fi...");
  CHECK(manifest_command("# nothing\n").empty());
}

TEST_CASE("gnuplot_string escapes quotes, backslashes and newlines", "[plot]") {
  CHECK(gnuplot_string("a \"b\" c\\d\ne") == "\"a \\\"b\\\" c\\\\d\\ne\"");
}

TEST_CASE("grouped_number: thousands separators, rounding, signs", "[plot]") {
  CHECK(grouped_number(1234567.8) == "1,234,568");
  CHECK(grouped_number(-1234.56, 1) == "-1,234.6");
  CHECK(grouped_number(999) == "999");
  CHECK(grouped_number(100000) == "100,000");
  CHECK(grouped_number(-0.2) == "0");
  CHECK(grouped_number(std::nan("")).empty());
}

TEST_CASE("report_html: escaped text, inline SVG without its prolog, provenance", "[plot]") {
  Report report;
  report.title = "gapsim run: out";
  report.note = "a <note>";
  ReportSection section{"Scenarios", {{"Summary & more", {"scenario", "shortage"}, {{"base<1>", "1,000"}}}}, {}};
  section.figures.push_back(
      {"Shortage", "caption \"x\"", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg a='1'></svg>", ""});
  section.figures.push_back({"Cost", "c", "", "Not rendered."});
  report.sections.push_back(section);
  report.provenance.emplace_back("baseline/manifest", "# program gapsim <x>\n");
  const std::string html = report_html(report);
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
  CHECK(html.find("<p class=\"note\">a &lt;note&gt;</p>") != std::string::npos);
  CHECK(html.find("<caption>Summary &amp; more</caption>") != std::string::npos);
  CHECK(html.find("<td>base&lt;1&gt;</td><td>1,000</td>") != std::string::npos);
  CHECK(html.find("<figure>\n<svg a='1'></svg>\n<figcaption><b>Shortage.</b> caption &quot;x&quot;</figcaption>") !=
        std::string::npos);
  CHECK(html.find("<?xml") == std::string::npos);
  CHECK(html.find("<p class=\"note\">Not rendered.</p>") != std::string::npos);
  CHECK(html.find("<pre># program gapsim &lt;x&gt;\n</pre>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("parse_csv_table: header, rows, columns by name", "[plot]") {
  const CsvTable table = parse_csv_table("year,variable,p50\r\n2013,shortage,80000\n2014,shortage,\n");
  CHECK(table.header == std::vector<std::string>{"year", "variable", "p50"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1] == std::vector<std::string>{"2014", "shortage", ""});
  CHECK(table.column("p50") == 2);
  CHECK(!table.column("p95"));
}

}  // namespace
}  // namespace gapsim
