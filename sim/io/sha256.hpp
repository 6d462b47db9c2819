// SHA-256 of file contents, as sha256sum prints it, for the manifest.
#pragma once

#include <string>
#include <string_view>

namespace gapsim {

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace gapsim
