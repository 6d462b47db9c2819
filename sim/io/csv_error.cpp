// The CSV library's own messages say "line -1" for some errors and quote the file name
// its own way; ours follow the "FILE:LINE: what" form of every other input error.
#include "io/csv_error.hpp"

#include <libfccp/csv.h>

#include "io/input_error.hpp"

namespace gapsim {

void throw_csv_error(const io::error::base& error, const std::string& path, int line) {
  std::string what = "malformed CSV";
  if (dynamic_cast<const io::error::escaped_string_not_closed*>(&error) != nullptr) {
    what = "a quoted cell is not closed";
  } else if (dynamic_cast<const io::error::line_length_limit_exceeded*>(&error) != nullptr) {
    what = "line too long for the CSV reader";
  } else if (dynamic_cast<const io::error::too_few_columns*>(&error) != nullptr) {
    what = "fewer cells than the header has columns";
  } else if (dynamic_cast<const io::error::too_many_columns*>(&error) != nullptr) {
    what = "more cells than the header has columns";
  } else if (dynamic_cast<const io::error::duplicated_column_in_header*>(&error) != nullptr) {
    what = "a column name appears twice in the header";
  } else if (dynamic_cast<const io::error::header_missing*>(&error) != nullptr) {
    what = "no header line";
  }
  throw_input_error(path, line, "", "malformed CSV: " + what);
}

}  // namespace gapsim
