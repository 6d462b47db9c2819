// Scenario calibration on top of minimize_bounded.
#include "study/scenario_calibration.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <span>

#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/number_format.hpp"
#include "io/scenario_builder.hpp"
#include "io/value_parser.hpp"
#include "io/varied_key.hpp"
#include "model/engine.hpp"
#include "model/exogenous.hpp"
#include "model/summary.hpp"
#include "study/scenario_variants.hpp"

namespace gapsim {
namespace {

// The key's spec after checking it can be calibrated, and its current value.
std::expected<CalibratedKey, std::string> calibrated_key(const RawScenario& raw, const std::string& key) {
  const KeySpec* spec = find_key_spec(key);
  if (spec == nullptr) {
    return std::unexpected(key + ": unknown key (did you mean '" + closest_key(key) + "'?)");
  }
  if (spec->type != KeyType::number && spec->type != KeyType::schedule) {
    return std::unexpected(key + ": only number keys can be calibrated");
  }
  CalibratedKey calibrated{key, 0.0, 0.0, {spec->min, spec->max}};
  const std::string text = value_text(raw, key);
  const auto value = parse_number(text);
  if (!value) {
    return std::unexpected(
        key + ": its value '" + text + "' is not one number" +
        (spec->type == KeyType::schedule ? " (set the schedule to a constant to calibrate it)" : ""));
  }
  calibrated.initial = *value;
  return calibrated;
}

// Runs `raw` with `keys` set to `x`, returning the value of each target. The scenario is
// rebuilt through ScenarioVariants, so data files are read and the attack trend is fitted
// once, not at every evaluation.
class TargetEvaluator {
 public:
  TargetEvaluator(const RawScenario& raw, const ReadFile& read, const std::vector<CalibratedKey>& keys,
                  const std::vector<CalibrationTarget>& targets)
      : m_variants(raw, read), m_targets(targets) {
    std::vector<VariedKey> varied;
    for (const CalibratedKey& key : keys) {
      varied.push_back({key.key, std::nullopt, key.key});
    }
    m_variants.vary(std::move(varied));
  }

  std::vector<double> values(const Eigen::VectorXd& x) {
    Engine::run(m_variants.inputs(std::span<const double>(x.data(), static_cast<std::size_t>(x.size()))), m_workspace,
                m_results);
    std::vector<double> out;
    for (const CalibrationTarget& target : m_targets) {
      const int row = row_of_year(m_results, target.year);
      out.push_back(row < 0 ? std::numeric_limits<double>::quiet_NaN() : m_results.at(row, target.variable));
    }
    return out;
  }

  const Results& results() const { return m_results; }

 private:
  ScenarioVariants m_variants;
  const std::vector<CalibrationTarget>& m_targets;
  Workspace m_workspace;
  Results m_results;
};

double cost_of(const std::vector<double>& values, const std::vector<CalibrationTarget>& targets) {
  double cost = 0.0;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    cost += std::pow(targets[i].standardized_error(values[i]), 2);
  }
  return cost;
}

}  // namespace

std::expected<std::vector<CalibratedKey>, std::string> calibration_keys(const RawScenario& raw,
                                                                        const std::vector<std::string>& keys) {
  std::vector<CalibratedKey> calibrated;
  for (const std::string& key : keys) {
    for (const CalibratedKey& earlier : calibrated) {
      if (earlier.key == key) {
        return std::unexpected(key + ": given twice");
      }
    }
    auto one = calibrated_key(raw, key);
    if (!one) {
      return std::unexpected(one.error());
    }
    calibrated.push_back(*one);
  }
  return calibrated;
}

Calibration calibrate_scenario(const RawScenario& raw, const ReadFile& read, std::vector<CalibratedKey> keys,
                               const std::vector<CalibrationTarget>& targets, const std::string& targets_path) {
  Calibration calibration;
  calibration.keys = std::move(keys);
  Eigen::VectorXd start(static_cast<Eigen::Index>(calibration.keys.size()));
  std::vector<Bound> bounds;
  for (const CalibratedKey& key : calibration.keys) {
    start[static_cast<Eigen::Index>(bounds.size())] = key.initial;
    bounds.push_back(key.bound);
  }

  TargetEvaluator evaluator(raw, read, calibration.keys, targets);
  const std::vector<double> initial = evaluator.values(start);
  const Results& results = evaluator.results();
  for (const CalibrationTarget& target : targets) {
    if (row_of_year(results, target.year) < 0) {
      throw_input_error(targets_path, target.line, "year",
                        std::to_string(target.year) + " is not a report year of " + raw.name);
    }
  }
  calibration.initial_cost = cost_of(initial, targets);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const double relative_error = initial[i] / targets[i].value - 1.0;
    if (!std::isfinite(relative_error)) {  // a target so close to 0 that the error overflows
      throw_input_error(targets_path, targets[i].line, "value",
                        "the relative error of " + raw.name + "'s " + std::string(column_name(targets[i].variable)) +
                            " (" + format_number(initial[i]) + ") against " + format_number(targets[i].value) +
                            " is not finite; calibrate to targets of a size the variable can have");
    }
  }

  const LeastSquaresResult solved = minimize_bounded(
      [&](const Eigen::VectorXd& x, Eigen::VectorXd& residuals) {
        const std::vector<double> values = evaluator.values(x);
        for (std::size_t i = 0; i < targets.size(); ++i) {
          residuals[static_cast<Eigen::Index>(i)] = targets[i].standardized_error(values[i]);
        }
      },
      static_cast<int>(targets.size()), start, bounds);

  const std::vector<double> fitted = evaluator.values(solved.x);
  for (std::size_t i = 0; i < calibration.keys.size(); ++i) {
    calibration.keys[i].fitted = solved.x[static_cast<Eigen::Index>(i)];
  }
  for (std::size_t i = 0; i < targets.size(); ++i) {
    calibration.targets.push_back({targets[i], initial[i], fitted[i]});
  }
  calibration.cost = cost_of(fitted, targets);
  if (!std::isfinite(calibration.cost)) {
    throw InputError(targets_path + ": the calibration ended with an error that is not finite; nothing is written");
  }
  calibration.evaluations = solved.evaluations;
  calibration.converged = solved.converged;
  return calibration;
}

std::string calibration_csv(const Calibration& calibration) {
  std::string out = "key,initial,fitted,min,max\n";
  for (const CalibratedKey& key : calibration.keys) {
    out += key.key;
    for (double value : {key.initial, key.fitted, key.bound.lo, key.bound.hi}) {
      out += ',';
      out += std::isfinite(value) ? format_number(value) : "";
    }
    out += '\n';
  }
  return out;
}

std::string calibration_residuals_csv(const Calibration& calibration) {
  std::string out = "year,variable,target,initial,fitted,initial_relative_error,relative_error\n";
  for (const TargetFit& fit : calibration.targets) {
    out += std::to_string(fit.target.year);
    out += ',';
    out += column_name(fit.target.variable);
    for (double value :
         {fit.target.value, fit.initial, fit.fitted, fit.initial_relative_error(), fit.relative_error()}) {
      out += ',';
      out += format_number(value);
    }
    out += '\n';
  }
  return out;
}

std::string calibrated_scenario_text(const Calibration& calibration, const std::string& extends_path,
                                     const std::string& targets_path) {
  std::string out = "# Written by gapsim " GAPSIM_VERSION ": the keys below fitted to " + targets_path + ",\n";
  out += "# sum of squared relative errors " + format_number(calibration.initial_cost) + " before, " +
         format_number(calibration.cost) + " after.\n";
  out += "extends = " + extends_path + "\n";
  std::map<std::string, std::string> sections;  // section -> its lines, sorted by section
  for (const CalibratedKey& key : calibration.keys) {
    const std::size_t dot = key.key.rfind('.');
    sections[key.key.substr(0, dot)] += key.key.substr(dot + 1) + " = " + format_number(key.fitted) +
                                        "  # calibrated (was " + format_number(key.initial) + ")\n";
  }
  for (const auto& [section, lines] : sections) {
    out += "\n[" + section + "]\n" + lines;
  }
  return out;
}

std::string calibration_summary_text(const Calibration& calibration) {
  std::string out;
  for (const CalibratedKey& key : calibration.keys) {
    out += key.key + ": " + format_number(key.initial) + " -> " + format_number(key.fitted) + "\n";
  }
  out += "sum of squared relative errors: " + format_number(calibration.initial_cost) + " -> " +
         format_number(calibration.cost) + " (" + std::to_string(calibration.evaluations) + " runs" +
         (calibration.converged ? "" : ", not converged") + ")\n";
  return out;
}

}  // namespace gapsim
