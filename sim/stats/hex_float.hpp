// Doubles as exact hexadecimal text ("0x1.8p+1", as printf's %a writes it), independent of
// the locale: the number format of saved study states.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gapsim {

// Appends `value` as printf("%a") in the C locale writes it: "0x1.8p+1", "-0x0p+0",
// "0x0.0000000000001p-1022", "inf", "nan".
void append_hex_float(std::string& out, double value);

// The exact double of text as append_hex_float writes it (an optional '-', then "0x" and a
// hexadecimal float, or "inf" or "nan"); nullopt unless the whole text is one.
std::optional<double> parse_hex_float(std::string_view text);

}  // namespace gapsim
