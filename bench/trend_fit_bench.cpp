// Google Benchmark of trend fitting on the NICT series (11 points): every model fitted,
// and the ensemble quantiles of one projected year.
#include <benchmark/benchmark.h>

#include <vector>

#include "fit/trend_forecast.hpp"

namespace {

const std::vector<double> k_years = {2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015};
const std::vector<double> k_packets = {0.31, 0.81, 1.99, 2.29, 3.57, 5.65, 4.54, 7.78, 12.88, 25.66, 54.51};

void BM_FitAllTrends(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(gapsim::fit_all_trends(k_years, k_packets));
  }
}
BENCHMARK(BM_FitAllTrends)->Unit(benchmark::kMicrosecond);

void BM_EnsembleInterval(benchmark::State& state) {
  const gapsim::TrendForecast forecast = gapsim::make_forecast(
      gapsim::fit_all_trends(k_years, k_packets), {gapsim::TrendChoice::Kind::ensemble}, gapsim::Criterion::aicc);
  for (auto _ : state) {
    benchmark::DoNotOptimize(forecast.interval(2025, 0.95));
  }
}
BENCHMARK(BM_EnsembleInterval)->Unit(benchmark::kMicrosecond);

}  // namespace
