// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/file_format.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/io/document_json.h"
#include "core/io/load_program.h"
#include "core/io/onnx_module.h"
#include "core/io/pytorch_export.h"
#include "core/language/parser.h"

namespace bp {
namespace {

bool looksLikeCheckpoint(std::string_view head) {
    if (head.starts_with("PK\x03\x04")) return true;  // torch.save's zip
    // A pickle of protocol 2 or later (torch.save's legacy format) starts with PROTO, 0x80 n.
    return head.size() >= 2 && head[0] == '\x80' && head[1] >= 2 && head[1] <= 5;
}

// An ONNX ModelProto starts with its field 1, ir_version, a varint: the byte 0x08. Text never does.
bool looksLikeOnnx(std::string_view head) { return !head.empty() && head[0] == '\x08'; }

bool looksLikeDocument(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const auto first = head.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && head[first] == '{';
}

Program readText(const std::string& bytes, const std::string& name) {
    try {
        return parseProgram(bytes, name);
    } catch (const ParseError& e) {
        throw LoadError(e.file, e.said, e.line, e.column);
    }
}

Program readDocument(const std::string& bytes, const std::string& name) { return documentFromText(bytes, name).program; }

Message checkpointRefusal() { return message("checkpoint-not-read"); }
Message scriptRefusal() { return message("script-not-read"); }

std::string writeDocument(const Program& program) { return documentText(documentOf(program)); }
Program readOnnx(const std::string& bytes, const std::string& name) { return importOnnxThroughModule(bytes, name); }
std::string writeText(const Program& program) { return writeProgram(program); }
std::string writeScript(const Program& program) { return writePyTorchScript(program); }

}  // namespace

const std::vector<FormatRow>& fileFormats() {
    // Content is recognised in this order: the binary formats first, text last.
    static const std::vector<FormatRow> table = {
        {FileFormat::PyTorchCheckpoint, {".pt", ".pth"}, looksLikeCheckpoint, nullptr, checkpointRefusal, nullptr},
        {FileFormat::Onnx, {".onnx"}, looksLikeOnnx, readOnnx, nullptr, nullptr},
        {FileFormat::Document, {".bps", ".json"}, looksLikeDocument, readDocument, nullptr, writeDocument},
        {FileFormat::PyTorchScript, {".py"}, nullptr, nullptr, scriptRefusal, writeScript},
        {FileFormat::Text, {".bpg"}, nullptr, readText, nullptr, writeText},
    };
    return table;
}

std::string lowerCaseExtension(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return extension;
}

const FormatRow* formatOfExtension(const std::string& path) {
    const std::string extension = lowerCaseExtension(path);
    for (const FormatRow& row : fileFormats())
        if (std::find(row.extensions.begin(), row.extensions.end(), extension) != row.extensions.end()) return &row;
    return nullptr;
}

const FormatRow& formatOfContent(std::string_view head) {
    const FormatRow* text = nullptr;
    for (const FormatRow& row : fileFormats()) {
        if (row.looksLike && row.looksLike(head)) return row;
        if (row.format == FileFormat::Text) text = &row;
    }
    return *text;
}

std::string writtenExtensions() {
    std::vector<std::string> all;
    for (const FormatRow& row : fileFormats())
        if (row.write) all.insert(all.end(), row.extensions.begin(), row.extensions.end());
    std::sort(all.begin(), all.end());
    std::string text;
    for (std::size_t i = 0; i < all.size(); ++i)
        text += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + all[i];
    return text;
}

}  // namespace bp
