// Checks of rendered figures without an image library: an XML well-formedness check for SVG,
// and a PNG decoder (zlib inflate and the five scanline filters, 8-bit RGB or RGBA) for the
// size and the spread of the pixels.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gapsim::test {

// What makes `text` not well-formed XML (an unclosed or mismatched tag, an unquoted
// attribute, a stray '<' or '&'), or "" when it is well-formed.
std::string xml_problem(std::string_view text);

struct PngImage {
  int width = 0;
  int height = 0;
  double grey_variance = 0.0;     // of the pixels' mean channel value, 0..255 scale
  std::vector<int> drawn_in_row;  // per row, the pixels darker than near-white (mean below 235)
  std::string problem;            // why it could not be read, or ""
};

PngImage read_png(const std::string& bytes);

}  // namespace gapsim::test
