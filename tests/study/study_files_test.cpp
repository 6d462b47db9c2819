// parse_study_state: the text study_state_text writes reads back; a changed, cut or crafted
// state is refused with a message naming the file and line and quoting at most one token.
#include "study/study_files.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "io/input_error.hpp"
#include "io/sha256.hpp"

namespace gapsim {
namespace {

const std::string k_path = "s1/study_state";
const std::string k_checksum = "sha256 of the lines above ";

// A two-run state of one report row: shortage 5 then 0, workforce 100 in both.
StudyState two_run_state() {
  ResultTable reference = ResultTable::Zero(1, k_column_count);
  reference(0, static_cast<int>(Column::time)) = 2013;
  reference(0, static_cast<int>(Column::workforce)) = 100;
  StudyState state;
  state.runs = 2;
  state.bands = BandStats(reference);
  state.thresholds = ThresholdCounts({0.0, 3.0}, 1);
  for (const double shortage : {5.0, 0.0}) {
    Results run;
    run.table = reference;
    run.at(0, Column::shortage) = shortage;
    state.bands.add(run);
    state.thresholds.add(run);
  }
  state.runs_csv_sha256 = sha256_hex("run,seed\n");
  return state;
}

// `text` without its checksum line, and with one that matches again.
std::string unsealed(const std::string& text) { return text.substr(0, text.rfind(k_checksum)); }
std::string sealed(const std::string& body) { return body + k_checksum + sha256_hex(body) + "\n"; }

// `text` with the first line that starts with `prefix` replaced by `line`.
std::string with_line(const std::string& text, const std::string& prefix, const std::string& line) {
  const std::size_t start = text.starts_with(prefix) ? 0 : text.find("\n" + prefix) + 1;
  REQUIRE(start != 0);
  return text.substr(0, start) + line + text.substr(text.find('\n', start));
}

// 1-based number of the first line starting with `prefix`.
int line_of(const std::string& text, const std::string& prefix) {
  const std::size_t start = text.find("\n" + prefix) + 1;
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n')) + 1;
}

int line_count(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::string state_error(const std::string& text) {
  try {
    parse_study_state(text, k_path);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

std::string at(int line, const std::string& what) { return k_path + ":" + std::to_string(line) + ": " + what; }

TEST_CASE("parse_study_state reads back the text study_state_text writes", "[study][state]") {
  // Given a state with and without a series checksum, it should round-trip exactly.
  StudyState state = two_run_state();
  const std::string text = study_state_text(state);
  CHECK(text.starts_with("gapsim study state 3\nruns 2\nshard 1/1\nmonthly 0\nsha256 runs.csv "));
  CHECK(study_state_text(parse_study_state(text, k_path)) == text);
  state.series_long_csv_sha256 = sha256_hex("x");
  const std::string with_series = study_state_text(state);
  CHECK(with_series.find("\nsha256 series_long.csv " + sha256_hex("x") + "\n") != std::string::npos);
  CHECK(study_state_text(parse_study_state(with_series, k_path)) == with_series);
}

TEST_CASE("parse_study_state refuses a state changed, cut short or of another version", "[study][state]") {
  const std::string text = study_state_text(two_run_state());
  const std::string body = unsealed(text);
  // An edited bin count (it changed the merged p5 before): the checksum no longer matches.
  const std::string edited =
      with_line(body, "sketch 2 1 ", "sketch 3 1 0x0p+0 0x1.4p+2 1 1049856:2 0") + text.substr(body.size());
  CHECK(state_error(edited) ==
        at(line_count(text), "the checksum does not match the lines above it (the file changed)"));
  // A tampered checksum of runs.csv.
  const std::string runs_line = "sha256 runs.csv " + sha256_hex("run,seed\n");
  const std::string tampered =
      with_line(body, "sha256 runs.csv ", "sha256 runs.csv " + sha256_hex("other")) + text.substr(body.size());
  CHECK(state_error(tampered) ==
        at(line_count(text), "the checksum does not match the lines above it (the file changed)"));
  CHECK(state_error(sealed(with_line(body, "sha256 runs.csv ", "sha256 runs.csv XYZ"))) ==
        at(5, "malformed SHA-256 of runs.csv"));
  // Cut short: at a line end, and mid-line.
  CHECK(state_error(body) == at(line_count(body), "no checksum line at the end (the file is cut short)"));
  const std::string cut = text.substr(0, 100);
  CHECK(state_error(cut) == at(line_count(cut) + 1, "no checksum line at the end (the file is cut short)"));
  CHECK(state_error("gapsim study state 1\nruns 101\nshard 3/x\n") ==
        at(1, "a study state of another version of gapsim (this one reads version 3)"));
  CHECK(state_error("SECRET-TOKEN\n") == at(1, "not a gapsim study state"));
}

TEST_CASE("parse_study_state refuses malformed or out-of-bounds numbers", "[study][state]") {
  const std::string body = unsealed(study_state_text(two_run_state()));
  // `runs abc` gave "error: stoll" before.
  CHECK(state_error(sealed(with_line(body, "runs ", "runs abc"))) == at(2, "malformed run count 'abc'"));
  CHECK(state_error(sealed(with_line(body, "runs ", "runs 99999999999999999999"))) ==
        at(2, "malformed run count '99999999999999999999'"));
  CHECK(state_error(sealed(with_line(body, "runs ", "runs 1099511627777"))) ==
        at(2, "malformed run count '1099511627777'"));
  CHECK(state_error(sealed(with_line(body, "shard ", "shard 3/x"))) == at(3, "malformed shard '3/x'"));
  CHECK(state_error(sealed(with_line(body, "shard ", "shard 1/3"))) == at(3, "malformed shard '1/3'"));
  CHECK(state_error(sealed(with_line(body, "monthly ", "monthly x"))) == at(4, "malformed monthly flag 'x'"));
  CHECK(state_error(sealed(with_line(body, "rows ", "rows 99999999999"))) ==
        at(line_of(body, "rows "), "malformed row count (1 to 100000)"));
  CHECK(state_error(sealed(with_line(body, "rows ", "rows 2"))) ==
        at(line_of(body, "sum "), "expected reference row 1"));
  // Exact-sum garbage.
  CHECK(state_error(sealed(with_line(body, "sum ", "sum 3:x"))) ==
        at(line_of(body, "sum "), "sum: malformed limb '3:x'"));
  CHECK(state_error(sealed(with_line(body, "sum_squares ", "sum_squares 70:1"))) ==
        at(line_of(body, "sum_squares "), "sum_squares: limb index out of order or range in '70:1'"));
}

TEST_CASE("parse_study_state refuses sketches and cells that do not add up", "[study][state]") {
  const std::string body = unsealed(study_state_text(two_run_state()));
  const int shortage = line_of(body, "sketch 2 1 ");
  // The crafted sketch that once crashed merge, and an edited bin count whose checksum was recomputed.
  CHECK(state_error(sealed(with_line(body, "sketch 2 1 ",
                                     "sketch 200 0 0x1p+0 0x1p+0 2 -9223372036854775807:100 "
                                     "9223372036854775807:100 0"))) ==
        at(shortage, "sketch: positive bin '-9223372036854775807:100' lies outside the bins of min..max"));
  CHECK(state_error(sealed(with_line(body, "sketch 2 1 ", "sketch 3 1 0x0p+0 0x1.4p+2 1 1049856:1 0"))) ==
        at(shortage, "sketch: the bins and zeros add up to 2, not the count 3"));
  CHECK(state_error(sealed(with_line(body, "sketch 2 1 ", "sketch 3 3 0x0p+0 0x0p+0 0 0"))) ==
        at(shortage, "sketch: 3 values, not the 2 runs"));
  // One cell too few (the last three lines gone), one line too many.
  std::string short_body = body;
  for (int k = 0; k < 3; ++k) {
    short_body.resize(short_body.rfind('\n', short_body.size() - 2) + 1);
  }
  CHECK(state_error(sealed(short_body)) == at(line_count(body) - 2, "expected 'sum ...'"));
  CHECK(state_error(sealed(body + "sum 0\n")) == at(line_count(body) + 1, "unexpected line after the last cell"));
}

TEST_CASE("parse_study_state reads back thresholds and paired differences, and checks their counts", "[study][state]") {
  // Given the two-run state with thresholds 0 and 3 (shortages 5 and 0) and the differences
  // from a reference whose shortage is 2 in both runs, the text should round-trip and a
  // count that cannot be should name its line.
  StudyState state = two_run_state();
  ResultTable reference_run = state.bands.reference();
  reference_run(0, static_cast<int>(Column::shortage)) = 2;
  state.paired = PairedState{"baseline", PairedDifferences(state.bands.reference(), reference_run)};
  for (const double shortage : {5.0, 0.0}) {
    ResultTable run = state.bands.reference();
    run(0, static_cast<int>(Column::shortage)) = shortage;
    state.paired->differences.count(run, reference_run);
    Results difference;
    difference.table = run - reference_run;
    state.paired->differences.bands().add(difference);
  }
  const std::string text = study_state_text(state);
  CHECK(text.find("\nthresholds 2 rows 1 runs 2\nthreshold 0x0p+0 below 1 first 1 stays 1\n"
                  "threshold 0x1.8p+1 below 1 first 1 stays 1\npaired baseline\npairs 2\nlower 1\nhigher 1\n") !=
        std::string::npos);
  const StudyState read = parse_study_state(text, k_path);
  CHECK(study_state_text(read) == text);
  CHECK(read.thresholds == state.thresholds);
  CHECK(read.paired->differences.lower(0) == 1);
  CHECK(read.paired->differences.bands().quantile(0, Column::shortage, 1.0) == 3.0);

  const std::string body = unsealed(text);
  CHECK(state_error(sealed(with_line(body, "threshold 0x0p+0", "threshold 0x0p+0 below 3 first 1 stays 1"))) ==
        at(line_of(body, "threshold 0x0p+0"), "threshold 1: malformed count (0 to the runs)"));
  CHECK(state_error(sealed(with_line(body, "threshold 0x0p+0", "threshold 0x1p+2 below 1 first 1 stays 1"))) ==
        at(line_of(body, "threshold 0x1.8p+1"), "thresholds must increase strictly (4 then 3)"));
  CHECK(state_error(sealed(with_line(body, "threshold 0x0p+0", "threshold 0x0p+0 below 1 first 1 stays 1 1"))) ==
        at(line_of(body, "threshold 0x0p+0"), "threshold 1: unexpected text after the counts"));
  CHECK(state_error(sealed(with_line(body, "lower ", "lower 3"))) ==
        at(line_of(body, "lower "), "malformed lower count"));
  CHECK(state_error(sealed(with_line(body, "higher ", "higher 2"))) ==
        at(line_of(body, "higher "), "more pairs lower and higher than pairs"));
  CHECK(state_error(sealed(with_line(body, "paired ", "paired ../x"))) ==
        at(line_of(body, "paired "), "malformed reference scenario name"));
}

}  // namespace
}  // namespace gapsim
