// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/load_program.h"

#include <cstdio>

#include "core/io/file_format.h"
#include "core/language/parser.h"
#include "core/text/bounded_file.h"

namespace bp {

namespace {

constexpr const char* kStandardInputName = "<stdin>";
constexpr std::size_t kInputLimit = 256u << 20;  // a file of any format, and standard input

std::string readStandardInput() {
    std::string text;
    char buffer[1 << 16];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        if (text.size() + got > kInputLimit)
            throw LoadError(kStandardInputName, message("input-too-large", {limitText(kInputLimit)}));
        text.append(buffer, got);
    }
    return text;
}

Program readWith(const FormatRow& row, const std::string& bytes, const std::string& name) {
    if (!row.read)
        throw LoadError(name, row.refusal ? row.refusal() : message("format-not-read"));
    return row.read(bytes, name);
}

}  // namespace

LoadError::LoadError(std::string file_, Message said_, int line_, int column_)
    : MessageError(fileErrorText(file_, line_, column_, englishText(said_)), said_), file(std::move(file_)),
      line(line_), column(column_) {}

Program loadProgram(const std::string& path) {
    if (path == "-") {  // standard input: the format is recognised from the content
        const std::string content = readStandardInput();
        return readWith(formatOfContent(content), content, kStandardInputName);
    }
    std::string bytes;
    try {
        bytes = readBoundedFile(path, kInputLimit);
    } catch (const FileReadError& e) {
        throw LoadError(path, e.said);
    }
    const FormatRow* row = formatOfExtension(path);
    return readWith(row ? *row : formatOfContent(bytes), bytes, path);
}

}  // namespace bp
