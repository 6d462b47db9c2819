// `gapsim backtest`: fit the trend models up to a year, project the later years and score
// the projection against them; or, with --rolling, do so from every origin in turn.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "cli/plot_options.hpp"
#include "cli/trend_options.hpp"
#include "cli/usage_error.hpp"
#include "fit/backtest.hpp"
#include "fit/rolling_origin.hpp"
#include "fit/skill_selection.hpp"
#include "io/manifest.hpp"
#include "io/number_format.hpp"
#include "io/scenario_loader.hpp"
#include "io/trend_csv.hpp"

namespace gapsim {
namespace {

namespace po = boost::program_options;

constexpr const char* k_backtest_usage =
    "usage: gapsim backtest DATA.csv --until YEAR [--column NAME] [--model MODEL]\n"
    "                       [--criterion aic|aicc|bic] [-o DIR]\n"
    "       gapsim backtest DATA.csv --rolling [--horizons H] [--column NAME]\n"
    "                       [--criterion aic|aicc|bic] [-o DIR]\n"
    "--until: fits on the years up to and including YEAR, projects the later years and writes\n"
    "DIR/backtest.csv (per-year errors and interval hits), DIR/backtest_summary.csv (MAPE,\n"
    "mean log error, interval coverage), DIR/fit_parameters.csv, DIR/fit_projection.csv and\n"
    "DIR/fit_models.csv (as fit writes them, over the data's years) and DIR/manifest.\n"
    "--rolling: fits every model on the first 6, 7, ... rows, scores each model and\n"
    "combination on the next H (default 5) years that have data, and writes\n"
    "DIR/rolling_origin.csv (every forecast: median, intervals, hits, CRPS, interval scores),\n"
    "DIR/rolling_summary.csv (per method and horizon: mean CRPS, coverage before and after\n"
    "widening; auto marks the method --model auto picks) and DIR/manifest.\n"
    "Both also write their figures and DIR/report.html, unless --no-plots.";

int rolling_backtest(const po::variables_map& vm, const TrendInput& input, const std::vector<std::string>& args) {
  const int horizons = vm["horizons"].as<int>();
  if (horizons < 1 || horizons > 50) {
    throw UsageError("--horizons " + std::to_string(horizons) + " is outside 1-50");
  }
  const auto [evaluation, picked] = with_data_location(input, [&] {
    RollingEvaluation result =
        evaluate_rolling_origin(input.years, input.values, {.max_horizon = horizons, .criterion = input.criterion});
    const std::size_t best = best_skill_method(result, fit_all_trends(input.years, input.values));
    return std::pair(std::move(result), best);
  });
  print_rolling_summary(evaluation, picked);
  const std::string dir = vm["output"].as<std::string>();
  write_output_files(dir, {{"rolling_origin.csv", rolling_origin_csv(evaluation)},
                           {"rolling_summary.csv", rolling_summary_csv(evaluation, picked)},
                           {"manifest", command_manifest_text("backtest", args, {input.path}, read_disk_file)}});
  return plot_after_command(vm, dir, "", "");
}

}  // namespace

int backtest_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  add_trend_options(options, "output/backtest");
  options.add_options()("until", po::value<int>(), "last year the fit may see")(
      "rolling", po::bool_switch(), "score forecasts from every origin (time-series cross-validation)")(
      "horizons", po::value<int>()->default_value(k_default_max_horizon), "with --rolling: years ahead to score");
  const auto vm = parse_command_line(args, k_backtest_usage, options, "data");
  if (!vm) {
    return k_exit_success;
  }
  const bool rolling = (*vm)["rolling"].as<bool>();
  if (rolling == (vm->count("until") > 0)) {
    throw UsageError(std::string("give exactly one of --until YEAR and --rolling\n") + k_backtest_usage);
  }
  const TrendInput input = read_trend_input(*vm, k_backtest_usage);
  if (rolling) {
    return rolling_backtest(*vm, input, args);
  }
  const int until = year_option(*vm, "until", input);
  const Backtest backtest = with_data_location(
      input, [&] { return run_backtest(input.years, input.values, until, input.choice, input.criterion); });
  print_fits(backtest.forecast, input.criterion, forecast_model_name(backtest.forecast));
  const BacktestSummary& s = backtest.summary;
  std::cout << "held-out years " << s.held_out << ": MAPE " << format_number(100.0 * s.mape) << "%, mean log error "
            << format_number(s.mean_log_error) << ", inside 50/80/95%: " << format_number(s.coverage[0]) << " / "
            << format_number(s.coverage[1]) << " / " << format_number(s.coverage[2]) << "\n";
  const std::string dir = (*vm)["output"].as<std::string>();
  const int last_year = static_cast<int>(input.years.back());
  write_output_files(
      dir, {{"backtest.csv", backtest_csv(backtest)},
            {"backtest_summary.csv", backtest_summary_csv(backtest, (*vm)["model"].as<std::string>(), until)},
            {"fit_parameters.csv", fit_parameters_csv(backtest.forecast)},
            {"fit_projection.csv", fit_projection_csv(backtest.forecast, input.series, last_year)},
            {"fit_models.csv", fit_models_csv(backtest.forecast, input.column, input.series, until, last_year)},
            {"manifest", command_manifest_text("backtest", args, {input.path}, read_disk_file)}});
  return plot_after_command(*vm, dir, "", "");
}

}  // namespace gapsim
