// Trend CSV text. Numbers use format_number so files read back exactly.
#include "io/trend_csv.hpp"

#include <algorithm>
#include <cmath>

#include "io/number_format.hpp"

namespace gapsim {
namespace {

std::string finite_or_empty(double value) { return std::isfinite(value) ? format_number(value) : ""; }

// Appends ",text". (Appending instead of "," + text also avoids GCC 12's false -Wrestrict
// on operator+(const char*, std::string&&), bug 105329.)
void add_cell(std::string& out, std::string_view text) {
  out += ',';
  out += text;
}

// The observed value in `year`, or "" when the series has none.
std::string observed_cell(std::span<const std::pair<double, double>> observed, int year) {
  const auto found =
      std::find_if(observed.begin(), observed.end(), [&](const auto& point) { return point.first == year; });
  return found != observed.end() ? format_number(found->second) : "";
}

// ",lo50,hi50,lo80,hi80,lo95,hi95"
std::string interval_header() {
  std::string out;
  for (double level : k_interval_levels) {
    const std::string percent = format_number(std::round(level * 100.0));
    add_cell(out, "lo" + percent);
    add_cell(out, "hi" + percent);
  }
  return out;
}

std::string interval_cells(const TrendForecast& forecast, double year) {
  std::string out;
  for (double level : k_interval_levels) {
    const Interval interval = forecast.interval(year, level);
    add_cell(out, format_number(interval.lo));
    add_cell(out, format_number(interval.hi));
  }
  return out;
}

// ",in50,in80,in95" style cells: `prefix` and each level in percent.
std::string level_header(std::string_view prefix) {
  std::string out;
  for (double level : k_interval_levels) {
    add_cell(out, std::string(prefix) + format_number(std::round(level * 100.0)));
  }
  return out;
}

}  // namespace

std::string forecast_model_name(const TrendForecast& forecast) {
  const TrendFit* fit = forecast.single_fit();
  return fit != nullptr ? std::string(trend_model_name(fit->model)) : "ensemble";
}

std::string fit_parameters_csv(const TrendForecast& forecast) {
  std::string out = "model,status,weight,points,origin";
  for (int p = 0; p < k_reported_parameter_count; ++p) {
    const std::string name(reported_parameter_name(static_cast<ReportedParameter>(p)));
    add_cell(out, name);
    add_cell(out, name + "_se");
  }
  out += ",sigma,log_likelihood,aic,aicc,bic,r_squared,durbin_watson,residual_lag1\n";
  for (std::size_t m = 0; m < forecast.fits().size(); ++m) {
    const TrendFit& fit = forecast.fits()[m];
    const bool estimated = fit.status == FitStatus::ok || fit.status == FitStatus::not_identified;
    out += trend_model_name(fit.model);
    add_cell(out, fit_status_name(fit.status));
    add_cell(out, format_number(forecast.weights()[m]));
    add_cell(out, std::to_string(fit.points));
    add_cell(out, format_number(fit.origin));
    const auto parameters = reported_parameters(fit.model);
    for (int p = 0; p < k_reported_parameter_count; ++p) {
      const auto found = std::find(parameters.begin(), parameters.end(), static_cast<ReportedParameter>(p));
      if (found == parameters.end() || !estimated) {
        out += ",,";
        continue;
      }
      const int i = static_cast<int>(found - parameters.begin());
      add_cell(out, finite_or_empty(fit.reported(i)));
      add_cell(out, finite_or_empty(fit.reported_se(i)));
    }
    for (double value : {fit.sigma, fit.log_likelihood, fit.aic, fit.aicc, fit.bic, fit.r_squared, fit.durbin_watson,
                         fit.residual_lag1}) {
      add_cell(out, estimated ? finite_or_empty(value) : std::string());
    }
    out += '\n';
  }
  return out;
}

std::string fit_projection_csv(const TrendForecast& forecast, std::span<const std::pair<double, double>> observed,
                               int last_year) {
  std::string out = "year,observed,fitted" + interval_header() + "\n";
  const int first_year = static_cast<int>(observed.front().first);
  for (int year = first_year; year <= last_year; ++year) {
    out += std::to_string(year);
    add_cell(out, observed_cell(observed, year));
    add_cell(out, format_number(forecast.median(year)));
    out += interval_cells(forecast, year);
    out += '\n';
  }
  return out;
}

std::string fit_models_csv(const TrendForecast& forecast, const std::string& column,
                           std::span<const std::pair<double, double>> observed, double last_fitted_year,
                           int last_year) {
  std::string out = "year," + column + ",in_fit";
  for (const TrendFit& fit : forecast.fits()) {
    if (fit.usable()) {
      add_cell(out, trend_model_name(fit.model));
    }
  }
  out += '\n';
  const int first_year = static_cast<int>(observed.front().first);
  for (int year = first_year; year <= last_year; ++year) {
    const std::string value = observed_cell(observed, year);
    out += std::to_string(year);
    add_cell(out, value);
    add_cell(out, value.empty() ? "" : (year <= last_fitted_year ? "1" : "0"));
    for (const TrendFit& fit : forecast.fits()) {
      if (fit.usable()) {
        add_cell(out, finite_or_empty(std::exp(fit.log_value(year))));
      }
    }
    out += '\n';
  }
  return out;
}

std::string fit_residuals_csv(const TrendForecast& forecast, std::span<const double> values) {
  std::string out = "model,year,observed,fitted,residual,standardized\n";
  for (const TrendFit& fit : forecast.fits()) {
    if (!fit.usable()) {
      continue;
    }
    for (std::size_t i = 0; i < fit.years.size(); ++i) {
      out += trend_model_name(fit.model);
      add_cell(out, format_number(fit.years[i]));
      add_cell(out, format_number(values[i]));
      add_cell(out, format_number(std::exp(fit.log_value(fit.years[i]))));
      add_cell(out, format_number(fit.residuals[i]));
      add_cell(out, finite_or_empty(fit.residuals[i] / fit.sigma));
      out += '\n';
    }
  }
  return out;
}

std::string backtest_csv(const Backtest& backtest) {
  std::string out =
      "year,observed,predicted" + interval_header() + ",error,percent_error,log_error" + level_header("in") + '\n';
  for (const BacktestPoint& point : backtest.points) {
    out += format_number(point.year);
    add_cell(out, format_number(point.observed));
    add_cell(out, format_number(point.predicted));
    for (const Interval& interval : point.intervals) {
      add_cell(out, format_number(interval.lo));
      add_cell(out, format_number(interval.hi));
    }
    add_cell(out, format_number(point.error()));
    add_cell(out, format_number(100.0 * point.error() / point.observed));
    add_cell(out, format_number(point.log_error()));
    for (std::size_t level = 0; level < k_interval_levels.size(); ++level) {
      out += point.inside(level) ? ",1" : ",0";
    }
    out += '\n';
  }
  return out;
}

std::string backtest_summary_csv(const Backtest& backtest, const std::string& choice, int until) {
  std::string out = "choice,model,until,held_out,mape,mean_log_error,rms_log_error" + level_header("coverage") + '\n';
  const BacktestSummary& s = backtest.summary;
  out += choice;
  add_cell(out, forecast_model_name(backtest.forecast));
  add_cell(out, std::to_string(until));
  add_cell(out, std::to_string(s.held_out));
  for (double value : {s.mape, s.mean_log_error, s.rms_log_error}) {
    add_cell(out, format_number(value));
  }
  for (double share : s.coverage) {
    add_cell(out, format_number(share));
  }
  return out + "\n";
}

std::string rolling_origin_csv(const RollingEvaluation& evaluation) {
  std::string out = "method,origin,target,horizon,observed,median,log_error" + interval_header() + level_header("in") +
                    ",crps" + level_header("is") + '\n';
  for (const RollingPoint& point : evaluation.points) {
    out += trend_choice_name(evaluation.methods[point.method]);
    add_cell(out, format_number(point.origin_year));
    add_cell(out, format_number(point.target_year));
    add_cell(out, std::to_string(point.horizon));
    add_cell(out, format_number(point.observed));
    add_cell(out, format_number(point.median));
    add_cell(out, format_number(point.log_error()));
    for (const Interval& interval : point.intervals) {
      add_cell(out, format_number(interval.lo));
      add_cell(out, format_number(interval.hi));
    }
    for (std::size_t level = 0; level < k_interval_levels.size(); ++level) {
      out += point.inside(level) ? ",1" : ",0";
    }
    add_cell(out, finite_or_empty(point.crps));
    for (double score : point.interval_scores) {
      add_cell(out, finite_or_empty(score));
    }
    out += '\n';
  }
  return out;
}

std::string rolling_summary_csv(const RollingEvaluation& evaluation, std::size_t auto_method) {
  std::string out =
      "method,horizon,count,complete,mean_crps" + level_header("mean_is") + ",mean_log_error,rms_log_error";
  for (double level : k_interval_levels) {
    const std::string percent = format_number(std::round(level * 100.0));
    for (const char* name : {"nominal", "coverage", "widening", "calibrated"}) {
      add_cell(out, name + percent);
    }
  }
  out += ",auto\n";
  for (const RollingSummary& s : evaluation.summaries) {
    const bool scored = s.count > 0;
    const auto cell = [&](double value) { add_cell(out, scored ? finite_or_empty(value) : std::string()); };
    out += trend_choice_name(evaluation.methods[s.method]);
    add_cell(out, s.horizon == 0 ? "all" : std::to_string(s.horizon));
    add_cell(out, std::to_string(s.count));
    add_cell(out, evaluation.complete(s.method) ? "1" : "0");
    cell(s.mean_crps);
    for (double score : s.mean_interval_score) {
      cell(score);
    }
    cell(s.mean_log_error);
    cell(s.rms_log_error);
    for (std::size_t level = 0; level < k_interval_levels.size(); ++level) {
      add_cell(out, format_number(k_interval_levels[level]));
      cell(s.coverage[level]);
      cell(s.widening[level]);
      cell(s.calibrated_coverage[level]);
    }
    add_cell(out, s.horizon == 0 && s.method == auto_method ? "1" : "0");
    out += '\n';
  }
  return out;
}

}  // namespace gapsim
