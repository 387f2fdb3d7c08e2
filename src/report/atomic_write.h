// Writing a whole file atomically: readers see the old file or the complete
// new one, never a partial write. Thread-safe (each call uses its own
// uniquely named temporary file).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace nocode::report {

// Writes `content` to a temporary file next to `path` (same directory, so
// the rename cannot cross filesystems), flushes it to disk, then renames it
// over `path`. On failure the temporary file is removed and an io_error
// names the path and the system's reason.
Status write_file_atomically(const std::string& path, std::string_view content);

}  // namespace nocode::report
