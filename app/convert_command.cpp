// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/convert_command.h"

#include <cstdio>

#include "core/io/atomic_file.h"
#include "core/io/document_json.h"
#include "core/io/file_format.h"
#include "core/io/pytorch_export.h"
#include "core/language/parser.h"

namespace bp::cli {

// Through a temporary file renamed into place: a failed write leaves the old file as it was.
static int writeText(const std::string& path, const std::string& text) {
    const std::string error = replaceFileContents(path, text);
    if (error.empty()) return 0;
    std::fprintf(stderr, "backprop-studio: cannot write '%s': %s\n", path.c_str(), error.c_str());
    return 2;
}

int convertProgram(const Program& program, const std::string& out) {
    const std::string extension = lowerCaseExtension(out);
    if (extension == ".bpg") return writeText(out, writeProgram(program));
    if (extension == ".py") return writeText(out, writePyTorchScript(program));
    if (extension == ".bps" || extension == ".json") return writeText(out, documentText(documentOf(program)));
    std::fprintf(stderr, "backprop-studio: convert writes .bpg, .bps, .json or .py, not '%s'\n", out.c_str());
    return 2;
}

}  // namespace bp::cli
