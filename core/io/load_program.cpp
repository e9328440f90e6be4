// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/load_program.h"

#include <cstdio>
#include <fstream>

#include "core/io/document_json.h"
#include "core/io/file_format.h"
#include "core/io/onnx_import.h"
#include "core/language/parser.h"

namespace bp {

namespace {

constexpr const char* kStandardInputName = "<stdin>";
constexpr std::size_t kStandardInputLimit = 256u << 20;  // as a file of any format

// The first bytes of a file, or nothing when it cannot be read (its loader then says why).
std::string headOf(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    char head[16] = {};
    file.read(head, sizeof head);
    return std::string(head, std::size_t(file.gcount()));
}

std::string readStandardInput() {
    std::string text;
    char buffer[1 << 16];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        if (text.size() + got > kStandardInputLimit)
            throw LoadError(std::string(kStandardInputName) + ": error: the input is larger than the limit of 256 MB");
        text.append(buffer, got);
    }
    return text;
}

Program parseText(const std::string& text, const std::string& name) {
    try {
        return parseProgram(text, name);
    } catch (const ParseError& e) {
        throw LoadError(e.what());
    }
}

// Standard input: the format is recognised from the content.
Program loadStandardInput() {
    const std::string content = readStandardInput();
    switch (formatOfContent(content)) {
    case FileFormat::Document: return documentFromText(content, kStandardInputName).program;
    case FileFormat::Onnx: return importOnnxBytes(content, kStandardInputName);
    case FileFormat::PyTorchCheckpoint:
        throw LoadError(std::string(kStandardInputName) + ": error: " + pytorchCheckpointMessage());
    default: return parseText(content, kStandardInputName);
    }
}

}  // namespace

Program loadProgram(const std::string& path) {
    if (path == "-") return loadStandardInput();
    FileFormat format = formatOfExtension(path);
    if (format == FileFormat::Unknown) format = formatOfContent(headOf(path));
    switch (format) {
    case FileFormat::Document: return loadDocumentFile(path).program;
    case FileFormat::Onnx: return importOnnxFile(path);
    case FileFormat::PyTorchCheckpoint: throw LoadError(path + ": error: " + pytorchCheckpointMessage());
    default: break;
    }
    try {
        return loadProgramFile(path);
    } catch (const ParseError& e) {
        throw LoadError(e.what());
    }
}

}  // namespace bp
