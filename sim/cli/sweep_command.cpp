// `gapsim sweep`: a scenario over the full grid of some key values, into one tidy CSV.
#include <cmath>
#include <filesystem>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/study_options.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/manifest.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"
#include "study/variant_runs.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim sweep SCENARIO --set KEY=FROM:TO:STEP [--set ...] [--series VAR,...]\n"
    "                    [--threads T] [--quiet] [-o DIR]\n"
    "Runs SCENARIO at every combination of the values given (KEY may be KEY@YEAR for one\n"
    "point of a schedule) and writes DIR/<scenario>/sweep.csv: one column per swept key, then\n"
    "year, variable, value (every variable, or those of --series), and a manifest.";

struct Axis {
  VariedKey key;
  std::vector<double> values;
};

// FROM, FROM + STEP, ... up to TO (inclusive when it lands within rounding), each rounded to
// 12 significant digits so 0.1 steps print as 0.3, not 0.30000000000000004.
Axis parse_axis(const std::string& text) {
  const auto fail = [&](const std::string& what) -> Axis { throw po::error("--set " + text + ": " + what); };
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos) {
    return fail("expected KEY=FROM:TO:STEP");
  }
  const auto key = parse_varied_key(text.substr(0, equals));
  if (!key) {
    return fail("the part after '@' must be a year");
  }
  const std::string range = text.substr(equals + 1);
  const std::size_t colon1 = range.find(':');
  const std::size_t colon2 = colon1 == std::string::npos ? colon1 : range.find(':', colon1 + 1);
  if (colon2 == std::string::npos) {
    return fail("expected KEY=FROM:TO:STEP");
  }
  const auto from = parse_number(range.substr(0, colon1));
  const auto to = parse_number(range.substr(colon1 + 1, colon2 - colon1 - 1));
  const auto step = parse_number(range.substr(colon2 + 1));
  if (!from || !to || !step) {
    return fail("FROM, TO and STEP must be numbers");
  }
  if (!(*step > 0.0) || *to < *from) {
    return fail("needs STEP > 0 and FROM <= TO");
  }
  const double count = std::floor((*to - *from) / *step * (1.0 + 1e-12)) + 1.0;
  if (count > 1e6) {
    return fail("more than a million values");
  }
  Axis axis{*key, {}};
  for (int k = 0; k < static_cast<int>(count); ++k) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.12g", *from + k * *step);
    axis.values.push_back(std::strtod(buffer, nullptr));
  }
  return axis;
}

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  options.add_options()("set", po::value<std::vector<std::string>>(), "KEY=FROM:TO:STEP (repeatable)")(
      "series", po::value<std::string>(), "variables to write (default: all)");
  options.add_options()("output,o", po::value<std::string>()->default_value("output"), "output directory");
  add_study_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const auto scenarios = vm->count("scenario") ? (*vm)["scenario"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (scenarios.size() != 1 || !vm->count("set")) {
    std::cerr << k_usage << "\n";
    return k_exit_usage;
  }
  std::vector<Axis> axes;
  for (const std::string& text : (*vm)["set"].as<std::vector<std::string>>()) {
    axes.push_back(parse_axis(text));
  }
  std::vector<Column> series;
  if (vm->count("series")) {
    series = variable_list((*vm)["series"].as<std::string>(), "--series");
  } else {
    for (int c = 1; c < k_column_count; ++c) {
      series.push_back(static_cast<Column>(c));
    }
  }
  const int threads = thread_count(*vm);

  const RawScenario raw = load_scenario(scenarios.front(), read_disk_file);
  ScenarioVariants variants(raw, read_disk_file);
  std::vector<VariedKey> keys;
  std::int64_t points = 1;
  for (const Axis& axis : axes) {
    const std::string where = "--set " + axis.key.label + ": ";
    if (const std::string problem = varied_key_problem(raw, variants.base(), axis.key); !problem.empty()) {
      throw po::error(where + problem);
    }
    for (const VariedKey& earlier : keys) {
      if (earlier.label == axis.key.label) {
        throw po::error(where + "swept twice");
      }
    }
    const KeySpec& spec = *find_key_spec(axis.key.key);
    for (double value : axis.values) {
      if (!in_range(spec, value)) {
        throw po::error(where + format_number(value) + " is out of range (" + range_text(spec) + ")");
      }
    }
    keys.push_back(axis.key);
    points *= static_cast<std::int64_t>(axis.values.size());
  }
  variants.vary(keys);

  // Grid point i: the last axis varies fastest.
  const auto grid_values = [&](std::int64_t index, std::span<double> values) {
    for (std::size_t a = axes.size(); a-- > 0;) {
      const auto size = static_cast<std::int64_t>(axes[a].values.size());
      values[a] = axes[a].values[static_cast<std::size_t>(index % size)];
      index /= size;
    }
  };
  const Results base_results = variants.run_base();  // its report times label the rows
  const int rows = base_results.rows();
  const auto width = static_cast<std::int64_t>(series.size());
  std::vector<double> table(static_cast<std::size_t>(points * rows * width));
  {
    ProgressBar bar(raw.name, points, vm->count("quiet") > 0);
    run_variants(variants, 0, points, threads, grid_values,
                 [&](int, std::int64_t index, const Results& results) {
                   double* out = table.data() + index * rows * width;
                   for (int r = 0; r < rows; ++r) {
                     for (const Column column : series) {
                       *out++ = results.at(r, column);
                     }
                   }
                 },
                 bar.callback());
  }

  const ReportStep report = variants.base().config.time.report;
  std::string csv;
  for (const Axis& axis : axes) {
    csv += axis.key.label + ",";
  }
  csv += report_time_header(report) + ",variable,value\n";
  std::vector<double> values(axes.size());
  const double* cell = table.data();
  for (std::int64_t index = 0; index < points; ++index) {
    grid_values(index, values);
    std::string prefix;
    for (double value : values) {
      prefix += format_number(value);
      prefix += ',';
    }
    for (int r = 0; r < rows; ++r) {
      const std::string time = report_time_cells(base_results.at(r, Column::time), report);
      for (const Column column : series) {
        csv += prefix;
        csv += time;
        csv += ',';
        csv += column_name(column);
        csv += ',';
        csv += format_number(*cell++);
        csv += '\n';
      }
    }
  }
  std::string manifest = "# gapsim sweep\n";
  for (const std::string& text : (*vm)["set"].as<std::vector<std::string>>()) {
    manifest += "# --set " + text + "\n";
  }
  manifest += manifest_text(raw, variants.base(), read_disk_file);
  const std::string dir = (fs::path((*vm)["output"].as<std::string>()) / raw.name).string();
  write_file_atomically(dir + "/sweep.csv", csv);
  write_file_atomically(dir + "/manifest", manifest);
  std::cout << raw.name << ": " << dir << "/sweep.csv (" << points << " runs)\n";
  return k_exit_success;
}

}  // namespace gapsim
