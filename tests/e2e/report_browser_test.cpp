// The report in a real browser: Debian's chromium, headless, opens a run's report.html from
// disk. The page loads with no failed resource, and each figure shows as a block of drawn
// rows in the screenshot, which is kept in the build's test artefacts.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "support/cli_run.hpp"
#include "support/image_checks.hpp"

namespace gapsim {
namespace {

namespace fs = std::filesystem;
using test::slurp;

TEST_CASE("report: chromium loads it with no failed resource and shows every figure", "[e2e][browser]") {
  test::TempDir dir("report_browser");
  REQUIRE(test::gapsim({"run", GAPSIM_SOURCE_DIR "/scenarios/baseline.ini", "--plots", "-o", dir.path.string()}) == 0);
  const fs::path artefacts = GAPSIM_ARTEFACT_DIR;
  fs::create_directories(artefacts);
  const fs::path screenshot = artefacts / "report_screenshot.png";
  fs::remove(screenshot);
  const fs::path log = dir.path / "chromium.log";
  // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
  const std::string command = std::string(GAPSIM_CHROMIUM) +
                              " --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,4000"
                              " --enable-logging=stderr --v=0 --screenshot='" +
                              screenshot.string() + "' 'file://" + (dir.path / "report.html").string() + "' > '" +
                              log.string() + "' 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  const std::string messages = slurp(log);
  INFO(messages);
  CHECK(messages.find("Failed to load resource") == std::string::npos);
  CHECK(messages.find("net::ERR_") == std::string::npos);

  const test::PngImage image = test::read_png(slurp(screenshot));
  REQUIRE(image.problem.empty());
  CHECK(image.width == 1000);
  CHECK(image.height == 4000);
  // Blocks of rows with a drawn pixel, gaps under 16 rows bridged: a figure (its axes and grid
  // reach every row) shows 350-750 rows tall (440 at this width); the table, the captions and
  // the manifest's lines are shorter.
  int figures = 0;
  std::string blocks;  // the heights, for the message
  int block = 0;
  int gap = 0;
  for (int y = 0; y < image.height; ++y) {
    if (image.drawn_in_row[static_cast<std::size_t>(y)] >= 1) {
      block += gap + 1;
      gap = 0;
    } else if (block > 0 && ++gap >= 16) {
      figures += block >= 350 && block <= 750 ? 1 : 0;
      blocks += " " + std::to_string(block);
      block = 0;
      gap = 0;
    }
  }
  INFO("blocks of drawn rows:" << blocks);
  CHECK(figures == 5);  // shortage, skill gap, supply and demand, cost, programmes
}

}  // namespace
}  // namespace gapsim
