// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/convert_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "core/io/document_json.h"
#include "core/io/file_format.h"
#include "core/io/pytorch_export.h"
#include "core/language/parser.h"

namespace bp::cli {

static int writeText(const std::string& path, const std::string& text) {
    errno = 0;
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) {
        std::fprintf(stderr, "backprop-studio: cannot write '%s'%s%s\n", path.c_str(), errno ? ": " : "",
                     errno ? std::strerror(errno) : "");
        return 2;
    }
    return 0;
}

int convertProgram(const Program& program, const std::string& out) {
    const std::string extension = lowerCaseExtension(out);
    if (extension == ".bpg") return writeText(out, writeProgram(program));
    if (extension == ".py") return writeText(out, writePyTorchScript(program));
    if (extension == ".json") return writeText(out, documentText(documentOf(program)));
    std::fprintf(stderr, "backprop-studio: convert writes .bpg, .json or .py, not '%s'\n", out.c_str());
    return 2;
}

}  // namespace bp::cli
