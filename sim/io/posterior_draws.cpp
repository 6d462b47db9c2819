// posterior.csv is gapsim's own output, unquoted, with as many columns as the posterior has
// keys: read line by line rather than through a CSV reader of a fixed column count.
#include "io/posterior_draws.hpp"

#include <algorithm>
#include <array>

#include "io/input_error.hpp"
#include "io/value_parser.hpp"

namespace gapsim {
namespace {

constexpr std::array<std::string_view, 3> k_leading = {"draw", "walker", "iteration"};
constexpr std::array<std::string_view, 2> k_trailing = {"log_prior", "log_likelihood"};

}  // namespace

PosteriorDraws read_posterior_draws(std::string_view text, const std::string& path) {
  PosteriorDraws draws;
  std::vector<std::string_view> header;
  int line_number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    const std::vector<std::string_view> cells = split_at_commas(line);
    if (line_number == 1) {
      header = cells;
      const std::size_t fixed = k_leading.size() + k_trailing.size();
      if (header.size() <= fixed || !std::equal(k_leading.begin(), k_leading.end(), header.begin()) ||
          !std::equal(k_trailing.begin(), k_trailing.end(), header.end() - k_trailing.size())) {
        throw_input_error(path, 1, "header",
                          "not a posterior: expected draw,walker,iteration, then the keys, then "
                          "log_prior,log_likelihood");
      }
      for (std::size_t c = k_leading.size(); c < header.size() - k_trailing.size(); ++c) {
        const std::string key(header[c]);
        if (std::find(draws.keys.begin(), draws.keys.end(), key) != draws.keys.end()) {
          throw_input_error(path, 1, key, "named twice in the header");
        }
        draws.keys.push_back(key);
      }
      continue;
    }
    if (trim(line).empty()) {
      continue;
    }
    if (cells.size() != header.size()) {
      throw_input_error(path, line_number, "row",
                        std::to_string(cells.size()) + " cells where the header has " + std::to_string(header.size()));
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto value = parse_number(cells[c]);
      if (!value) {  // parse_number refuses inf and nan too
        throw_input_error(path, line_number, std::string(header[c]), "not a finite number");
      }
      if (c >= k_leading.size() && c < header.size() - k_trailing.size()) {
        draws.values.push_back(*value);
      }
    }
    draws.lines.push_back(line_number);
  }
  if (header.empty()) {
    throw_input_error(path, 1, "header", "empty file: not a posterior");
  }
  if (draws.draws() == 0) {
    throw_input_error(path, 2, "draw", "the posterior holds no draws");
  }
  return draws;
}

}  // namespace gapsim
