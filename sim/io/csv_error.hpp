// Our wording for the errors of fast-cpp-csv-parser, with file and line.
#pragma once

#include <string>

namespace io::error {
struct base;
}

namespace gapsim {

// Throws InputError "PATH:LINE: malformed CSV: WHAT" for an error of the CSV library met on
// line `line` of `path`. The message quotes nothing of the file.
[[noreturn]] void throw_csv_error(const io::error::base& error, const std::string& path, int line);

}  // namespace gapsim
