// XML and PNG checks for the figure tests.
#include "support/image_checks.hpp"

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace gapsim::test {
namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' || c == '.';
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

int paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a);
  const int pb = std::abs(p - b);
  const int pc = std::abs(p - c);
  return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
}

}  // namespace

std::string xml_problem(std::string_view text) {
  std::vector<std::string> open;
  std::size_t i = 0;
  bool root_seen = false;
  while (i < text.size()) {
    if (text[i] == '&') {
      const std::size_t end = text.find(';', i);
      if (end == std::string_view::npos || end - i > 10) {
        return "a stray '&' at byte " + std::to_string(i);
      }
      i = end + 1;
      continue;
    }
    if (text[i] != '<') {
      ++i;
      continue;
    }
    if (text.substr(i, 4) == "<!--") {
      const std::size_t end = text.find("-->", i);
      if (end == std::string_view::npos) {
        return "an unclosed comment";
      }
      i = end + 3;
    } else if (text.substr(i, 9) == "<![CDATA[") {
      const std::size_t end = text.find("]]>", i);
      if (end == std::string_view::npos) {
        return "an unclosed CDATA section";
      }
      i = end + 3;
    } else if (text.substr(i, 2) == "<?" || text.substr(i, 2) == "<!") {
      const std::size_t end = text.find('>', i);
      if (end == std::string_view::npos) {
        return "an unclosed declaration";
      }
      i = end + 1;
    } else if (text.substr(i, 2) == "</") {
      std::size_t j = i + 2;
      while (j < text.size() && name_char(text[j])) {
        ++j;
      }
      const std::string name(text.substr(i + 2, j - i - 2));
      while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) {
        ++j;
      }
      if (j >= text.size() || text[j] != '>' || open.empty() || open.back() != name) {
        return "a mismatched closing tag </" + name + "> at byte " + std::to_string(i);
      }
      open.pop_back();
      i = j + 1;
    } else {
      std::size_t j = i + 1;
      while (j < text.size() && name_char(text[j])) {
        ++j;
      }
      const std::string name(text.substr(i + 1, j - i - 1));
      if (name.empty()) {
        return "a stray '<' at byte " + std::to_string(i);
      }
      if (open.empty() && root_seen) {
        return "a second root element <" + name + ">";
      }
      while (true) {  // attributes
        while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) {
          ++j;
        }
        if (j >= text.size()) {
          return "an unclosed tag <" + name + ">";
        }
        if (text[j] == '>' || text.substr(j, 2) == "/>") {
          break;
        }
        const std::size_t attribute = j;
        while (j < text.size() && name_char(text[j])) {
          ++j;
        }
        while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) {
          ++j;
        }
        if (j == attribute || j + 1 >= text.size() || text[j] != '=') {
          return "a malformed attribute in <" + name + "> at byte " + std::to_string(attribute);
        }
        ++j;
        while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) {
          ++j;
        }
        const char quote = j < text.size() ? text[j] : '\0';
        const std::size_t close = quote == '"' || quote == '\'' ? text.find(quote, j + 1) : std::string_view::npos;
        if (close == std::string_view::npos) {
          return "an unquoted attribute in <" + name + "> at byte " + std::to_string(attribute);
        }
        j = close + 1;
      }
      root_seen = true;
      if (text[j] == '>') {
        open.push_back(name);
        i = j + 1;
      } else {
        i = j + 2;
      }
    }
  }
  if (!open.empty()) {
    return "<" + open.back() + "> is never closed";
  }
  return root_seen ? "" : "no element";
}

PngImage read_png(const std::string& bytes) {
  PngImage image;
  if (bytes.size() < 33 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) {
    image.problem = "no PNG signature";
    return image;
  }
  std::string compressed;
  int colour = -1;
  int depth = 0;
  for (std::size_t at = 8; at + 12 <= bytes.size();) {
    const std::uint32_t length = big_endian(bytes, at);
    const std::string type = bytes.substr(at + 4, 4);
    if (type == "IHDR") {
      image.width = static_cast<int>(big_endian(bytes, at + 8));
      image.height = static_cast<int>(big_endian(bytes, at + 12));
      depth = static_cast<unsigned char>(bytes[at + 16]);
      colour = static_cast<unsigned char>(bytes[at + 17]);
    } else if (type == "IDAT") {
      compressed += bytes.substr(at + 8, length);
    }
    at += 12 + length;
  }
  const int channels = colour == 2 ? 3 : colour == 6 ? 4 : 0;
  if (channels == 0 || depth != 8) {
    image.problem = "not 8-bit RGB or RGBA";
    return image;
  }
  const std::size_t stride = static_cast<std::size_t>(image.width) * channels;
  std::vector<unsigned char> raw((stride + 1) * static_cast<std::size_t>(image.height));
  uLongf size = raw.size();
  if (uncompress(raw.data(), &size, reinterpret_cast<const Bytef*>(compressed.data()), compressed.size()) != Z_OK ||
      size != raw.size()) {
    image.problem = "the image data does not inflate to its size";
    return image;
  }
  std::vector<unsigned char> previous(stride, 0);
  std::vector<unsigned char> line(stride);
  double sum = 0.0;
  double squares = 0.0;
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* in = raw.data() + static_cast<std::size_t>(y) * (stride + 1);
    const int filter = in[0];
    for (std::size_t x = 0; x < stride; ++x) {
      const int a = x >= static_cast<std::size_t>(channels) ? line[x - channels] : 0;
      const int b = previous[x];
      const int c = x >= static_cast<std::size_t>(channels) ? previous[x - channels] : 0;
      const int predictor = filter == 1   ? a
                            : filter == 2 ? b
                            : filter == 3 ? (a + b) / 2
                            : filter == 4 ? paeth(a, b, c)
                                          : 0;
      line[x] = static_cast<unsigned char>(in[1 + x] + predictor);
    }
    int drawn = 0;
    for (int x = 0; x < image.width; ++x) {
      const unsigned char* pixel = line.data() + static_cast<std::size_t>(x) * channels;
      const double grey = (pixel[0] + pixel[1] + pixel[2]) / 3.0;
      sum += grey;
      squares += grey * grey;
      drawn += grey < 235.0 ? 1 : 0;
    }
    image.drawn_in_row.push_back(drawn);
    previous = line;
  }
  const double n = static_cast<double>(image.width) * image.height;
  image.grey_variance = squares / n - (sum / n) * (sum / n);
  return image;
}

}  // namespace gapsim::test
