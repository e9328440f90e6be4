// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/file_format.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace bp {

std::string lowerCaseExtension(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return extension;
}

FileFormat formatOfExtension(const std::string& path) {
    const std::string extension = lowerCaseExtension(path);
    if (extension == ".bpg") return FileFormat::Text;
    if (extension == ".json" || extension == ".bps") return FileFormat::Document;
    if (extension == ".onnx") return FileFormat::Onnx;
    if (extension == ".pt" || extension == ".pth") return FileFormat::PyTorchCheckpoint;
    return FileFormat::Unknown;
}

FileFormat formatOfContent(std::string_view head) {
    if (head.starts_with("PK\x03\x04")) return FileFormat::PyTorchCheckpoint;  // torch.save's zip
    // A pickle of protocol 2 or later (torch.save's legacy format) starts with PROTO, 0x80 n.
    if (head.size() >= 2 && head[0] == '\x80' && head[1] >= 2 && head[1] <= 5) return FileFormat::PyTorchCheckpoint;
    // An ONNX ModelProto starts with its field 1, ir_version, a varint: the byte 0x08. Text never does.
    if (!head.empty() && head[0] == '\x08') return FileFormat::Onnx;
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const auto first = head.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && head[first] == '{') return FileFormat::Document;
    return FileFormat::Text;
}

std::string pytorchCheckpointMessage() {
    return "this is a PyTorch checkpoint (torch.save's output), which holds the weights but not the computation; "
           "bring the model in from Python with the backprop_studio module (backprop_studio.show(loss), or "
           "backprop_studio.from_module(model, x)), or export it with torch.onnx.export and open the .onnx file";
}

}  // namespace bp
