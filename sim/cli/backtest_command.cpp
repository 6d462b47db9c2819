// `gapsim backtest`: fit the trend models up to a year, project the later years and score
// the projection against them.
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "cli/trend_options.hpp"
#include "fit/backtest.hpp"
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
    "Fits on the years up to and including YEAR, projects the later years and writes\n"
    "DIR/backtest.csv (per-year errors and interval hits), DIR/backtest_summary.csv (MAPE,\n"
    "mean log error, interval coverage), DIR/fit_parameters.csv and DIR/manifest.";

}  // namespace

int backtest_command(const std::vector<std::string>& args) {
  po::options_description options("options");
  add_trend_options(options, "output/backtest");
  options.add_options()("until", po::value<int>()->required(), "last year the fit may see");
  const auto vm = parse_command_line(args, k_backtest_usage, options, "data");
  if (!vm) {
    return k_exit_success;
  }
  const TrendInput input = read_trend_input(*vm, k_backtest_usage);
  const int until = year_option(*vm, "until", input);
  const Backtest backtest = with_data_location(
      input, [&] { return run_backtest(input.years, input.values, until, input.choice, input.criterion); });
  print_fits(backtest.forecast, input.criterion, forecast_model_name(backtest.forecast));
  const BacktestSummary& s = backtest.summary;
  std::cout << "held-out years " << s.held_out << ": MAPE " << format_number(100.0 * s.mape) << "%, mean log error "
            << format_number(s.mean_log_error) << ", inside 50/80/95%: " << format_number(s.coverage[0]) << " / "
            << format_number(s.coverage[1]) << " / " << format_number(s.coverage[2]) << "\n";
  const std::string dir = (*vm)["output"].as<std::string>();
  write_output_files(dir,
                     {{"backtest.csv", backtest_csv(backtest)},
                      {"backtest_summary.csv", backtest_summary_csv(backtest, (*vm)["model"].as<std::string>(), until)},
                      {"fit_parameters.csv", fit_parameters_csv(backtest.forecast)},
                      {"manifest", command_manifest_text("backtest", args, {input.path}, read_disk_file)}});
  return k_exit_success;
}

}  // namespace gapsim
