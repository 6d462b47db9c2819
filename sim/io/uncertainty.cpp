// Parsing and checking of uncertainty declarations.
#include "io/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "fit/fitted_trend.hpp"
#include "io/input_error.hpp"
#include "io/key_schema.hpp"
#include "io/number_format.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

constexpr double k_min_beta_shape = 1e-3;
constexpr double k_max_beta_shape = 1e6;
// The narrowest truncation window, in sd (of the log for a lognormal), that still holds a mass
// double precision can tell from 0 everywhere within 30 sd of the centre.
constexpr double k_min_window_sd = 1e-9;

constexpr std::string_view k_section = "uncertain.";
constexpr const char* k_forms =
    "uniform(a, b), normal(mean, sd[, lo, hi]), lognormal(mu, sigma[, lo, hi]), "
    "triangular(min, mode, max), beta(alpha, beta[, min, max]) or choice(v1, v2, ...)";

// A number, or inf / -inf where `infinite_ok`.
std::optional<double> argument(std::string_view text, bool infinite_ok) {
  if (infinite_ok && (text == "inf" || text == "+inf")) {
    return Distribution::k_infinity;
  }
  if (infinite_ok && text == "-inf") {
    return -Distribution::k_infinity;
  }
  return parse_number(text);
}

std::expected<Distribution, std::string> parse_choice(const std::vector<std::string_view>& args) {
  std::vector<double> values;
  std::vector<double> weights;
  const bool weighted = args.front().find(':') != std::string_view::npos;
  for (std::string_view arg : args) {
    const std::size_t colon = arg.find(':');
    if ((colon != std::string_view::npos) != weighted) {
      return std::unexpected("give a weight to every value of a choice or to none");
    }
    const auto value = parse_number(arg.substr(0, colon));
    const auto weight =
        weighted ? parse_number(arg.substr(colon + 1)) : std::optional<double>(1.0 / static_cast<double>(args.size()));
    if (!value || !weight) {
      return std::unexpected(quoted(arg) + " is not a number" + (weighted ? " with a weight (VALUE:WEIGHT)" : ""));
    }
    if (!(*weight > 0.0)) {
      return std::unexpected("choice weights must be > 0");
    }
    values.push_back(*value);
    weights.push_back(*weight);
  }
  double total = 0.0;
  for (double w : weights) {
    total += w;
  }
  if (std::abs(total - 1.0) > 1e-9) {
    return std::unexpected("choice weights add up to " + format_number(total) + ", not 1");
  }
  return Distribution::choice(std::move(values), std::move(weights));
}

// "the lower bound 3 is not below the upper bound 1", or "" when lo < hi.
std::string bounds_problem(double lo, double hi) {
  return lo < hi ? "" : "the lower bound " + format_number(lo) + " is not below the upper bound " + format_number(hi);
}

}  // namespace

std::expected<Distribution, std::string> parse_distribution(std::string_view text) {
  text = trim(text);
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos || text.back() != ')') {
    return std::unexpected(quoted(text) + " is not a distribution (expected " + k_forms + ")");
  }
  const std::string name(trim(text.substr(0, open)));
  const std::vector<std::string_view> args = split_at_commas(text.substr(open + 1, text.size() - open - 2));
  if (name == "choice") {
    return parse_choice(args);
  }
  struct Form {
    const char* name;
    std::size_t required;
    std::size_t optional;
  };
  static constexpr Form k_known[] = {
      {"uniform", 2, 0}, {"normal", 2, 2}, {"lognormal", 2, 2}, {"triangular", 3, 0}, {"beta", 2, 2}};
  const Form* form = nullptr;
  for (const Form& known : k_known) {
    form = name == known.name ? &known : form;
  }
  if (form == nullptr) {
    return std::unexpected("unknown distribution '" + name + "' (expected " + k_forms + ")");
  }
  if (args.size() != form->required && args.size() != form->required + form->optional) {
    return std::unexpected(name + " takes " + std::to_string(form->required) +
                           (form->optional ? " or " + std::to_string(form->required + form->optional) : std::string()) +
                           " numbers, not " + std::to_string(args.size()));
  }
  std::vector<double> x;
  for (std::size_t i = 0; i < args.size(); ++i) {
    // Truncation bounds of normal and lognormal may be infinite.
    const bool bound = i >= 2 && (name == "normal" || name == "lognormal");
    const auto value = argument(args[i], bound);
    if (!value) {
      return std::unexpected(quoted(args[i]) + " is not a number");
    }
    x.push_back(*value);
  }
  const bool bounded = x.size() == 4;
  if (name == "uniform") {
    if (std::string problem = bounds_problem(x[0], x[1]); !problem.empty()) {
      return std::unexpected(std::move(problem));
    }
    return Distribution::uniform(x[0], x[1]);
  }
  if (name == "triangular") {
    if (!(x[0] <= x[1] && x[1] <= x[2] && x[0] < x[2])) {
      return std::unexpected("triangular needs min <= mode <= max with min < max");
    }
    return Distribution::triangular(x[0], x[1], x[2]);
  }
  if (name == "beta") {
    // Shapes outside [0.001, 1e6] describe nothing an input could be (beta(1e6, 1e6) has a
    // standard deviation of 0.0004; beta(1e-300, 1e-300) puts all but 1e-300 of its mass on the
    // two ends), and there Boost's inverse incomplete beta takes minutes or gives no number.
    const auto shape_ok = [](double shape) { return shape >= k_min_beta_shape && shape <= k_max_beta_shape; };
    if (!(shape_ok(x[0]) && shape_ok(x[1]))) {
      return std::unexpected("beta needs alpha and beta between 0.001 and 1e6");
    }
    if (!bounded) {
      return Distribution::beta(x[0], x[1]);
    }
    if (std::string problem = bounds_problem(x[2], x[3]); !problem.empty()) {
      return std::unexpected(std::move(problem));
    }
    return Distribution::beta(x[0], x[1], x[2], x[3]);
  }
  const bool normal = name == "normal";
  if (!(x[1] > 0.0)) {
    return std::unexpected(normal ? "normal needs sd > 0" : "lognormal needs sigma > 0");
  }
  const double lo = bounded ? x[2] : (normal ? -Distribution::k_infinity : 0.0);
  const double hi = bounded ? x[3] : Distribution::k_infinity;
  if (std::string problem = bounds_problem(lo, hi); !problem.empty()) {
    return std::unexpected(std::move(problem));
  }
  if (!normal && lo < 0.0) {
    return std::unexpected("a lognormal cannot be truncated below 0");
  }
  // The truncation window must hold some probability, or nothing can be drawn.
  const Distribution whole = normal ? Distribution::normal(x[0], x[1]) : Distribution::lognormal(x[0], x[1]);
  const double z_lo =
      normal ? (lo - x[0]) / x[1] : (lo > 0.0 ? (std::log(lo) - x[0]) / x[1] : -Distribution::k_infinity);
  const double z_hi = normal ? (hi - x[0]) / x[1] : (std::log(hi) - x[0]) / x[1];
  const std::string window = "the window [" + format_number(lo) + ", " + format_number(hi) + "]";
  if (z_lo > 30.0 || z_hi < -30.0) {
    return std::unexpected(window + " is more than 30 sd from the centre of " + whole.text() +
                           " and holds no probability");
  }
  // A window a sliver of one sd wide holds a mass that rounds to 0 in double precision.
  if (!(z_hi - z_lo >= k_min_window_sd)) {
    return std::unexpected(window + " is narrower than 1e-9 sd of " + whole.text() +
                           " and holds no probability; declare a uniform over it instead");
  }
  return normal ? Distribution::normal(x[0], x[1], lo, hi) : Distribution::lognormal(x[0], x[1], lo, hi);
}

namespace {

// Position of `file` in the extends chain, bases first.
std::size_t chain_position(const RawScenario& raw, const std::string& file) {
  return static_cast<std::size_t>(std::find(raw.files.begin(), raw.files.end(), file) - raw.files.begin());
}

}  // namespace

std::vector<OverriddenDeclaration> overridden_declarations(const RawScenario& raw) {
  std::vector<OverriddenDeclaration> overridden;
  for (const auto& [setting_key, setting] : raw.settings) {
    if (!setting_key.starts_with(k_section) || setting.value == "none") {
      continue;
    }
    const std::string label = setting_key.substr(k_section.size());
    const std::string key = label.substr(0, label.find('@'));
    const auto value = raw.settings.find(key);
    if (value != raw.settings.end() && chain_position(raw, value->second.file) > chain_position(raw, setting.file)) {
      overridden.push_back({label, setting, value->second});
    }
  }
  return overridden;
}

std::string overridden_declaration_text(const OverriddenDeclaration& overridden) {
  const std::string key = overridden.label.substr(0, overridden.label.find('@'));
  return overridden.value.file + ":" + std::to_string(overridden.value.line) + ": " + key + " = " +
         overridden.value.value + " overrides the uncertain declaration of " + overridden.label + " at " +
         overridden.declaration.file + ":" + std::to_string(overridden.declaration.line) +
         "; the runs use this value (declare it again in this file to keep it uncertain)";
}

std::vector<UncertainInput> read_uncertain_inputs(const RawScenario& raw, const BuiltScenario& base) {
  std::vector<UncertainInput> inputs;
  std::vector<std::string> dropped;
  for (const OverriddenDeclaration& overridden : overridden_declarations(raw)) {
    dropped.push_back(std::string(k_section) + overridden.label);
  }
  const bool fitted = dynamic_cast<const FittedTrend*>(base.config.attack.get()) != nullptr;
  UncertainInput path{{std::string(k_attack_path_label), std::nullopt, std::string(k_attack_path_label)},
                      *parse_distribution("uniform(0, 1)"),
                      "",
                      0,
                      true};
  bool with_path = fitted;
  for (const auto& [setting_key, setting] : raw.settings) {
    if (!setting_key.starts_with(k_section)) {
      continue;
    }
    if (setting_key.substr(k_section.size()) == k_attack_path_label) {
      if (setting.value != "predictive" && setting.value != "none") {
        throw_input_error(setting.file, setting.line, setting_key,
                          "'" + setting.value + "' is neither predictive (draw the path) nor none");
      }
      if (setting.value == "predictive" && !fitted) {
        throw_input_error(setting.file, setting.line, setting_key,
                          "a path can be drawn only from a fitted trend (attack.trend = fit)");
      }
      with_path = fitted && setting.value == "predictive";
      path.file = setting.file;
      path.line = setting.line;
      continue;
    }
    if (setting.value == "none" || std::find(dropped.begin(), dropped.end(), setting_key) != dropped.end()) {
      continue;  // a later file drops a declaration it inherited, or sets the value itself
    }
    const auto fail = [&](const std::string& what) {
      throw_input_error(setting.file, setting.line, setting_key, what);
    };
    const auto varied = checked_varied_key(raw, base, setting_key.substr(k_section.size()));
    if (!varied) {
      fail(varied.error());
    }
    const auto distribution = parse_distribution(setting.value);
    if (!distribution) {
      fail(distribution.error());
    }
    const KeySpec& spec = *find_key_spec(varied->key);
    if (spec.type == KeyType::integer) {
      if (distribution->kind() != DistributionKind::choice) {
        fail("'" + varied->key + "' is a whole number; declare it as choice(...) of whole numbers");
      }
      for (double value : distribution->choice_values()) {
        if (value != std::round(value)) {
          fail("'" + varied->key + "' is a whole number, and " + format_number(value) + " is not");
        }
      }
    }
    // Every value the distribution can produce must be valid for the key.
    const double lower = distribution->lower();
    const double upper = distribution->upper();
    const bool continuous = distribution->kind() != DistributionKind::choice;
    const bool below = continuous ? lower < spec.min : !in_range(spec, lower);
    const bool above = upper > spec.max || (!continuous && !in_range(spec, upper));
    if (below || above) {
      const bool truncatable =
          distribution->kind() == DistributionKind::normal || distribution->kind() == DistributionKind::lognormal;
      fail(distribution->text() + " can produce " + format_number(below ? lower : upper) +
           ", outside the key's range (" + range_text(spec) + ")" +
           (truncatable ? "; truncate it with two more numbers, lo and hi" : ""));
    }
    inputs.push_back({*varied, *distribution, setting.file, setting.line});
  }
  if (with_path) {
    for (const UncertainInput& input : inputs) {
      if (input.key.key.starts_with("attack.")) {  // the path is drawn from the fit as written
        throw_input_error(input.file, input.line, "uncertain." + input.key.label,
                          "cannot vary together with the fitted attack path; declare attack.path = none");
      }
    }
    inputs.push_back(std::move(path));
  }
  return inputs;
}

std::vector<VariedKey> varied_keys(const std::vector<UncertainInput>& inputs) {
  std::vector<VariedKey> keys;
  for (const UncertainInput& input : inputs) {
    if (!input.attack_path) {
      keys.push_back(input.key);
    }
  }
  return keys;
}

}  // namespace gapsim
