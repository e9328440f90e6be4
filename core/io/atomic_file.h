// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writing a file without ever damaging the one that is there: the bytes go to a temporary file
// beside it, which is flushed to disk and then renamed over the old one. On any failure (a full
// disk, a read-only folder) the old file is intact and no partial file is left behind.
#include <string>
#include <string_view>

namespace bp {

// Returns an empty string on success; otherwise the reason (e.g. "No space left on device").
std::string replaceFileContents(const std::string& path, std::string_view bytes);

}  // namespace bp
