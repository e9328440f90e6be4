// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/onnx_wire.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <optional>

#include "core/io/onnx_tensor.h"

namespace bp::onnx_io {

namespace {

constexpr std::string_view kLfsPointer = "version https://git-lfs";

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Binary protobuf always holds control bytes (every ONNX model starts with the ir_version tag,
// 0x08); text has none but whitespace.
bool looksLikeText(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 4096);
    return std::none_of(head.begin(), head.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c < 0x20 && !std::isspace(c)) || c == 0x7F;
    });
}

bool looksLikeHtml(std::string_view bytes) {
    std::string head(bytes.substr(0, 1024));
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
    return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos;
}

std::string firstLine(std::string_view bytes) {
    std::string_view line = bytes.substr(0, bytes.find('\n'));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return quoted(std::string(line));
}

// The usual files that are not a model at all, before protobuf sees them.
void refuseNonModels(std::string_view bytes, const OnnxLimits& limits) {
    if (bytes.empty()) throw OnnxError(message("onnx-empty-file"));
    if (bytes.size() > limits.maxFileBytes || bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw OnnxError(message("onnx-file-too-large", {std::to_string(bytes.size()),
                                                        std::to_string(std::min<std::size_t>(limits.maxFileBytes, INT_MAX))}));
    if (startsWith(bytes, kLfsPointer)) throw OnnxError(message("onnx-lfs-pointer"));
    if (!looksLikeText(bytes)) return;
    if (looksLikeHtml(bytes))
        throw OnnxError(message("onnx-html"));
    throw OnnxError(message("onnx-text-file", {firstLine(bytes)}));
}

// ---- explaining a failed parse: a walk over the top-level fields of ModelProto -----------------

struct ModelField {
    int number;
    int wireType;  // 0 varint, 2 length-delimited
    const char* name;
};
constexpr ModelField kModelFields[] = {
    {1, 0, "ir_version"}, {2, 2, "producer_name"}, {3, 2, "producer_version"}, {4, 2, "domain"},
    {5, 0, "model_version"}, {6, 2, "doc_string"}, {7, 2, "graph"}, {8, 2, "opset_import"},
    {14, 2, "metadata_props"}, {20, 2, "training_info"}, {25, 2, "functions"}};

const ModelField* modelField(std::uint64_t tag) {
    for (const ModelField& f : kModelFields)
        if (tag == (static_cast<std::uint64_t>(f.number) << 3 | static_cast<std::uint64_t>(f.wireType))) return &f;
    return nullptr;
}

enum class ScanEnd { Complete, Truncated, Foreign };
struct Scan {
    ScanEnd end = ScanEnd::Complete;
    std::size_t offset = 0;         // where the walk stopped
    const char* field = "";         // the field it was in
};

// Reads a varint at `pos`; nullopt when the bytes end first (or it runs past 10 bytes).
std::optional<std::uint64_t> readVarint(std::string_view bytes, std::size_t& pos) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64 && pos < bytes.size(); shift += 7) {
        const auto b = static_cast<unsigned char>(bytes[pos++]);
        value |= std::uint64_t(b & 0x7F) << shift;
        if (!(b & 0x80)) return value;
    }
    return std::nullopt;
}

Scan scanModel(std::string_view bytes) {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t start = pos;
        auto tag = readVarint(bytes, pos);
        const ModelField* f = tag ? modelField(*tag) : nullptr;
        if (!f) return {ScanEnd::Foreign, start, ""};
        auto value = readVarint(bytes, pos);
        if (!value) return {ScanEnd::Truncated, start, f->name};
        if (f->wireType == 2) {
            if (*value > bytes.size() - pos) return {ScanEnd::Truncated, start, f->name};
            pos += static_cast<std::size_t>(*value);
        }
    }
    return {};
}

// Protobuf only says "no"; a walk over the top-level fields tells a cut-off download from damage
// and from a file that was never ONNX.
[[noreturn]] void explainParseFailure(std::string_view bytes, const OnnxLimits& limits) {
    const Scan scan = scanModel(bytes);
    const bool startsLikeOnnx = bytes[0] == 0x08;  // exporters write ir_version first
    const std::string size = std::to_string(bytes.size());
    if (scan.end == ScanEnd::Complete)  // the damage is inside a field protobuf could not parse
        throw OnnxError(message("onnx-damaged-nested", {std::to_string(limits.recursionLimit)}));
    if (startsLikeOnnx && scan.end == ScanEnd::Truncated)
        throw OnnxError(message("onnx-truncated", {size, scan.field}));
    if (startsLikeOnnx && scan.offset > 0)
        throw OnnxError(message("onnx-damaged-at", {std::to_string(scan.offset), size}));
    throw OnnxError(message("onnx-not-protobuf"));
}

bool hasDefaultOpset(const onnx::ModelProto& model) {
    return std::any_of(model.opset_import().begin(), model.opset_import().end(), [](const onnx::OperatorSetIdProto& o) {
        return o.domain().empty() || o.domain() == "ai.onnx";
    });
}

}  // namespace

onnx::ModelProto parseModel(std::string_view bytes, const OnnxLimits& limits) {
    refuseNonModels(bytes, limits);
    const int size = static_cast<int>(bytes.size());
    google::protobuf::io::ArrayInputStream stream(bytes.data(), size);
    google::protobuf::io::CodedInputStream input(&stream);
    input.SetTotalBytesLimit(size);
    input.SetRecursionLimit(limits.recursionLimit);
    onnx::ModelProto model;
    // A stray end-group tag ends the parse early, "successfully": the whole input must be the model.
    if (!model.ParseFromCodedStream(&input) || !input.ConsumedEntireMessage() || input.CurrentPosition() != size)
        explainParseFailure(bytes, limits);
    if (!model.has_ir_version())
        throw OnnxError(message("onnx-no-ir-version"));
    if (!model.has_graph()) throw OnnxError(message("onnx-no-graph"));
    if (!hasDefaultOpset(model)) throw OnnxError(message("onnx-no-opset"));
    return model;
}

}  // namespace bp::onnx_io
