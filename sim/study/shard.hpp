// One of N slices of a Monte Carlo study's runs, as "K/N" names it.
#pragma once

#include <cstdint>
#include <expected>
#include <limits>
#include <string>
#include <string_view>

namespace gapsim {

struct Shard {
  int index = 1;  // K, 1-based
  int count = 1;  // N
};

// "K/N" with 1 <= K <= N and N at most `runs` (a shard without runs is a mistake). The
// error quotes the text: "must be K/N with 1 <= K <= N, not '4/3'", "4/3: more shards than runs".
std::expected<Shard, std::string> parse_shard(std::string_view text,
                                              std::int64_t runs = std::numeric_limits<std::int64_t>::max());

}  // namespace gapsim
