// `gapsim fit` and `gapsim backtest`: read a yearly series, fit the trend models, and write
// the parameters, the projection with its intervals, or the back-test scores.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "fit/backtest.hpp"
#include "io/manifest.hpp"
#include "io/number_format.hpp"
#include "io/scenario_loader.hpp"
#include "io/series_csv.hpp"
#include "io/trend_csv.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_fit_usage =
    "usage: gapsim fit DATA.csv [--column NAME] [--model MODEL] [--criterion aic|aicc|bic]\n"
    "                  [--until YEAR] [--to YEAR] [-o DIR]\n"
    "Fits exponential, logistic, Gompertz and damped trends to the column of a yearly CSV\n"
    "(log scale) and writes DIR/fit_parameters.csv, DIR/fit_projection.csv (median and\n"
    "50/80/95% prediction intervals), DIR/fit_residuals.csv and DIR/manifest.\n"
    "MODEL: exponential|logistic|gompertz|damped, auto (lowest criterion) or ensemble\n"
    "(criterion-weighted mixture).";

constexpr const char* k_backtest_usage =
    "usage: gapsim backtest DATA.csv --until YEAR [--column NAME] [--model MODEL]\n"
    "                       [--criterion aic|aicc|bic] [-o DIR]\n"
    "Fits on the years up to and including YEAR, projects the later years and writes\n"
    "DIR/backtest.csv (per-year errors and interval hits), DIR/backtest_summary.csv (MAPE,\n"
    "mean log error, interval coverage), DIR/fit_parameters.csv and DIR/manifest.";

// Options both commands take.
void add_trend_options(po::options_description& options, const char* default_dir) {
  options.add_options()
      ("column", po::value<std::string>()->default_value("packets_billion"), "data column to fit")
      ("model", po::value<std::string>()->default_value("auto"),
       "exponential|logistic|gompertz|damped|auto|ensemble")
      ("criterion", po::value<std::string>()->default_value("aicc"),
       "information criterion for auto and ensemble weights: aic|aicc|bic")
      ("output,o", po::value<std::string>()->default_value(default_dir), "output directory");
}

struct TrendInput {
  std::string path;
  std::vector<std::pair<double, double>> series;
  std::vector<double> years;
  std::vector<double> values;
  TrendChoice choice;
  Criterion criterion = Criterion::aicc;
};

// The data series and the model options. Throws po::error for bad options.
TrendInput read_trend_input(const po::variables_map& vm, const char* usage) {
  if (!vm.count("data") || vm["data"].as<std::vector<std::string>>().size() != 1) {
    throw po::error(std::string("expected exactly one DATA.csv\n") + usage);
  }
  TrendInput input;
  input.path = vm["data"].as<std::vector<std::string>>()[0];
  const auto choice = parse_trend_choice(vm["model"].as<std::string>());
  if (!choice) {
    throw po::error("--model: '" + vm["model"].as<std::string>() +
                    "' is not one of exponential,logistic,gompertz,damped,auto,ensemble");
  }
  input.choice = *choice;
  const auto criterion = parse_criterion(vm["criterion"].as<std::string>());
  if (!criterion) {
    throw po::error("--criterion: '" + vm["criterion"].as<std::string>() + "' is not one of aic,aicc,bic");
  }
  input.criterion = *criterion;
  const auto text = read_disk_file(input.path);
  if (!text) {
    throw std::runtime_error(input.path + ": cannot read the file");
  }
  input.series = read_yearly_series(*text, input.path, vm["column"].as<std::string>(), SeriesValues::positive);
  for (const auto& [year, value] : input.series) {
    input.years.push_back(year);
    input.values.push_back(value);
  }
  return input;
}

// A line per model for the terminal: status, criterion and weight.
void print_fits(const TrendForecast& forecast, Criterion criterion) {
  const auto weights = criterion_weights(forecast.fits(), criterion);
  for (std::size_t i = 0; i < forecast.fits().size(); ++i) {
    const TrendFit& fit = forecast.fits()[i];
    std::cout << "  " << trend_model_name(fit.model) << ": " << fit_status_name(fit.status);
    if (fit.usable()) {
      std::cout << ", " << criterion_name(criterion) << " weight " << format_number(weights[i]);
    }
    std::cout << "\n";
  }
  std::cout << "projection uses: " << forecast_model_name(forecast) << "\n";
}

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
    const int until = (*vm)["until"].as<int>();
    fitted = std::count_if(input.years.begin(), input.years.end(), [&](double y) { return y <= until; });
    if (fitted == 0) {
      throw po::error("--until " + std::to_string(until) + " is before the first year of " + input.path);
    }
  }
  const TrendForecast forecast = make_forecast(
      fit_all_trends(std::span(input.years).first(fitted), std::span(input.values).first(fitted)), input.choice,
      input.criterion);
  print_fits(forecast, input.criterion);
  const std::string dir = (*vm)["output"].as<std::string>();
  write_output_files(dir, {{"fit_parameters.csv", fit_parameters_csv(forecast)},
                      {"fit_projection.csv", fit_projection_csv(forecast, input.series, (*vm)["to"].as<int>())},
                      {"fit_residuals.csv", fit_residuals_csv(forecast, input.values)},
                      {"manifest", command_manifest_text("fit", args, {input.path}, read_disk_file)}});
  return k_exit_success;
}

int backtest_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  add_trend_options(options, "output/backtest");
  options.add_options()("until", po::value<int>()->required(), "last year the fit may see");
  const auto vm = parse_command_line(args, k_backtest_usage, options, "data");
  if (!vm) {
    return k_exit_success;
  }
  const TrendInput input = read_trend_input(*vm, k_backtest_usage);
  const int until = (*vm)["until"].as<int>();
  const Backtest backtest = run_backtest(input.years, input.values, until, input.choice, input.criterion);
  print_fits(backtest.forecast, input.criterion);
  const BacktestSummary& s = backtest.summary;
  std::cout << "held-out years " << s.held_out << ": MAPE " << format_number(100.0 * s.mape)
            << "%, mean log error " << format_number(s.mean_log_error) << ", inside 50/80/95%: "
            << format_number(s.coverage[0]) << " / " << format_number(s.coverage[1]) << " / "
            << format_number(s.coverage[2]) << "\n";
  const std::string dir = (*vm)["output"].as<std::string>();
  write_output_files(dir, {{"backtest.csv", backtest_csv(backtest)},
                      {"backtest_summary.csv",
                       backtest_summary_csv(backtest, (*vm)["model"].as<std::string>(), until)},
                      {"fit_parameters.csv", fit_parameters_csv(backtest.forecast)},
                      {"manifest", command_manifest_text("backtest", args, {input.path}, read_disk_file)}});
  return k_exit_success;
}

}  // namespace gapsim
