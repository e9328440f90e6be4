// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/onnx_names.h"

#include <array>
#include <string_view>

namespace bp::onnx_io {

namespace {

bool isIdentifierChar(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

bool isKeyword(const std::string& name) {
    static constexpr std::array<std::string_view, 5> kKeywords{"input", "param", "const", "backward", "with"};
    for (std::string_view keyword : kKeywords)
        if (name == keyword) return true;
    return false;
}

}  // namespace

std::string identifierFor(const std::string& onnxName) {
    std::string out;
    for (std::size_t i = 0; i < onnxName.size(); ++i) {
        const auto c = static_cast<unsigned char>(onnxName[i]);
        if (isIdentifierChar(c)) {
            out += static_cast<char>(c);
            continue;
        }
        out += '_';
        if (c >= 0xC0)  // the lead byte of a UTF-8 sequence: its continuation bytes are the same character
            while (i + 1 < onnxName.size() && isContinuationByte(static_cast<unsigned char>(onnxName[i + 1]))) ++i;
    }
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), '_');
    return out;
}

std::string NameMaker::make(const std::string& onnxName) {
    const std::string base = identifierFor(onnxName);
    std::string name = base;
    for (int k = 2; isKeyword(name) || used_.count(name); ++k) name = base + "_" + std::to_string(k);
    used_.insert(name);
    return name;
}

}  // namespace bp::onnx_io
