// `gapsim fit`: fit the trend models to a yearly series and write the parameters, the
// projection with its prediction intervals, and the residuals.
#include <algorithm>
#include <span>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "cli/plot_options.hpp"
#include "cli/trend_options.hpp"
#include "cli/usage_error.hpp"
#include "fit/skill_selection.hpp"
#include "io/manifest.hpp"
#include "io/scenario_loader.hpp"
#include "io/trend_csv.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_fit_usage =
    "usage: gapsim fit DATA.csv [--column NAME] [--model MODEL] [--criterion aic|aicc|bic]\n"
    "                  [--until YEAR] [--to YEAR] [-o DIR]\n"
    "Fits exponential, logistic, Gompertz and damped trends to the column of a yearly CSV\n"
    "(log scale) and writes DIR/fit_parameters.csv, DIR/fit_projection.csv (median and\n"
    "50/80/95% prediction intervals), DIR/fit_residuals.csv, DIR/fit_models.csv (each model's\n"
    "median), DIR/manifest, and the figure and DIR/report.html (unless --no-plots).\n"
    "MODEL: exponential|logistic|gompertz|damped; auto (the model or mixture with the lowest\n"
    "mean rolling-origin CRPS, see backtest --rolling; criterion-best below 7 rows);\n"
    "criterion-best (lowest criterion); ensemble, equal-weights, skill-weights (mixtures with\n"
    "criterion, equal or 1/CRPS weights). Years (data rows, --until, --to) lie in 1900-2200; --until\n"
    "and --to not before the first data year. DATA.csv is a regular file of at most 16 MiB.";

}  // namespace

int fit_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  add_trend_options(options, "output/fit");
  options.add_options()("until", po::value<int>(), "fit only the years up to and including this one")(
      "to", po::value<int>()->default_value(2030), "last year of the projection");
  const auto vm = parse_command_line(args, k_fit_usage, options, "data");
  if (!vm) {
    return k_exit_success;
  }
  const TrendInput input = read_trend_input(*vm, k_fit_usage);
  std::size_t fitted = input.years.size();
  if (vm->count("until")) {
    const int until = year_option(*vm, "until", input);
    fitted = std::count_if(input.years.begin(), input.years.end(), [&](double y) { return y <= until; });
  }
  const int last_year = year_option(*vm, "to", input);
  const SelectedForecast selected = with_data_location(input, [&] {
    return select_forecast(std::span(input.years).first(fitted), std::span(input.values).first(fitted), input.choice,
                           input.criterion);
  });
  const TrendForecast& forecast = selected.forecast;
  print_fits(forecast, input.criterion, selection_text(selected, input.choice));
  const std::string dir = (*vm)["output"].as<std::string>();
  write_output_files(dir, {{"fit_parameters.csv", fit_parameters_csv(forecast)},
                           {"fit_projection.csv", fit_projection_csv(forecast, input.series, last_year)},
                           {"fit_residuals.csv", fit_residuals_csv(forecast, input.values)},
                           {"fit_models.csv",
                            fit_models_csv(forecast, input.column, input.series, input.years[fitted - 1], last_year)},
                           {"manifest", command_manifest_text("fit", args, {input.path}, read_disk_file)}});
  return plot_after_command(*vm, dir, "", "");
}

}  // namespace gapsim
