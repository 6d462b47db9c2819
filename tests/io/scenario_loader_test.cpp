// Loading scenario files: extends chains, their depth and cycles, and refused files.
#include "io/scenario_loader.hpp"

#include <catch2/catch.hpp>

#include "io/input_error.hpp"
#include "support/scenarios.hpp"

namespace gapsim {
namespace {

using test::MemoryFiles;

std::string load_error(const MemoryFiles& files, const std::string& path) {
  try {
    load_scenario(path, files.reader());
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

// f0.ini extends f1.ini ... extends f<depth-1>.ini, which extends nothing.
MemoryFiles chain_of(int depth) {
  // Names are built by appending: GCC 12 warns falsely on "f" + std::to_string(i).
  const auto name = [](int i) {
    std::string out = "f";
    out += std::to_string(i);
    out += ".ini";
    return out;
  };
  MemoryFiles files;
  for (int i = 0; i < depth; ++i) {
    std::string text = i + 1 < depth ? "extends = " + name(i + 1) + "\n" : std::string();
    text += "[attrition]\nqualified = 0.1\n";
    files.files[name(i)] = text;
  }
  return files;
}

TEST_CASE("scenario_loader: an extends chain holds at most 64 files", "[io][scenario][limits]") {
  // Given a chain of 20,000 files (which overflowed the stack), loading should stop at the
  // 65th file with a message naming the line that asked for it.
  CHECK(load_scenario("f0.ini", chain_of(static_cast<int>(k_max_extends_depth)).reader()).files.size() ==
        k_max_extends_depth);
  CHECK(load_error(chain_of(static_cast<int>(k_max_extends_depth) + 1), "f0.ini") ==
        "f63.ini:1: extends: chain deeper than 64 files");
  CHECK(load_error(chain_of(20000), "f0.ini") == "f63.ini:1: extends: chain deeper than 64 files");
}

TEST_CASE("scenario_loader: extends cycles are named", "[io][scenario][limits]") {
  const MemoryFiles files{{{"a.ini", "extends = b.ini\n"}, {"b.ini", "extends = a.ini\n"}}};
  CHECK(load_error(files, "a.ini") == "b.ini:1: extends: cycle a.ini -> b.ini -> a.ini");
}

TEST_CASE("scenario_loader: a refused base is reported at its extends line", "[io][scenario][limits]") {
  // Given a reader that refuses a file (as read_disk_file refuses a device), the error should
  // point at the extends line and keep the reader's reason.
  const ReadFile refuse = [](const std::string& path) -> std::optional<std::string> {
    if (path == "main.ini") {
      return "\n\nextends = /dev/zero\n";
    }
    throw InputError(path + ": not a regular file (directories, devices and FIFOs are refused)");
  };
  try {
    load_scenario("main.ini", refuse);
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) ==
          "main.ini:3: extends: /dev/zero: not a regular file (directories, devices and FIFOs are refused)");
  }
}

TEST_CASE("scenario_loader: read_disk_file refuses what is not a regular file", "[io][limits]") {
  for (const std::string path : {"/dev/zero", "/dev/null", "/"}) {
    INFO(path);
    try {
      read_disk_file(path);
      FAIL("no error");
    } catch (const InputError& error) {
      CHECK(std::string(error.what()) == path + ": not a regular file (directories, devices and FIFOs are refused)");
    }
  }
  CHECK(!read_disk_file("/nonexistent/gapsim.ini"));
}

}  // namespace
}  // namespace gapsim
