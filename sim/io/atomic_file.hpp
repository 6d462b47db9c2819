// Whole-file and whole-directory writes that never leave a partial result behind.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gapsim {

// Writes `contents` to a temporary file beside `path`, flushes it to disk, then renames it
// over `path`, so readers see the old file or the new one, never half of one. Creates missing
// parent directories and first removes the temporary files of this path left by processes
// that no longer exist. Throws std::runtime_error naming the path on failure.
void write_file_atomically(const std::string& path, std::string_view contents);

struct NamedContents {
  std::string name;           // one entry inside the directory (io/output_name.hpp)
  std::string_view contents;  // not owned: must outlive the call
};

// Makes `dir` hold `files`, so that after any error, full disk or kill `dir` holds either
// every file of its previous set or every file of the new one, never a mix. Entries of the
// previous `dir` that are neither in `files` nor in `also_owned` (another command's files,
// subdirectories) are kept, as hard links; those in `also_owned` (files a command writes only
// sometimes) are dropped.
//
// The files are written into the staging directory `.NAME.staging.PID` beside `dir` (same
// parent, hence same file system), each fsynced, then swapped with `dir` in one
// renameat2(RENAME_EXCHANGE), and the previous set, now under the staging name, removed.
// Staging directories left by processes that no longer exist are removed first.
//
// Throws std::runtime_error naming the path on failure (the previous `dir` is then
// untouched), for a file name that is not a single entry inside `dir`, and for a `dir` that
// is a file system root, the current directory or one containing it.
void write_directory_atomically(const std::string& dir, const std::vector<NamedContents>& files,
                                const std::vector<std::string>& also_owned = {});

}  // namespace gapsim
