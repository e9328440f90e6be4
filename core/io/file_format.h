// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The file formats, as one table: per format its extensions, how its first bytes look, how it is
// read into a program and how a program is written in it. Loading (any command, the window),
// `convert` and standard input all dispatch through it.
#include <string>
#include <string_view>
#include <vector>

#include "core/graph/program.h"
#include "core/text/message.h"

namespace bp {

enum class FileFormat {
    Text,               // .bpg, the graph language
    Document,           // the program's own JSON document (.json, .bps)
    Onnx,               // an ONNX model (protobuf)
    PyTorchScript,      // .py: the graph as a PyTorch script (written, not read)
    PyTorchCheckpoint,  // torch.save's output (.pt, .pth): a zip archive or a pickle, no graph in it
};

struct FormatRow {
    FileFormat format;
    std::vector<std::string> extensions;  // lower case, with the dot
    // Whether the first bytes are this format's; null for text, the fallback.
    bool (*looksLike)(std::string_view head);
    // The program in `bytes` (read from `name`); throws LoadError("NAME: error: ..."). Null: the
    // format cannot be read (refusal says why).
    Program (*read)(const std::string& bytes, const std::string& name);
    Message (*refusal)();  // why a file of this format cannot be read, when `read` is null
    // The program written in this format; null when the program does not write it.
    std::string (*write)(const Program& program);
};

const std::vector<FormatRow>& fileFormats();

std::string lowerCaseExtension(const std::string& path);
// The row of the path's extension (any case), or null.
const FormatRow* formatOfExtension(const std::string& path);
// The row whose first bytes `head` are; text when none claims them.
const FormatRow& formatOfContent(std::string_view head);
// ".bpg, .bps, .json or .py": the extensions the program writes.
std::string writtenExtensions();

}  // namespace bp
