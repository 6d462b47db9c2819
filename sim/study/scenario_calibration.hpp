// Calibrating scenario keys to target values: each evaluation rebuilds the scenario with
// the trial values (so every range and consistency check still applies) and runs it.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "fit/bounded_least_squares.hpp"
#include "io/calibration_targets.hpp"
#include "io/scenario_loader.hpp"

namespace gapsim {

struct CalibratedKey {
  std::string key;
  double initial = 0.0;  // the scenario's own value (or default)
  double fitted = 0.0;
  Bound bound;  // the key's valid range
};

struct TargetFit {
  CalibrationTarget target;
  double initial = 0.0;  // the model's value before calibration
  double fitted = 0.0;   // and after
  double relative_error() const { return fitted / target.value - 1.0; }
  double initial_relative_error() const { return initial / target.value - 1.0; }
};

struct Calibration {
  std::vector<CalibratedKey> keys;
  std::vector<TargetFit> targets;
  double initial_cost = 0.0;  // sum of squared relative errors before
  double cost = 0.0;          // and after
  int evaluations = 0;        // scenario runs by the solver
  bool converged = false;
};

// The keys named `keys` of `raw` with their current values and valid ranges. Each must be a
// number key, or a schedule key that holds one constant, and be named once; the error says
// which is not ("KEY: what").
std::expected<std::vector<CalibratedKey>, std::string> calibration_keys(const RawScenario& raw,
                                                                        const std::vector<std::string>& keys);

// Fits `keys` (from calibration_keys) of `raw`, each within its valid range, to minimise the
// sum of squared relative errors (model / target - 1)^2 over `targets`. Throws InputError
// for a target year without a report row (naming `targets_path` and the target's line).
Calibration calibrate_scenario(const RawScenario& raw, const ReadFile& read, std::vector<CalibratedKey> keys,
                               const std::vector<CalibrationTarget>& targets, const std::string& targets_path);

// key, initial, fitted, min, max.
std::string calibration_csv(const Calibration& calibration);

// year, variable, target, initial, fitted, initial_relative_error, relative_error.
std::string calibration_residuals_csv(const Calibration& calibration);

// A scenario file that extends `extends_path` and sets the fitted keys, headed by a comment
// naming the program, `targets_path` and the error before and after.
std::string calibrated_scenario_text(const Calibration& calibration, const std::string& extends_path,
                                     const std::string& targets_path);

// For the terminal: "KEY: initial -> fitted" per key, then the error before and after, the
// runs, and whether the solver converged.
std::string calibration_summary_text(const Calibration& calibration);

}  // namespace gapsim
