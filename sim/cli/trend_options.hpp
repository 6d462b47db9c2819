// What `gapsim fit` and `gapsim backtest` share: the trend options, the yearly series they
// read, and the lines they print about the fitted models.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <utility>
#include <vector>

#include "fit/skill_selection.hpp"
#include "fit/trend_fit.hpp"
#include "fit/trend_forecast.hpp"
#include "io/input_error.hpp"

namespace gapsim {

// Adds --column, --model, --criterion and -o (defaulting to `default_dir`).
void add_trend_options(boost::program_options::options_description& options, const char* default_dir);

struct TrendInput {
  std::string path;
  std::string column;
  std::vector<std::pair<double, double>> series;  // (year, value)
  std::vector<double> years;
  std::vector<double> values;
  TrendChoice choice;
  Criterion criterion = Criterion::aicc;
};

// The one DATA.csv argument's column and the model options. Throws UsageError (with `usage`)
// for bad options, and the reader's errors for a bad file.
TrendInput read_trend_input(const boost::program_options::variables_map& vm, const char* usage);

// The year option `name`, which must lie in k_min_year..k_max_year and not before the first
// data year of `input`; throws UsageError naming the option otherwise.
int year_option(const boost::program_options::variables_map& vm, const char* name, const TrendInput& input);

// `fit()` (fitting or forecasting `input`), its TrendFitError turned into an InputError that
// names the data file and column.
template <class Fit>
auto with_data_location(const TrendInput& input, Fit&& fit) -> decltype(fit()) {
  try {
    return fit();
  } catch (const TrendFitError& error) {
    throw InputError(input.path + ": column " + input.column + ": " + error.what());
  }
}

// A line per model for the terminal: status, criterion and weight; then `method`, what the
// projection uses.
void print_fits(const TrendForecast& forecast, Criterion criterion, std::string_view method);

// A line per method with its all-horizon scores (mean CRPS, rms log error, coverage before
// and after widening), then the method auto picks (`picked`).
void print_rolling_summary(const RollingEvaluation& evaluation, std::size_t picked);

// What a selected forecast uses and, for a skill-based `choice`, on what grounds.
std::string selection_text(const SelectedForecast& selected, TrendChoice choice);

}  // namespace gapsim
