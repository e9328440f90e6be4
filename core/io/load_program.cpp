// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/load_program.h"

#include "core/io/document_json.h"
#include "core/io/onnx_import.h"
#include "core/language/parser.h"

namespace bp {

static bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Program loadProgram(const std::string& path) {
    // The document: .bps, its own extension (for the desktop's file types), or .json.
    if (endsWith(path, ".bps") || endsWith(path, ".json")) return loadDocumentFile(path).program;
    if (endsWith(path, ".onnx")) return importOnnxFile(path);
    try {
        return loadProgramFile(path);
    } catch (const ParseError& e) {
        throw LoadError(e.what());
    }
}

}  // namespace bp
