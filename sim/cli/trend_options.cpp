// Options and terminal output shared by the trend commands.
#include "cli/trend_options.hpp"

#include <iostream>

#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "cli/plot_options.hpp"
#include "cli/usage_error.hpp"
#include "io/key_schema.hpp"
#include "io/number_format.hpp"
#include "io/series_csv.hpp"
#include "io/trend_csv.hpp"

namespace gapsim {

namespace po = boost::program_options;

namespace {

// k_trend_choice_names with `separator` between the names.
std::string trend_choice_list(std::string_view separator) {
  std::string names;
  for (char c : k_trend_choice_names) {
    names += c == '|' ? separator : std::string_view(&c, 1);
  }
  return names;
}

}  // namespace

void add_trend_options(po::options_description& options, const char* default_dir) {
  const std::string model_help = trend_choice_list(", ");  // spaces let --help wrap it
  options.add_options()("column", po::value<std::string>()->default_value("packets_billion"), "data column to fit")(
      "model", po::value<std::string>()->default_value("auto"), model_help.c_str())(
      "criterion", po::value<std::string>()->default_value("aicc"),
      "information criterion for criterion-best and ensemble weights: aic|aicc|bic")(
      "output,o", po::value<std::string>()->default_value(default_dir), "output directory");
  add_plot_options(options);
}

TrendInput read_trend_input(const po::variables_map& vm, const char* usage) {
  TrendInput input;
  input.path = option_values(vm, "data", std::string("expected exactly one DATA.csv\n") + usage, 1, 1).front();
  const auto choice = parse_trend_choice(vm["model"].as<std::string>());
  if (!choice) {
    throw UsageError("--model: '" + vm["model"].as<std::string>() + "' is not one of " + trend_choice_list(","));
  }
  input.choice = *choice;
  const auto criterion = parse_criterion(vm["criterion"].as<std::string>());
  if (!criterion) {
    throw UsageError("--criterion: '" + vm["criterion"].as<std::string>() + "' is not one of aic,aicc,bic");
  }
  input.criterion = *criterion;
  input.column = vm["column"].as<std::string>();
  input.series = read_yearly_series(read_input_file(input.path), input.path, input.column, SeriesValues::positive);
  for (const auto& [year, value] : input.series) {
    input.years.push_back(year);
    input.values.push_back(value);
  }
  return input;
}

int year_option(const po::variables_map& vm, const char* name, const TrendInput& input) {
  const int year = vm[name].as<int>();
  const std::string option = std::string("--") + name + " " + std::to_string(year);
  if (year < k_min_year || year > k_max_year) {
    throw UsageError(option + " is outside " + std::to_string(k_min_year) + "-" + std::to_string(k_max_year));
  }
  if (year < input.series.front().first) {
    throw UsageError(option + " is before the first year of " + input.path);
  }
  return year;
}

void print_fits(const TrendForecast& forecast, Criterion criterion, std::string_view method) {
  const auto weights = criterion_weights(forecast.fits(), criterion);
  for (std::size_t i = 0; i < forecast.fits().size(); ++i) {
    const TrendFit& fit = forecast.fits()[i];
    std::cout << "  " << trend_model_name(fit.model) << ": " << fit_status_name(fit.status);
    if (fit.usable()) {
      std::cout << ", " << criterion_name(criterion) << " weight " << format_number(weights[i]);
    }
    std::cout << "\n";
  }
  std::cout << "projection uses: " << method << "\n";
}

}  // namespace gapsim

namespace gapsim {

void print_rolling_summary(const RollingEvaluation& evaluation, std::size_t picked) {
  std::cout << evaluation.slots << " held-out (origin, year) pairs; all horizons:\n";
  for (std::size_t m = 0; m < evaluation.methods.size(); ++m) {
    const RollingSummary& s = evaluation.overall(m);
    std::cout << "  " << trend_choice_name(evaluation.methods[m]) << ": " << s.count << " scored";
    if (s.count > 0) {
      std::cout << ", mean CRPS " << format_number(s.mean_crps) << ", rms log error " << format_number(s.rms_log_error)
                << ", inside 50/80/95%: " << format_number(s.coverage[0]) << " / " << format_number(s.coverage[1])
                << " / " << format_number(s.coverage[2]) << " (widened by earlier origins "
                << format_number(s.calibrated_coverage[0]) << " / " << format_number(s.calibrated_coverage[1]) << " / "
                << format_number(s.calibrated_coverage[2]) << ")";
    }
    std::cout << "\n";
  }
  std::cout << "auto picks: " << trend_choice_name(evaluation.methods[picked])
            << " (lowest mean CRPS among the methods scored at every origin)\n";
}

std::string selection_text(const SelectedForecast& selected, TrendChoice choice) {
  std::string text(trend_choice_name(selected.method));
  if (choice.kind == TrendChoice::Kind::skill_best) {
    text += selected.skill_based ? " (lowest mean rolling-origin CRPS)"
                                 : " (fewer than " + std::to_string(k_skill_selection_rows) + " rows: by criterion)";
  }
  if (choice.kind == TrendChoice::Kind::skill_weights && !selected.skill_based) {
    text += " (fewer than " + std::to_string(k_skill_selection_rows) + " rows: criterion weights)";
  }
  if (selected.widening > 1.0) {
    text += "; intervals widened by " + format_number(selected.widening) + " to their out-of-sample coverage";
  }
  return text;
}

}  // namespace gapsim
