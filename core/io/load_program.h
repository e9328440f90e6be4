// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opens any file the program takes, by its extension: .bpg text, .onnx models, and the program's
// own .json document.
#include <stdexcept>
#include <string>

#include "core/graph/program.h"
#include "core/text/message.h"

namespace bp {

// A file that cannot be loaded: what() is the whole message, "FILE:LINE:COL: error: ..." for
// text, "FILE: error: ..." otherwise.
// `said` is the message after "error: ", as data for the window; file, line and column where it is.
struct LoadError : MessageError {
    LoadError(std::string file, Message said, int line = 0, int column = 0);
    std::string file;
    int line;
    int column;
};

Program loadProgram(const std::string& path);

}  // namespace bp
