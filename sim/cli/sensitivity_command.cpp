// `gapsim sensitivity`: which uncertain input drives an output metric. A tornado table (one
// input at a time at its 5th and 95th percentile, the others at their medians) and global
// Sobol indices (Saltelli design, bootstrap intervals).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/study_options.hpp"
#include "stats/sobol_indices.hpp"
#include "io/atomic_file.hpp"
#include "io/input_error.hpp"
#include "io/manifest.hpp"
#include "io/number_format.hpp"
#include "study/output_metric.hpp"
#include "study/study_files.hpp"
#include "io/uncertainty.hpp"
#include "study/variant_runs.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

constexpr const char* k_usage =
    "usage: gapsim sensitivity SCENARIO --output METRIC [--runs N] [--seed S]\n"
    "                          [--sampler sobol|random|lhs] [--bootstrap B] [--threads T] [--quiet] [-o DIR]\n"
    "METRIC is a summary metric (shortage_2020, peak_shortage, total_cost, ...) or\n"
    "VARIABLE@YEAR (e.g. skill_gap@2025). Over the scenario's [uncertain] inputs, writes\n"
    "DIR/<scenario>/tornado.csv (each input at its 5th and 95th percentile, the others at\n"
    "their medians) and sobol.csv (first-order and total indices from N (d + 2) runs of a\n"
    "Saltelli design, with 95% bootstrap intervals), and a manifest.";

constexpr double k_tornado_low = 0.05;
constexpr double k_tornado_high = 0.95;

struct Sensitivity {
  std::vector<UncertainInput> inputs;
  ScenarioVariants& variants;
  OutputMetric metric;
  int threads = 1;
  bool quiet = false;
};

// The metric for each row of `points` (values of the inputs, one row per run).
std::vector<double> evaluate(Sensitivity& s, const std::vector<std::vector<double>>& points, const std::string& label) {
  std::vector<double> out(points.size());
  std::vector<char> empty(points.size(), 0);
  ProgressBar bar(label, static_cast<std::int64_t>(points.size()), s.quiet);
  run_variants(s.variants, 0, static_cast<std::int64_t>(points.size()), s.threads,
               [&](std::int64_t i, std::span<double> values) {
                 std::copy(points[static_cast<std::size_t>(i)].begin(), points[static_cast<std::size_t>(i)].end(), values.begin());
               },
               [&](int, std::int64_t i, const Results& results) {
                 const auto value = metric_value(s.metric, results);
                 out[static_cast<std::size_t>(i)] = value.value_or(0.0);
                 empty[static_cast<std::size_t>(i)] = !value;
               },
               bar.callback());
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (empty[i]) {
      throw InputError("--output " + s.metric.name + ": the metric is empty in run " + std::to_string(i) +
                       " (a year outside the run, or a gap that never closes); choose another metric");
    }
  }
  return out;
}

std::vector<double> medians(const std::vector<UncertainInput>& inputs) {
  std::vector<double> out;
  for (const UncertainInput& input : inputs) {
    out.push_back(input.distribution.median());
  }
  return out;
}

std::string tornado_csv(Sensitivity& s) {
  const std::vector<double> centre = medians(s.inputs);
  std::vector<std::vector<double>> points{centre};
  for (std::size_t i = 0; i < s.inputs.size(); ++i) {
    for (double q : {k_tornado_low, k_tornado_high}) {
      points.push_back(centre);
      points.back()[i] = s.inputs[i].distribution.quantile(q);
    }
  }
  const std::vector<double> metric = evaluate(s, points, "tornado");
  struct Bar {
    std::size_t input;
    double low;
    double high;
    double swing;
  };
  std::vector<Bar> bars;
  for (std::size_t i = 0; i < s.inputs.size(); ++i) {
    const double low = metric[1 + 2 * i];
    const double high = metric[2 + 2 * i];
    bars.push_back({i, low, high, std::abs(high - low)});
  }
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) { return a.swing > b.swing; });
  std::string out = "key,low,high," + s.metric.name + "_at_low," + s.metric.name + "_at_high," + s.metric.name +
                    "_at_medians,swing\n";
  for (const Bar& bar : bars) {
    const Distribution& d = s.inputs[bar.input].distribution;
    out += s.inputs[bar.input].key.label;
    for (double value : {d.quantile(k_tornado_low), d.quantile(k_tornado_high), bar.low, bar.high, metric[0], bar.swing}) {
      out += ',';
      out += format_number(value);
    }
    out += '\n';
  }
  return out;
}

std::string sobol_csv(Sensitivity& s, std::int64_t n, SamplerKind sampler, std::uint64_t seed, int resamples) {
  const int d = static_cast<int>(s.inputs.size());
  const UnitDesign design(sampler, 2 * d, n, seed);
  std::vector<std::vector<double>> points =
      saltelli_design(static_cast<int>(n), d, [&](std::int64_t j, std::span<double> u) { design.point(j, u); });
  for (std::vector<double>& point : points) {
    for (int i = 0; i < d; ++i) {
      point[static_cast<std::size_t>(i)] = s.inputs[static_cast<std::size_t>(i)].distribution.quantile(point[static_cast<std::size_t>(i)]);
    }
  }
  const std::vector<double> f = evaluate(s, points, "sobol");
  const auto block = [&](std::size_t k) {
    return std::span<const double>(f).subspan(k * static_cast<std::size_t>(n), static_cast<std::size_t>(n));
  };
  std::vector<std::vector<double>> f_ab;
  for (int i = 0; i < d; ++i) {
    const auto part = block(2 + static_cast<std::size_t>(i));
    f_ab.emplace_back(part.begin(), part.end());
  }
  const SobolIndices indices = sobol_indices(block(0), block(1), f_ab, resamples, seed, 0.95);
  std::string out = "key,first_order,first_order_lo,first_order_hi,total,total_lo,total_hi\n";
  for (int i = 0; i < d; ++i) {
    const IndexEstimate& first = indices.first_order[static_cast<std::size_t>(i)];
    const IndexEstimate& total = indices.total[static_cast<std::size_t>(i)];
    out += s.inputs[static_cast<std::size_t>(i)].key.label;
    for (double value : {first.value, first.lo, first.hi, total.value, total.lo, total.hi}) {
      out += ',';
      out += format_number(value);
    }
    out += '\n';
  }
  return out;
}

}  // namespace

int sensitivity_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  // --output names the metric (as analysts say "the output"); -o is the directory, as elsewhere.
  options.add_options()("output", po::value<std::string>(), "METRIC: shortage_2020, VARIABLE@YEAR, ... (required)")(
      "out-dir,o", po::value<std::string>()->default_value("output"), "output directory")(
      "runs", po::value<std::int64_t>()->default_value(1024), "base samples N of the Saltelli design")(
      "seed", po::value<std::uint64_t>()->default_value(1), "seed of the design (random, lhs) and the bootstrap")(
      "sampler", po::value<std::string>()->default_value("sobol"), "sobol, random or lhs")(
      "bootstrap", po::value<int>()->default_value(1000), "bootstrap resamples for the intervals");
  add_study_options(options);
  const auto vm = parse_command_line(args, k_usage, options, "scenario");
  if (!vm) {
    return k_exit_success;
  }
  const auto scenarios = vm->count("scenario") ? (*vm)["scenario"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (scenarios.size() != 1 || !vm->count("output")) {
    std::cerr << k_usage << "\n";
    return k_exit_usage;
  }
  std::string error;
  const auto metric = parse_output_metric((*vm)["output"].as<std::string>(), error);
  if (!metric) {
    throw po::error("--output: " + error);
  }
  const std::int64_t runs = (*vm)["runs"].as<std::int64_t>();
  const int resamples = (*vm)["bootstrap"].as<int>();
  if (runs < 2 || resamples < 1) {
    throw po::error("--runs must be at least 2 and --bootstrap at least 1");
  }
  const SamplerKind sampler = sampler_option(*vm);
  const std::uint64_t seed = (*vm)["seed"].as<std::uint64_t>();

  const RawScenario raw = load_scenario(scenarios.front(), read_disk_file);
  ScenarioVariants variants(raw, read_disk_file);
  Sensitivity s{read_uncertain_inputs(raw, variants.base()), variants, *metric, thread_count(*vm), vm->count("quiet") > 0};
  if (s.inputs.empty()) {
    throw_input_error(raw.path, 1, "uncertain", "nothing to vary: the scenario declares no [uncertain] inputs");
  }
  variants.vary(varied_keys(s.inputs));

  const std::string tornado = tornado_csv(s);
  const std::string sobol = sobol_csv(s, runs, sampler, seed, resamples);
  std::string manifest = "# gapsim sensitivity of " + metric->name + ": Saltelli design with " + std::to_string(runs) +
                         " base samples (" + std::string(sampler_name(sampler)) + "), seed " + std::to_string(seed) +
                         ", " + std::to_string(resamples) + " bootstrap resamples\n# uncertain inputs:\n";
  manifest += uncertain_inputs_text(s.inputs) + manifest_text(raw, variants.base(), read_disk_file);
  const std::string dir = (fs::path((*vm)["out-dir"].as<std::string>()) / raw.name).string();
  write_file_atomically(dir + "/tornado.csv", tornado);
  write_file_atomically(dir + "/sobol.csv", sobol);
  write_file_atomically(dir + "/manifest", manifest);
  std::cout << raw.name << ": " << dir << "/tornado.csv, sobol.csv ("
            << 1 + 2 * s.inputs.size() + static_cast<std::size_t>(runs) * (s.inputs.size() + 2) << " runs)\n";
  return k_exit_success;
}

}  // namespace gapsim
