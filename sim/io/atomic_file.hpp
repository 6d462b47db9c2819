// Whole-file writes that never leave a partial file behind.
#pragma once

#include <string>
#include <string_view>

namespace gapsim {

// Writes `contents` to a temporary file beside `path`, flushes it, then renames it over
// `path`, so readers see the old file or the new one, never half of one. Creates missing
// parent directories. Throws std::runtime_error naming the path on failure.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace gapsim
