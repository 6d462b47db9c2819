// Inputs that hung gapsim or grew without end are refused, every key is checked
// whatever its mode, and messages name file, line and key without quoting other files.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/app.hpp"
#include "io/scenario_loader.hpp"
#include "support/cli_run.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::gapsim;
using test::TempDir;

const std::string k_nict = GAPSIM_SOURCE_DIR "/scenarios/data/nicter_darknet_2005_2015.csv";
const std::string k_baseline = GAPSIM_SOURCE_DIR "/scenarios/baseline.ini";

// What `gapsim run` prints before the message of its one failing scenario.
const std::string k_run_failed = "gapsim run: 1 failed:\n";

struct Outcome {
  int status;
  std::string error;  // what the command printed on stderr
};

// Runs gapsim in this process with its standard error captured.
Outcome run(std::vector<std::string> args) {
  std::ostringstream captured;
  std::streambuf* const saved = std::cerr.rdbuf(captured.rdbuf());
  const int status = gapsim(std::move(args));
  std::cerr.rdbuf(saved);
  return {status, captured.str()};
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

TEST_CASE("limits: years in data and fit options lie in 1900-2200", "[e2e][limits]") {
  // Given a year that made the fit run for ever, or a horizon that made the projection grow
  // without end, gapsim should refuse them at once.
  TempDir dir("limits_years");
  const fs::path data = dir.path / "data.csv";
  write(data, "year,packets_billion\n-2147483648,1\n2005,2\n2006,3\n");
  const std::string out = (dir.path / "out").string();
  CHECK(run({"fit", data.string(), "-o", out}).error ==
        "gapsim fit: error: " + data.string() + ":2: year: outside 1900-2200\n");
  write(data, "year,packets_billion\n2005,1\n2201,2\n");
  CHECK(run({"fit", data.string(), "-o", out}).error ==
        "gapsim fit: error: " + data.string() + ":3: year: outside 1900-2200\n");
  CHECK(run({"fit", k_nict, "--to", "2147483647", "-o", out}).error ==
        "gapsim fit: --to 2147483647 is outside 1900-2200\n");
  CHECK(run({"fit", k_nict, "--to", "-5", "-o", out}).error == "gapsim fit: --to -5 is outside 1900-2200\n");
  CHECK(run({"fit", k_nict, "--to", "2004", "-o", out}).error ==
        "gapsim fit: --to 2004 is before the first year of " + k_nict + "\n");
  CHECK(run({"fit", k_nict, "--until", "2201", "-o", out}).error == "gapsim fit: --until 2201 is outside 1900-2200\n");
  CHECK(run({"backtest", k_nict, "--until", "-2147483648", "-o", out}).error ==
        "gapsim backtest: --until -2147483648 is outside 1900-2200\n");
  CHECK(run({"fit", k_nict, "--to", "-5", "-o", out}).status == k_exit_usage);
  CHECK(!fs::exists(out));
}

TEST_CASE("limits: --threads at most 4 per core, --seed a non-negative whole number", "[e2e][limits]") {
  TempDir dir("limits_options");
  const std::string out = (dir.path / "out").string();
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::string most = std::to_string(4 * cores);
  const std::string bound =
      "--threads must be at most " + most + " (4 per core, " + std::to_string(cores) + " cores)\n";
  CHECK(run({"mc", k_baseline, "--runs", "2", "--threads", "100000", "-o", out}).error == "gapsim mc: " + bound);
  CHECK(run({"mc", k_baseline, "--runs", "2", "--threads", std::to_string(4 * cores + 1), "-o", out}).error ==
        "gapsim mc: " + bound);
  CHECK(run({"sensitivity", k_baseline, "--output", "shortage_2020", "--threads", "100000", "-o", out}).error ==
        "gapsim sensitivity: " + bound);
  const std::string seed = "--seed must be a whole number from 0 to 18446744073709551615, not ";
  CHECK(run({"mc", k_baseline, "--runs", "2", "--seed", "-1", "-o", out}).error == "gapsim mc: " + seed + "'-1'\n");
  CHECK(run({"mc", k_baseline, "--runs", "2", "--seed", "18446744073709551616", "-o", out}).error ==
        "gapsim mc: " + seed + "'18446744073709551616'\n");
  CHECK(run({"mc", k_baseline, "--runs", "2", "--seed", "+3", "-o", out}).error == "gapsim mc: " + seed + "'+3'\n");
  CHECK(run({"sensitivity", k_baseline, "--output", "shortage_2020", "--seed", "-1", "-o", out}).error ==
        "gapsim sensitivity: " + seed + "'-1'\n");
  CHECK(!fs::exists(out));
  // The largest seed is still a seed.
  CHECK(run({"mc", k_baseline, "--runs", "2", "--quiet", "--seed", "18446744073709551615", "-o", out}).status ==
        k_exit_success);
}

TEST_CASE("limits: what is not a regular file is refused before reading", "[e2e][limits]") {
  // Given a device, a FIFO or a directory where a scenario, a base or a data file belongs,
  // gapsim should name it and stop, without reading (a FIFO with no writer would block).
  TempDir dir("limits_special");
  const fs::path fifo = dir.path / "fifo.ini";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string refused = ": not a regular file (directories, devices and FIFOs are refused)";
  const std::string out = (dir.path / "out").string();
  const fs::path directory = dir.path / "dir.ini";
  fs::create_directory(directory);
  for (const std::string& special :
       {std::string("/dev/zero"), std::string("/dev/null"), fifo.string(), directory.string()}) {
    INFO(special);
    if (special != directory.string()) {  // `run DIR` runs the scenarios in it
      CHECK(run({"run", special, "-o", out}).error == k_run_failed + special + refused + "\n");
    }
    const fs::path child = dir.path / "child.ini";
    write(child, "extends = " + special + "\n");
    CHECK(run({"run", child.string(), "-o", out}).error ==
          k_run_failed + child.string() + ":1: extends: " + special + refused + "\n");
    CHECK(run({"fit", special, "-o", out}).error == "gapsim fit: error: " + special + refused + "\n");
    fs::remove(child);
  }
  CHECK(!fs::exists(out));
}

TEST_CASE("limits: input files larger than 16 MiB are refused unread", "[e2e][limits]") {
  TempDir dir("limits_big");
  const fs::path big = dir.path / "big.ini";
  fs::resize_file((write(big, ""), big), k_max_input_bytes + 1);
  CHECK(read_disk_file_any_size(big.string())->size() == k_max_input_bytes + 1);
  const std::string too_big = big.string() + ": larger than 16 MiB, the limit for input files";
  const std::string out = (dir.path / "out").string();
  CHECK(run({"run", big.string(), "-o", out}).error == k_run_failed + too_big + "\n");
  CHECK(run({"fit", big.string(), "-o", out}).error == "gapsim fit: error: " + too_big + "\n");
  fs::resize_file(big, k_max_input_bytes);  // at the limit is fine as far as size goes
  CHECK(read_disk_file(big.string())->size() == k_max_input_bytes);
}

TEST_CASE("limits: errors about other files never quote them", "[e2e][output][messages]") {
  // Given a scenario that points `extends` or `series` at a file that is not what it should
  // be, the message should name that file's line and column but print none of its content.
  TempDir dir("limits_quote");
  write(dir.path / "secret.csv", "year,api_key\n2013,SECRET-TOKEN-123\n");
  write(dir.path / "passwd", "root:x:0:0:root:/root:/bin/bash\n");
  const fs::path series = dir.path / "series.ini";
  write(series, "extends = " + k_baseline + "\n[attack]\ntrend = series\nseries = secret.csv\ncolumn = api_key\n");
  const std::string out = (dir.path / "out").string();
  const Outcome leaked = run({"run", series.string(), "-o", out});
  CHECK(leaked.error == k_run_failed + (dir.path / "secret.csv").string() + ":2: api_key: not a number\n");
  const fs::path passwd = dir.path / "passwd.ini";
  write(passwd, "extends = passwd\n");
  CHECK(run({"run", passwd.string(), "-o", out}).error ==
        k_run_failed + (dir.path / "passwd").string() +
            ":1: expected 'KEY = VALUE', a '[section]' header or a comment\n");
  CHECK(run({"fit", (dir.path / "secret.csv").string(), "--column", "api_key", "-o", out}).error ==
        "gapsim fit: error: " + (dir.path / "secret.csv").string() + ":2: api_key: not a number\n");
}

TEST_CASE("limits: CSV syntax errors and failed fits say where", "[e2e][output][messages]") {
  TempDir dir("limits_where");
  const fs::path data = dir.path / "data.csv";
  write(data, "year,packets_billion\n2005,1\n2006,\"2\n2007,3\n");
  const std::string out = (dir.path / "out").string();
  CHECK(run({"fit", data.string(), "-o", out}).error ==
        "gapsim fit: error: " + data.string() + ":3: malformed CSV: a quoted cell is not closed\n");
  // Two points cannot carry any of the models.
  write(data, "year,packets_billion\n2005,1\n2006,2\n");
  CHECK(run({"fit", data.string(), "-o", out}).error ==
        "gapsim fit: error: " + data.string() +
            ": column packets_billion: no trend model could be fitted to the data\n");
  const fs::path scenario = dir.path / "fit.ini";
  write(scenario, "extends = " + k_baseline +
                      "\n[attack]\ntrend = fit\nseries = data.csv\ncolumn = packets_billion\nmodel = auto\n");
  CHECK(run({"run", scenario.string(), "-o", out}).error ==
        k_run_failed + scenario.string() + ":6: attack.model: no trend model could be fitted to the data (" +
            data.string() + ", column packets_billion)\n");
}

}  // namespace
}  // namespace gapsim
