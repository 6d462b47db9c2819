// The exported models against gapsim itself: every shipped scenario, and one small scenario
// per construct of the export (tests/export/), is exported as Vensim and as XMILE, compiled
// by SDEverywhere's JavaScript back end, run, and compared with `gapsim run` column by column.
// Levels are read at a report row's start, totals and means at its end (docs/MODEL.md 17).
// The largest relative difference per scenario and column goes to the test's output and to
// tests/artefacts/sdeverywhere/ of the build, with SDEverywhere's compile time and time per run.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "io/output_variable.hpp"
#include "io/value_parser.hpp"
#include "model/results.hpp"
#include "support/cli_run.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;

// Relative differences above this fail (the bound; measured ones are near 1e-15).
constexpr double k_tolerance = 1e-9;

double number_in(const std::string& cell, const std::string& where) {
  const auto value = parse_number(cell);
  INFO(where << ": '" << cell << "'");
  REQUIRE(value);
  return *value;
}

// |a - b| relative to the larger magnitude; 0 when both are 0.
double relative_difference(double a, double b) {
  const double scale = std::max(std::abs(a), std::abs(b));
  return scale == 0.0 ? 0.0 : std::abs(a - b) / scale;
}

struct ColumnDifference {
  std::string column;
  double largest = 0.0;
  std::string at;  // the row's year (and month) where it is largest
};

// Exports `scenario` in `format` (mdl, xmile) and runs it both ways; returns the report's
// lines. Fails on any difference above k_tolerance.
std::string compare_with_sdeverywhere(const fs::path& scenario, const std::string& format) {
  const std::string name = scenario.stem().string();
  test::TempDir dir("sdeverywhere_" + name + "_" + format);
  const fs::path model = dir.path / (name + "." + format);
  REQUIRE(test::gapsim({"export", scenario.string(), "--format", format, "-o", model.string()}) == 0);
  REQUIRE(test::gapsim({"run", scenario.string(), "-o", (dir.path / "run").string()}) == 0);
  const auto gapsim_rows = test::parse_csv(test::slurp(dir.path / "run" / name / "timeseries.csv"));
  REQUIRE(gapsim_rows.size() > 1);
  const std::vector<std::string>& header = gapsim_rows.front();
  const std::size_t first_value = header.size() > 1 && header[1] == "month" ? 2 : 1;

  std::string command = "node '" GAPSIM_SDEVERYWHERE_DIR "/run_model.mjs' '" + model.string() + "' '" +
                        (dir.path / "sde.tsv").string() + "'";
  for (std::size_t c = first_value; c < header.size(); ++c) {
    command += " " + header[c];
  }
  const fs::path log = dir.path / "node.log";
  command += " > '" + log.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  INFO("SDEverywhere (" << command << "):\n" << test::slurp(log));
  REQUIRE(status == 0);
  const auto sde_rows = test::parse_csv(test::slurp(dir.path / "sde.tsv"), '\t');
  // The model's rows by their time in steps: a report row r (from 0) starts at r R and ends at
  // (r + 1) R, the last at FINAL TIME.
  REQUIRE(sde_rows.size() >= 2);
  std::map<double, std::size_t> sde_row_at;
  for (std::size_t row = 1; row < sde_rows.size(); ++row) {
    sde_row_at[number_in(sde_rows[row][0], name + " time")] = row;
  }
  const std::size_t report_rows = gapsim_rows.size() - 1;
  const double report_steps = sde_row_at.rbegin()->first / static_cast<double>(report_rows);
  const auto sde_row = [&](std::size_t report_row) {
    const auto found = sde_row_at.find(static_cast<double>(report_row) * report_steps);
    INFO(name << ": no SDEverywhere row at time " << static_cast<double>(report_row) * report_steps);
    REQUIRE(found != sde_row_at.end());
    return found->second;
  };

  std::vector<ColumnDifference> differences;
  ColumnDifference worst;
  for (std::size_t c = first_value; c < header.size(); ++c) {
    const auto column = output_variable(header[c]);
    REQUIRE(column);
    REQUIRE(sde_rows.front()[c - first_value + 1] == header[c]);
    ColumnDifference difference{header[c], 0.0, ""};
    for (std::size_t row = 1; row < gapsim_rows.size(); ++row) {
      // A level at the row's start; a total, mean or cumulative sum at its end.
      const std::size_t at = sde_row(is_level(*column) ? row - 1 : row);
      const std::string where = name + " " + header[c] + " row " + std::to_string(row);
      const double expected = number_in(gapsim_rows[row][c], where);
      const double actual = number_in(sde_rows[at][c - first_value + 1], where + " (SDEverywhere)");
      const double relative = relative_difference(expected, actual);
      if (relative > difference.largest) {
        difference.largest = relative;
        difference.at = gapsim_rows[row][0] + (first_value == 2 ? "-" + gapsim_rows[row][1] : "");
      }
    }
    if (difference.largest >= worst.largest) {
      worst = difference;
    }
    differences.push_back(difference);
  }

  std::ostringstream report;
  report << name << " (" << format << "): largest relative difference " << worst.largest << " (" << worst.column << ", "
         << worst.at << ") over " << gapsim_rows.size() - 1 << " rows x " << differences.size() << " columns; "
         << test::slurp(log);
  for (const ColumnDifference& difference : differences) {
    report << "  " << difference.column << " " << difference.largest
           << (difference.at.empty() ? "" : " at " + difference.at) << "\n";
  }
  INFO(report.str());
  CHECK(worst.largest <= k_tolerance);
  return report.str();
}

void check_all(const fs::path& folder) {
  std::vector<fs::path> scenarios;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".ini") {
      scenarios.push_back(entry.path());
    }
  }
  std::sort(scenarios.begin(), scenarios.end());
  REQUIRE_FALSE(scenarios.empty());
  const fs::path reports = fs::path(GAPSIM_ARTEFACT_DIR) / "sdeverywhere";
  fs::create_directories(reports);
  for (const fs::path& scenario : scenarios) {
    for (const std::string format : {"mdl", "xmile"}) {
      DYNAMIC_SECTION(scenario.stem().string() << " as " << format) {
        const std::string report = compare_with_sdeverywhere(scenario, format);
        std::cout << report;
        std::ofstream(reports / (scenario.stem().string() + "." + format + ".txt")) << report;
      }
    }
  }
}

TEST_CASE("sdeverywhere: every shipped scenario's exported models run to gapsim's numbers", "[sdeverywhere]") {
  check_all(GAPSIM_SOURCE_DIR "/scenarios");
}

TEST_CASE("sdeverywhere: each construct's scenario runs to gapsim's numbers", "[sdeverywhere]") {
  check_all(GAPSIM_SOURCE_DIR "/tests/export");
}

}  // namespace
}  // namespace gapsim
