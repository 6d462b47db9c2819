// Doubles as exact text: C's "%a" hexadecimal form ("0x1.8p+1", "-0x0p+0"), written and read
// with to_chars/from_chars, so study state files round-trip every bit whatever the locale.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gapsim {

// Appends x as printf("%a") writes it. REQUIRES: std::isfinite(x).
void append_hex_float(std::string& out, double x);

// The double of a whole "%a" text (an optional '-', "0x", hex digits, 'p', exponent), or
// nullopt when the text is anything else.
std::optional<double> parse_hex_float(std::string_view text);

}  // namespace gapsim
