// Text to numbers, schedules and dates. Each returns nullopt when the text is malformed;
// the caller knows the file, line and key to put in the message.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "model/calendar.hpp"

namespace gapsim {

// `s` without leading and trailing blanks (spaces, tabs, carriage returns).
std::string_view trim(std::string_view s);

// The pieces of `text` between commas, each trimmed; one piece when there is no comma.
std::vector<std::string_view> split_at_commas(std::string_view text);

// The text of `text` up to its first space (all of it when there is none), removed from
// `text` with that space: the words of a machine-written line, one at a time.
std::string_view next_word(std::string_view& text);

// A count written in decimal digits only, nothing else ("", "-1", "1.0", "1 " fail).
std::optional<std::uint64_t> parse_count(std::string_view text);

// A finite decimal number, nothing else on the line ("nan", "inf", "1e999", "12abc" fail).
std::optional<double> parse_number(std::string_view text);

// A whole number written without fraction or exponent.
std::optional<int> parse_integer(std::string_view text);

// "T:V, T:V, ..." with strictly increasing T, or a single number V (constant).
// A constant comes back as one point at time 0.
std::optional<std::vector<std::pair<double, double>>> parse_points(std::string_view text);

// "YYYY-MM-DD", a real calendar date.
std::optional<Date> parse_date(std::string_view text);

}  // namespace gapsim
