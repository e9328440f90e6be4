// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which kind of file a path or a piece of content is: by the extension in any case (MLP.ONNX is
// ONNX), and, where the extension says nothing, by the first bytes (standard input, a file
// without a known extension).
#include <string>
#include <string_view>

namespace bp {

enum class FileFormat {
    Text,               // .bpg, the graph language
    Document,           // the program's own JSON document (.json, .bps)
    Onnx,               // an ONNX model (protobuf)
    PyTorchCheckpoint,  // torch.save's output (.pt, .pth): a zip archive or a pickle, no graph in it
    Unknown,            // no extension the program knows
};

// The extension in lower case, with its dot: "MLP.ONNX" -> ".onnx"; "" without one.
std::string lowerCaseExtension(const std::string& path);
// By the extension alone, in any case; Unknown when it names no format the program reads.
FileFormat formatOfExtension(const std::string& path);
// By the first bytes of the content: '{' a document, a protobuf field 1 (ir_version) ONNX, a zip
// or a pickle a PyTorch checkpoint; anything else is taken for text.
FileFormat formatOfContent(std::string_view head);
// The message for a PyTorch checkpoint, which holds weights but no graph: how to bring the
// model in instead. Without the "FILE: error: " prefix.
std::string pytorchCheckpointMessage();

}  // namespace bp
