// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/convert_command.h"

#include <cstdio>

#include "core/io/atomic_file.h"
#include "core/io/file_format.h"

namespace bp::cli {

// Through a temporary file renamed into place: a failed write leaves the old file as it was.
static int writeText(const std::string& path, const std::string& text) {
    const std::string error = replaceFileContents(path, text);
    if (error.empty()) return 0;
    std::fprintf(stderr, "backprop-studio: cannot write '%s': %s\n", path.c_str(), error.c_str());
    return 2;
}

int convertProgram(const Program& program, const std::string& out) {
    const FormatRow* row = formatOfExtension(out);
    if (!row || !row->write) {
        std::fprintf(stderr, "backprop-studio: convert writes %s, not '%s'\n", writtenExtensions().c_str(), out.c_str());
        return 2;
    }
    return writeText(out, row->write(program));
}

}  // namespace bp::cli
