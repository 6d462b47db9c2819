// Names refused as entries of an output directory, and scenario files whose names are.
#include "io/output_name.hpp"

#include <catch2/catch.hpp>

#include "io/input_error.hpp"
#include "io/scenario_loader.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

TEST_CASE("io::output_name_problem", "[io][output_name]") {
  // Given names that would escape the directory, hide in it or confuse, should say why.
  CHECK(output_name_problem("") == "the name is empty");
  CHECK(output_name_problem(".") == "the name '.' starts with '.'");
  CHECK(output_name_problem("..") == "the name '..' starts with '.'");
  CHECK(output_name_problem(".baseline.staging.12") == "the name '.baseline.staging.12' starts with '.'");
  CHECK(output_name_problem("-o") == "the name '-o' starts with '-'");
  CHECK(output_name_problem("a/b") == "the name 'a/b' contains a path separator");
  CHECK(output_name_problem("a\\b") == "the name 'a\\b' contains a path separator");
  CHECK(output_name_problem("a\nb") == "the name 'a\\x0ab' contains a control character");
  CHECK(output_name_problem("a\x7f") == "the name 'a\\x7f' contains a control character");
  CHECK(output_name_problem(std::string(101, 'x')) == "the name is 101 characters long (at most 100)");
  // Given ordinary names, should accept them.
  CHECK_FALSE(output_name_problem(std::string(100, 'x')));
  CHECK_FALSE(output_name_problem("olympics_2021"));
  CHECK_FALSE(output_name_problem("a.b-c d"));
  CHECK_FALSE(output_name_problem("\xe6\x97\xa5\xe6\x9c\xac"));  // UTF-8 is not a control character
}

TEST_CASE("io::load_scenario refuses a file whose name cannot name an output directory", "[io][output_name]") {
  // Given a loadable file named '...ini' (stem '..'), should refuse it before reading it.
  test::MemoryFiles files;
  for (const std::string path : {"sc/...ini", "sc/.ini", "sc/-x.ini", "sc/a\tb.ini"}) {
    files.files[path] = "[run]\n";
  }
  const auto message = [&](const std::string& path) {
    try {
      load_scenario(path, files.reader());
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("<no error>");
  };
  CHECK(message("sc/...ini") ==
        "sc/...ini:0: cannot name an output directory after this file: the name '..' starts "
        "with '.'");
  CHECK(message("sc/.ini") ==
        "sc/.ini:0: cannot name an output directory after this file: the name '.ini' starts "
        "with '.'");
  CHECK(message("sc/-x.ini") ==
        "sc/-x.ini:0: cannot name an output directory after this file: the name '-x' starts "
        "with '-'");
  CHECK(message("sc/a\tb.ini") ==
        "sc/a\tb.ini:0: cannot name an output directory after this file: the name "
        "'a\\x09b' contains a control character");
}

}  // namespace
}  // namespace gapsim
