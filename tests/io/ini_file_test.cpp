// The INI reader: keys, values and line numbers, comments, line endings and every error.
#include "io/ini_file.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "io/input_error.hpp"

namespace gapsim {
namespace {

// The message of the InputError that parsing `text` throws, or "" if none is thrown.
std::string parse_error(std::string_view text) {
  try {
    parse_ini(text, "main.ini");
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

// Each setting as "LINE: KEY = VALUE" and each section as "LINE: [NAME]", in file order, so
// that one comparison checks a whole file and a failure shows all of it.
std::vector<std::string> listed(const IniFile& file) {
  std::vector<std::string> out;
  for (const IniSetting& setting : file.settings) {
    out.push_back(std::to_string(setting.line) + ": " + setting.key + " = " + setting.value);
  }
  for (const IniSection& section : file.sections) {
    out.push_back(std::to_string(section.line) + ": [" + section.name + "]");
  }
  return out;
}

TEST_CASE("ini_file::parse_ini keys, values and lines", "[io][ini]") {
  // Given settings before and inside sections, with comments and blank lines between them,
  // each setting should come back in file order with its full key and its own line.
  // Blanks around a section name are not part of it.
  const IniFile file = parse_ini(
      "# scenario\n"
      "description = a test = with an equals sign\n"
      "\n"
      "[workforce]   # the start\n"
      "qualified = 100\n"
      "  underskilled\t=\t200  \n"
      "[ programme.riss ]\n"
      "intake = 2014:1000, 2018:3000   # per year\n",
      "dir/main.ini");
  CHECK(file.path == "dir/main.ini");
  CHECK(listed(file) == std::vector<std::string>{"2: description = a test = with an equals sign",
                                                 "5: workforce.qualified = 100", "6: workforce.underskilled = 200",
                                                 "8: programme.riss.intake = 2014:1000, 2018:3000", "4: [workforce]",
                                                 "7: [programme.riss]"});
}

TEST_CASE("ini_file::parse_ini empty values and comments", "[io][ini]") {
  // Given a key with nothing after '=' or only a comment, its value should be empty (the
  // builder reports "empty value" with the key's line); ';' is text, not a comment.
  CHECK(listed(parse_ini("[a]\nx =\ny = # nothing\nz = 1 ; 2\n", "main.ini")) ==
        std::vector<std::string>{"2: a.x = ", "3: a.y = ", "4: a.z = 1 ; 2", "1: [a]"});
}

TEST_CASE("ini_file::parse_ini a section may be opened twice", "[io][ini]") {
  CHECK(listed(parse_ini("[a]\nx = 1\n[b]\ny = 2\n[a]\nz = 3\n", "main.ini")) ==
        std::vector<std::string>{"2: a.x = 1", "4: b.y = 2", "6: a.z = 3", "1: [a]", "3: [b]", "5: [a]"});
}

TEST_CASE("ini_file::parse_ini CRLF line endings and a byte order mark", "[io][ini]") {
  // Given a file saved by a Windows editor (CRLF endings, a UTF-8 byte order mark), it should
  // read as the same file with "\n" endings.
  const std::string lf = "[workforce]\nqualified = 100\n\nunderskilled = 200\n";
  const std::string crlf = "\xEF\xBB\xBF[workforce]\r\nqualified = 100\r\n\r\nunderskilled = 200\r\n";
  CHECK(listed(parse_ini(crlf, "main.ini")) == listed(parse_ini(lf, "main.ini")));
  CHECK(listed(parse_ini(crlf, "main.ini")) ==
        std::vector<std::string>{"2: workforce.qualified = 100", "4: workforce.underskilled = 200", "1: [workforce]"});
  CHECK(parse_error("[a]\r\nx = 1\r\nx = 2\r\n") == "main.ini:3: a.x: set twice in the same file");
}

TEST_CASE("ini_file::parse_ini errors name the file and line", "[io][ini]") {
  using Case = std::pair<std::string, std::string>;
  const auto [text, message] =
      GENERATE(Case{"[a]\nx = 1\n\nx = 2\n", "main.ini:4: a.x: set twice in the same file"},
               Case{"x = 1\n[a]\nx = 2\n", ""},  // a different key: "x" and "a.x"
               Case{"[a]\nx = 1\n[b]\n[a]\nx = 2\n", "main.ini:5: a.x: set twice in the same file"},
               Case{"[a]\ngarbage\n", "main.ini:2: expected 'KEY = VALUE', a '[section]' header or a comment"},
               Case{"[a]\n = 5\n", "main.ini:2: expected 'KEY = VALUE', a '[section]' header or a comment"},
               Case{"[a]\n; note\n", "main.ini:2: expected 'KEY = VALUE', a '[section]' header or a comment"},
               Case{"[attrition\n", "main.ini:1: malformed section header (expected '[NAME]')"},
               Case{"[attrition # ]\n", "main.ini:1: malformed section header (expected '[NAME]')"},
               Case{"\n\n[]\n", "main.ini:3: malformed section header (expected '[NAME]')"},
               Case{"[ ]\nx = 1\n", "main.ini:1: malformed section header (expected '[NAME]')"},
               // A line that is not INI is never quoted: it may be another file's content.
               Case{"root:x:0:0:root:/root:/bin/bash\n",
                    "main.ini:1: expected 'KEY = VALUE', a '[section]' header or a comment"},
               // The first problem in file order is the one reported.
               Case{"[a]\nx = 1\nx = 2\ngarbage\n", "main.ini:3: a.x: set twice in the same file"});
  INFO(text);
  CHECK(parse_error(text) == message);
}

TEST_CASE("ini_file::parse_ini a very long section name takes linear time", "[io][ini]") {
  // Given a 4 MB section name and a few keys in it, parsing should take milliseconds, not
  // grow with the product of the name and the number of lines. The bound is far above the
  // milliseconds (sanitizer builds on a busy machine are many times slower) and far below
  // what a quadratic parse of this name takes.
  const std::string name(4'000'000, 'a');
  const std::string text = "[" + name + "]\nx = 1\ny = 2\n[" + name + "\nz = 3\n";
  const auto start = std::chrono::steady_clock::now();
  CHECK(parse_error(text) == "main.ini:4: malformed section header (expected '[NAME]')");
  const IniFile file = parse_ini("[" + name + "]\nx = 1\ny = 2\n", "main.ini");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(file.settings.size() == 2);
  CHECK(file.settings[1].key == name + ".y");
  CHECK(file.settings[1].line == 3);
  CHECK(elapsed < std::chrono::seconds(30));
}

}  // namespace
}  // namespace gapsim
