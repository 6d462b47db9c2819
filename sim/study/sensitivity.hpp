// Which uncertain input drives an output metric: a tornado (one input at a time at its 5th
// and 95th percentile, the others at their medians) and global Sobol indices (Saltelli
// design, bootstrap intervals), with the CSV text of each.
#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <string>
#include <vector>

#include "io/uncertainty.hpp"
#include "stats/sampling.hpp"
#include "stats/sobol_indices.hpp"
#include "study/output_metric.hpp"

namespace gapsim {

class ScenarioVariants;

inline constexpr double k_tornado_low = 0.05;   // quantile of each input at the low end of its bar
inline constexpr double k_tornado_high = 0.95;  // and at the high end

struct SensitivityOptions {
  OutputMetric metric;
  std::int64_t runs = 1024;  // base samples N of the Saltelli design, >= 2
  SamplerKind sampler = SamplerKind::sobol;
  std::uint64_t seed = 1;  // of the design (random, lhs) and of the bootstrap
  int resamples = 1000;    // bootstrap resamples for the intervals, >= 1
  int threads = 1;         // worker threads, >= 1
};

struct TornadoBar {
  std::size_t input = 0;  // index into the inputs
  double low = 0.0;       // the input's value at the low end (its k_tornado_low quantile)
  double high = 0.0;
  double metric_at_low = 0.0;
  double metric_at_high = 0.0;
  double swing = 0.0;  // |metric_at_high - metric_at_low|
};

struct Tornado {
  double metric_at_medians = 0.0;
  std::vector<TornadoBar> bars;  // largest swing first; equal swings in input order
};

struct Sensitivity {
  Tornado tornado;
  SobolIndices sobol;
};

// Runs in a whole analysis of `inputs` inputs with N base samples: 1 + 2 d for the
// tornado, N (d + 2) for the Saltelli design.
std::int64_t sensitivity_runs(std::size_t inputs, std::int64_t base_samples);

// The tornado, then the Sobol indices of `options.metric` over `inputs`; `variants` must
// vary their keys. progress(done) counts the runs of both, from this thread. The error says
// in which run the metric is empty (a year outside the run, or a gap that never closes).
std::expected<Tornado, std::string> run_tornado(const ScenarioVariants& variants,
                                                const std::vector<UncertainInput>& inputs,
                                                const SensitivityOptions& options,
                                                const std::function<void(std::int64_t)>& progress);
std::expected<SobolIndices, std::string> run_sobol(const ScenarioVariants& variants,
                                                   const std::vector<UncertainInput>& inputs,
                                                   const SensitivityOptions& options,
                                                   const std::function<void(std::int64_t)>& progress);
std::expected<Sensitivity, std::string> run_sensitivity(const ScenarioVariants& variants,
                                                        const std::vector<UncertainInput>& inputs,
                                                        const SensitivityOptions& options,
                                                        const std::function<void(std::int64_t)>& progress);

// key,low,high,METRIC_at_low,METRIC_at_high,METRIC_at_medians,swing: one row per bar.
std::string tornado_csv(const Tornado& tornado, const std::vector<UncertainInput>& inputs, const OutputMetric& metric);

// key,first_order,first_order_lo,first_order_hi,total,total_lo,total_hi: one row per input.
std::string sobol_csv(const SobolIndices& indices, const std::vector<UncertainInput>& inputs);

// The manifest: metric, design, seed and resamples, the uncertain inputs, then the
// scenario's own manifest.
std::string sensitivity_manifest_text(const SensitivityOptions& options, const std::vector<UncertainInput>& inputs,
                                      const std::string& scenario_manifest);

}  // namespace gapsim
