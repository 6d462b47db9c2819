// Parsing "K/N".
#include "study/shard.hpp"

#include <charconv>

namespace gapsim {
namespace {

// The whole of `text` as a decimal int.
bool parse_int(std::string_view text, int& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::expected<Shard, std::string> parse_shard(std::string_view text, std::int64_t runs) {
  const std::size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string_view::npos || !parse_int(text.substr(0, slash), shard.index) ||
      !parse_int(text.substr(slash + 1), shard.count) || shard.count < 1 || shard.index < 1 ||
      shard.index > shard.count) {
    return std::unexpected("must be K/N with 1 <= K <= N, not '" + std::string(text) + "'");
  }
  if (shard.count > runs) {
    return std::unexpected(std::string(text) + ": more shards than runs");
  }
  return shard;
}

}  // namespace gapsim
