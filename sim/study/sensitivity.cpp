// Tornado and Sobol sensitivity studies over the uncertain inputs of a scenario.
#include "study/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "io/number_format.hpp"
#include "study/scenario_variants.hpp"
#include "study/study_files.hpp"
#include "study/study_inputs.hpp"
#include "study/variant_runs.hpp"

namespace gapsim {
namespace {

// The metric for each row of `points` (the inputs' values, one row per run).
std::expected<std::vector<double>, std::string> evaluate(const ScenarioVariants& variants,
                                                         const std::vector<std::vector<double>>& points,
                                                         const SensitivityOptions& options,
                                                         const std::function<void(std::int64_t)>& progress) {
  std::vector<double> out(points.size());
  std::vector<char> empty(points.size(), 0);  // char, not vector<bool>: workers write neighbouring slots
  run_variants(
      variants, 0, static_cast<std::int64_t>(points.size()), options.threads,
      [&](std::int64_t i, std::span<double> values) {
        const std::vector<double>& point = points[static_cast<std::size_t>(i)];
        std::copy(point.begin(), point.end(), values.begin());
      },
      [&](int, std::int64_t i, const Results& results) {
        const auto value = metric_value(options.metric, results);
        out[static_cast<std::size_t>(i)] = value.value_or(0.0);
        empty[static_cast<std::size_t>(i)] = !value;
      },
      progress);
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (empty[i]) {
      return std::unexpected("the metric is empty in run " + std::to_string(i) +
                             " (a year outside the run, or a gap that never closes); choose another metric");
    }
  }
  return out;
}

// progress(offset + done): the second stage of an analysis continues the count of the first.
std::function<void(std::int64_t)> offset_progress(const std::function<void(std::int64_t)>& progress,
                                                  std::int64_t offset) {
  if (!progress) {
    return {};  // no reporting thread for a loop nobody watches
  }
  return [progress, offset](std::int64_t done) { progress(offset + done); };
}

}  // namespace

std::int64_t sensitivity_runs(std::size_t inputs, std::int64_t base_samples) {
  const auto d = static_cast<std::int64_t>(inputs);
  return 1 + 2 * d + base_samples * (d + 2);
}

std::expected<Tornado, std::string> run_tornado(const ScenarioVariants& variants,
                                                const std::vector<UncertainInput>& inputs,
                                                const SensitivityOptions& options,
                                                const std::function<void(std::int64_t)>& progress) {
  // The medians, then each input alone at its low and its high end (the attack path: the
  // path at that predictive probability in every year).
  std::vector<std::vector<double>> points{values_at(inputs)};
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (const double q : {k_tornado_low, k_tornado_high}) {
      points.push_back(values_at(inputs, i, q));
    }
  }
  const auto metric = evaluate(variants, points, options, progress);
  if (!metric) {
    return std::unexpected(metric.error());
  }
  Tornado tornado;
  tornado.metric_at_medians = (*metric)[0];
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const double low = (*metric)[1 + 2 * i];
    const double high = (*metric)[2 + 2 * i];
    tornado.bars.push_back({i, points[1 + 2 * i][i], points[2 + 2 * i][i], low, high, std::abs(high - low)});
  }
  std::stable_sort(tornado.bars.begin(), tornado.bars.end(),
                   [](const TornadoBar& a, const TornadoBar& b) { return a.swing > b.swing; });
  return tornado;
}

std::expected<SobolIndices, std::string> run_sobol(const ScenarioVariants& variants,
                                                   const std::vector<UncertainInput>& inputs,
                                                   const SensitivityOptions& options,
                                                   const std::function<void(std::int64_t)>& progress) {
  const auto n = static_cast<std::size_t>(options.runs);
  const UnitDesign design(options.sampler, 2 * design_dimensions(inputs), options.runs, options.seed);
  std::vector<std::vector<double>> points =
      saltelli_design(static_cast<int>(options.runs), design_groups(inputs),
                      [&](std::int64_t j, std::span<double> u) { design.point(j, u); });
  for (std::vector<double>& point : points) {
    point.resize(variants.value_count());
    unit_to_values(inputs, point);
  }
  const auto f = evaluate(variants, points, options, progress);
  if (!f) {
    return std::unexpected(f.error());
  }
  const auto block = [&](std::size_t k) { return std::span<const double>(*f).subspan(k * n, n); };
  std::vector<std::vector<double>> f_ab;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto part = block(2 + i);
    f_ab.emplace_back(part.begin(), part.end());
  }
  return sobol_indices(block(0), block(1), f_ab, options.resamples, options.seed, 0.95);
}

std::expected<Sensitivity, std::string> run_sensitivity(const ScenarioVariants& variants,
                                                        const std::vector<UncertainInput>& inputs,
                                                        const SensitivityOptions& options,
                                                        const std::function<void(std::int64_t)>& progress) {
  auto tornado = run_tornado(variants, inputs, options, progress);
  if (!tornado) {
    return std::unexpected(tornado.error());
  }
  const std::int64_t tornado_runs = sensitivity_runs(inputs.size(), 0);
  auto sobol = run_sobol(variants, inputs, options, offset_progress(progress, tornado_runs));
  if (!sobol) {
    return std::unexpected(sobol.error());
  }
  return Sensitivity{std::move(*tornado), std::move(*sobol)};
}

std::string tornado_csv(const Tornado& tornado, const std::vector<UncertainInput>& inputs, const OutputMetric& metric) {
  const std::string& name = metric.name;
  std::string out = "key,low,high," + name + "_at_low," + name + "_at_high," + name + "_at_medians,swing\n";
  for (const TornadoBar& bar : tornado.bars) {
    out += inputs[bar.input].key.label;
    for (const double value :
         {bar.low, bar.high, bar.metric_at_low, bar.metric_at_high, tornado.metric_at_medians, bar.swing}) {
      out += ',';
      out += format_number(value);
    }
    out += '\n';
  }
  return out;
}

std::string sobol_csv(const SobolIndices& indices, const std::vector<UncertainInput>& inputs) {
  std::string out = "key,first_order,first_order_lo,first_order_hi,total,total_lo,total_hi\n";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const IndexEstimate& first = indices.first_order[i];
    const IndexEstimate& total = indices.total[i];
    out += inputs[i].key.label;
    for (const double value : {first.value, first.lo, first.hi, total.value, total.lo, total.hi}) {
      out += ',';
      out += format_number(value);
    }
    out += '\n';
  }
  return out;
}

std::string sensitivity_manifest_text(const SensitivityOptions& options, const std::vector<UncertainInput>& inputs,
                                      const std::string& scenario_manifest) {
  std::string out = "# gapsim sensitivity of " + options.metric.name + ": Saltelli design with " +
                    std::to_string(options.runs) + " base samples (" + std::string(sampler_name(options.sampler)) +
                    "), seed " + std::to_string(options.seed) + ", " + std::to_string(options.resamples) +
                    " bootstrap resamples\n# uncertain inputs:\n";
  return out + uncertain_inputs_text(inputs) + scenario_manifest;
}

}  // namespace gapsim
