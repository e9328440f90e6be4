// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a .bpg file, through the one bounded reader (core/text/bounded_file.h).
#include "core/language/parser.h"
#include "core/text/bounded_file.h"

namespace bp {

Program loadProgramFile(const std::string& path, const ParseLimits& limits) {
    std::string source;
    try {
        source = readBoundedFile(path, limits.maxSourceBytes);
    } catch (const FileReadError& e) {
        throw ParseError(path, 0, 0, e.said);
    }
    return parseProgram(source, path, limits);
}

}  // namespace bp
