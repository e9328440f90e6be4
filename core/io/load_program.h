// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opens any file the program takes, by its extension: .bpg text, .onnx models, and the program's
// own .json document.
#include <stdexcept>
#include <string>

#include "core/graph/program.h"

namespace bp {

// A file that cannot be loaded: what() is the whole message, "FILE:LINE:COL: error: ..." for
// text, "FILE: error: ..." otherwise.
struct LoadError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

Program loadProgram(const std::string& path);

}  // namespace bp
