// Every key a scenario file may set: its type, unit, default, valid range and meaning.
// The parser validates against this table and `gapsim keys` prints it as documentation.
#pragma once

#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace gapsim {

// The years any scenario key, data row, target or projection may name.
inline constexpr int k_min_year = 1900;
inline constexpr int k_max_year = 2200;

enum class KeyType { number, integer, schedule, choice, path, date, text };

// Table entries name their fields (`{.key = "hiring.delay", .unit = "yr", ...}`) and leave
// out those at the defaults below. Designated initialisers follow declaration order, so
// min_exclusive sits next to the min it qualifies. Every member has an initialiser, which
// keeps GCC's -Wmissing-field-initializers quiet about the fields an entry leaves out.
struct KeySpec {
  std::string_view key;  // "section.name"; "programme.*.name" for a named section
  KeyType type = KeyType::number;
  std::string_view unit{};           // "" when dimensionless or not a number
  std::string_view default_value{};  // "" = required (or conditional, said in `doc`)
  double min = -std::numeric_limits<double>::infinity();
  bool min_exclusive = false;  // the range is "> min" instead of ">= min"
  double max = std::numeric_limits<double>::infinity();
  std::string_view choices{};  // "a|b" for KeyType::choice
  std::string_view doc;
};

std::span<const KeySpec> key_specs();

// The spec whose pattern matches `key` ("*" matches one name segment), or nullptr.
const KeySpec* find_key_spec(std::string_view key);

// The valid key closest to `key`, for "did you mean" (named sections keep their name).
std::string closest_key(std::string_view key);

// "must be >= 0", "must be between 0 and 1", ... for the spec's range.
std::string range_text(const KeySpec& spec);

bool in_range(const KeySpec& spec, double value);

// The whole table as Markdown (scenarios/README.md embeds it; a test keeps them equal).
std::string key_table_markdown();

}  // namespace gapsim
