// Figures and reports of output directories.
#include "plot/plot_directory.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "io/atomic_file.hpp"
#include "io/input_error.hpp"
#include "io/markup_escape.hpp"
#include "io/scenario_loader.hpp"
#include "plot/calibration_section.hpp"
#include "plot/csv_table.hpp"
#include "plot/gnuplot_runner.hpp"
#include "plot/optimisation_section.hpp"
#include "plot/report_html.hpp"
#include "plot/run_figures.hpp"
#include "plot/section_support.hpp"
#include "plot/sensitivity_figures.hpp"
#include "plot/study_figures.hpp"
#include "plot/sweep_section.hpp"
#include "plot/trend_section.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;

void write_scripts(const FigureSet& set, FigureFormats formats) {
  fs::create_directories(set.dir);
  for (const Figure& figure : set.figures) {
    write_file_atomically((set.dir / (figure.name + ".gp")).string(), figure_script(figure, set.subtitle, formats));
  }
}

std::vector<ReportFigure> report_figures(const FigureSet& set, const PlotRequest& request, const fs::path& top) {
  std::vector<ReportFigure> out;
  for (const Figure& figure : set.figures) {
    ReportFigure shown{figure.title, figure.caption, "", ""};
    const fs::path svg = set.dir / (figure.name + ".svg");
    if (request.gnuplot && request.formats.svg && fs::exists(svg)) {
      shown.svg = read_or_empty(svg);
    } else {
      const fs::path png = fs::relative(set.dir / (figure.name + ".png"), top);
      shown.fallback = request.gnuplot && request.formats.png
                           ? "<img alt=\"" + markup_escaped(figure.title) + "\" src=\"" + markup_escaped(png.string()) +
                                 "\" style=\"width:100%\">"
                           : "Not rendered: render " + markup_escaped(fs::relative(set.dir, top).string()) + "/" +
                                 markup_escaped(figure.name) + ".gp with gnuplot.";
    }
    out.push_back(std::move(shown));
  }
  return out;
}

// A run directory: the summary table and the run figures.
ReportSection run_section(const fs::path& dir, const PlotRequest& request, FigureSet& set) {
  const CsvTable summary = read_table(dir / "summary.csv");
  std::vector<RunScenario> scenarios;
  ReportTable table{
      "Summary by scenario: persons (FTE) at 1 January, cost in billion yen; 'vs ref' is the "
      "difference from the reference " +
          (request.reference.empty() ? std::string("(none)") : request.reference),
      {"scenario", "shortage 2020", "shortage 2030", "vs ref 2030", "peak shortage", "total cost", "vs ref cost"},
      {}};
  for (const auto& row : summary.rows) {
    RunScenario scenario;
    scenario.name = row.at(0);
    const CsvTable series = read_table(dir / scenario.name / "timeseries.csv");
    scenario.monthly = series.column("month").has_value();
    scenario.columns = series.header;
    scenario.programmes = read_table(dir / scenario.name / "programmes.csv").first_step_values("programme");
    scenario.events = manifest_event_windows(read_or_empty(dir / scenario.name / "manifest"));
    scenarios.push_back(scenario);
    table.rows.push_back({scenario.name, grouped_number(number_in(summary, row, "shortage_2020")),
                          grouped_number(number_in(summary, row, "shortage_2030")),
                          grouped_number(number_in(summary, row, "diff_shortage_2030")),
                          grouped_number(number_in(summary, row, "peak_shortage")),
                          grouped_number(number_in(summary, row, "total_cost") / 1e9, 1),
                          grouped_number(number_in(summary, row, "diff_total_cost") / 1e9, 1)});
  }
  set.dir = dir / "figures";
  set.subtitle = request.subtitle;
  set.figures = run_figures(scenarios, request.reference);
  return {"Scenarios", {table}, {}};
}

// One study directory: its key bands and its figures.
ReportSection study_section(const fs::path& dir, FigureSet& set) {
  const CsvTable bands = read_table(dir / "bands.csv");
  StudyTables study;
  study.scenario = dir.filename().string();
  study.monthly = bands.column("month").has_value();
  const std::size_t variable = bands.column("variable").value_or(1);
  study.variable_names = bands.first_step_values("variable");
  study.variables = static_cast<int>(study.variable_names.size());
  study.thresholds = read_table(dir / "probabilities.csv").first_step_values("threshold");
  const std::string manifest = read_or_empty(dir / "manifest");
  const std::size_t paired = manifest.find("; reference ");
  if (paired != std::string::npos && fs::exists(dir / "diff_bands.csv")) {
    const std::size_t start = paired + 12;
    study.reference = manifest.substr(start, manifest.find(';', start) - start);
  }

  ReportTable table{"Bands of " + study.scenario +
                        " at 1 January: persons (FTE); deterministic is the scenario "
                        "as written",
                    {"year", "variable", "p5", "p50", "p95", "deterministic"},
                    {}};
  const CsvTable diff = read_table(dir / "diff_bands.csv");
  for (const auto& row : bands.rows) {
    const std::string& year = row.at(0);
    const std::string& name = row.at(variable);
    if ((year == "2020" || year == "2030") && (name == "shortage" || name == "skill_gap" || name == "workforce") &&
        !study.monthly) {
      table.rows.push_back({year, name, grouped_number(number_in(bands, row, "p5")),
                            grouped_number(number_in(bands, row, "p50")), grouped_number(number_in(bands, row, "p95")),
                            grouped_number(number_in(bands, row, "deterministic"))});
    }
  }
  std::vector<ReportTable> tables{table};
  if (!study.reference.empty()) {
    ReportTable paired_table{study.scenario + " minus " + study.reference + ", run by run (persons)",
                             {"year", "variable", "p5", "p50", "p95"},
                             {}};
    for (const auto& row : diff.rows) {
      if ((row.at(0) == "2020" || row.at(0) == "2030") && row.at(variable) == "shortage" && !study.monthly) {
        paired_table.rows.push_back({row[0], row[variable], grouped_number(number_in(diff, row, "p5")),
                                     grouped_number(number_in(diff, row, "p50")),
                                     grouped_number(number_in(diff, row, "p95"))});
      }
    }
    tables.push_back(paired_table);
  }
  set.dir = dir / "figures";
  const std::size_t seed_at = manifest.find(", seed ");
  set.subtitle = "scenario " + study.scenario +
                 (seed_at == std::string::npos
                      ? std::string()
                      : ", seed " + manifest.substr(seed_at + 7, manifest.find('\n', seed_at) - seed_at - 7));
  set.figures = study_figures(study);
  return {"Monte Carlo study: " + study.scenario, tables, {}};
}

// One sensitivity directory: its tornado table and its figures.
ReportSection sensitivity_section(const fs::path& dir, FigureSet& set) {
  const CsvTable tornado = read_table(dir / "tornado.csv");
  const std::string scenario = dir.filename().string();
  const std::string at_low = tornado.header.size() > 3 ? tornado.header[3] : "";
  const std::string metric = at_low.substr(0, at_low.rfind("_at_low"));
  ReportTable table{"Tornado of " + metric + ": " + scenario + " (each input alone at its 5th and 95th percentile)",
                    {"input", "low", "high", "at low", "at high", "at medians", "swing"},
                    {}};
  for (const auto& row : tornado.rows) {
    if (row.size() >= 7) {
      table.rows.push_back({row[0], row[1], row[2], grouped_number(std::stod(row[3])),
                            grouped_number(std::stod(row[4])), grouped_number(std::stod(row[5])),
                            grouped_number(std::stod(row[6]))});
    }
  }
  set.dir = dir / "figures";
  set.subtitle = "scenario " + scenario;
  set.figures = sensitivity_figures(scenario, metric, tornado.rows.size());
  return {"Sensitivity: " + scenario, {table}, {}};
}

bool holds_study(const fs::path& dir) { return fs::exists(dir / "study_state"); }

bool holds_sensitivity(const fs::path& dir) { return fs::exists(dir / "tornado.csv"); }

// The output directories besides a run's, by the file that tells each apart.
struct DirectoryKind {
  const char* title;
  bool (*holds)(const fs::path& dir);
  ReportSection (*section)(const fs::path& dir, FigureSet& set);
};

const DirectoryKind k_kinds[] = {{"Monte Carlo studies", holds_study, study_section},
                                 {"sensitivity", holds_sensitivity, sensitivity_section},
                                 {"sweep", is_sweep_directory, sweep_section},
                                 {"fit and backtest", is_trend_directory, trend_section},
                                 {"calibration", is_calibration_directory, calibration_section},
                                 {"optimisation", is_optimisation_directory, optimisation_section}};

}  // namespace

PlotOutcome plot_output_directory(const std::string& dir_text, const PlotRequest& request) {
  const fs::path dir(dir_text);
  std::vector<fs::path> manifests;
  Report report;
  std::vector<FigureSet> sets;
  if (fs::exists(dir / "summary.csv")) {
    report.title = "gapsim run: " + dir.filename().string();
    sets.emplace_back();
    report.sections.push_back(run_section(dir, request, sets.back()));
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (fs::exists(entry.path() / "manifest")) {
        manifests.push_back(entry.path() / "manifest");
      }
    }
  } else {
    std::vector<std::pair<fs::path, const DirectoryKind*>> found;
    const auto classify = [&](const fs::path& candidate) {
      for (const DirectoryKind& kind : k_kinds) {
        if (kind.holds(candidate)) {
          found.emplace_back(candidate, &kind);
          return;
        }
      }
    };
    classify(dir);
    if (found.empty() && fs::is_directory(dir)) {
      for (const auto& entry : fs::directory_iterator(dir)) {
        classify(entry.path());
      }
    }
    if (found.empty()) {
      throw InputError(dir_text +
                       ":0: not an output directory of gapsim run, mc, sensitivity, sweep, fit, backtest, "
                       "calibrate or optimize (no summary.csv, study_state, tornado.csv, sweep.csv, "
                       "fit_models.csv, rolling_summary.csv, calibration_residuals.csv, posterior_summary.csv or "
                       "evaluations.csv)");
    }
    std::sort(found.begin(), found.end());
    const bool one_kind =
        std::all_of(found.begin(), found.end(), [&](const auto& f) { return f.second == found[0].second; });
    report.title =
        "gapsim " + std::string(one_kind ? found[0].second->title : "outputs") + ": " + dir.filename().string();
    for (const auto& [path, kind] : found) {
      sets.emplace_back();
      report.sections.push_back(kind->section(path, sets.back()));
      manifests.push_back(path / "manifest");
    }
  }
  std::sort(manifests.begin(), manifests.end());

  PlotOutcome outcome;
  std::vector<GnuplotJob> jobs;
  for (const FigureSet& set : sets) {
    write_scripts(set, request.formats);
    for (const Figure& figure : set.figures) {
      jobs.push_back({set.dir.string(), figure.name + ".gp"});
    }
    outcome.figures += static_cast<int>(set.figures.size());
  }
  if (request.gnuplot) {
    outcome.failures = run_gnuplot(*request.gnuplot, jobs, request.parallel);
  } else {
    report.note = std::string("Figures not rendered: gnuplot was not found (Debian package ") + k_gnuplot_package +
                  "); their scripts are in the figures/ directories.";
  }
  for (std::size_t i = 0; i < sets.size(); ++i) {
    report.sections[i].figures = report_figures(sets[i], request, dir);
  }
  for (const fs::path& manifest : manifests) {
    report.provenance.emplace_back(fs::relative(manifest, dir).string(), read_or_empty(manifest));
  }
  outcome.report = (dir / "report.html").string();
  write_file_atomically(outcome.report, report_html(report));
  return outcome;
}

}  // namespace gapsim
