// Parsing of the options shared by the study commands.
#include "cli/study_options.hpp"

#include <charconv>
#include <filesystem>
#include <thread>

#include "cli/usage_error.hpp"
#include "io/output_variable.hpp"

namespace gapsim {

namespace po = boost::program_options;

int thread_count(const po::variables_map& vm) {
  if (!vm.count("threads")) {
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  const int threads = vm["threads"].as<int>();
  if (threads < 1) {
    throw UsageError("--threads must be at least 1");
  }
  return threads;
}

SamplerKind sampler_option(const po::variables_map& vm) {
  const std::string name = vm["sampler"].as<std::string>();
  const auto kind = parse_sampler(name);
  if (!kind) {
    throw UsageError("--sampler must be random, lhs or sobol, not '" + name + "'");
  }
  return *kind;
}

std::vector<Column> variable_list(const std::string& text, const std::string& option) {
  std::vector<Column> columns;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string name = text.substr(start, comma - start);
    std::string closest;
    const auto column = output_variable(name, closest);
    if (!column) {
      throw UsageError(option + ": unknown variable '" + name + "' (did you mean '" + closest + "'?)");
    }
    columns.push_back(*column);
    start = comma + 1;
  }
  return columns;
}

void add_study_options(po::options_description& options) {
  options.add_options()("threads", po::value<int>(), "worker threads (default: every core)")(
      "quiet", "no progress bar (it is drawn only when stderr is a terminal anyway)");
}

bool quiet_option(const po::variables_map& vm) { return vm.count("quiet") > 0; }

std::string seconds_text(double seconds) {
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, seconds, std::chars_format::fixed, 2);
  return {buffer, written.ptr};
}

std::string scenario_directory(const std::string& out_dir, const std::string& scenario_name) {
  return (std::filesystem::path(out_dir) / scenario_name).string();
}

}  // namespace gapsim
