// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/onnx_names.h"

#include <array>

#include "core/language/name_characters.h"

namespace bp::onnx_io {

namespace {

bool isKeyword(const std::string& name) {
    static constexpr std::array<std::string_view, 5> kKeywords{"input", "param", "const", "backward", "with"};
    for (std::string_view keyword : kKeywords)
        if (name == keyword) return true;
    return false;
}

bool allDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

}  // namespace

std::string identifierFor(const std::string& onnxName) { return nameFromText(onnxName); }

bool isGeneratedName(std::string_view onnxName) {
    return onnxName.empty() || onnxName.rfind("onnx::", 0) == 0 || onnxName.front() == '/' || allDigits(onnxName);
}

std::string NameMaker::shortLabel(const std::string& onnxName, TensorRole role, std::string_view opType) {
    if (!isGeneratedName(onnxName)) return onnxName;
    std::string base;
    switch (role) {
        case TensorRole::Input: base = "x"; break;
        case TensorRole::Weight: base = "w"; break;
        case TensorRole::Constant: base = "c"; break;
        case TensorRole::Result:
            for (char c : opType) base += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);  // MatMul: matmul_1
            base = base.empty() ? std::string("y") : base + "_";
            break;
    }
    const int k = ++counts_[base];
    if (role == TensorRole::Input) return k == 1 ? base : base + std::to_string(k);
    return base + std::to_string(k);
}

ReadableName NameMaker::make(const std::string& onnxName, TensorRole role, std::string_view opType) {
    ReadableName out;
    out.label = shortLabel(onnxName, role, opType);
    const std::string base = identifierFor(out.label);
    out.name = base;
    for (int k = 2; isKeyword(out.name) || used_.count(out.name); ++k) out.name = base + "_" + std::to_string(k);
    if (out.name != base) out.label = out.name;  // a clash: the label says which one it is
    used_.insert(out.name);
    return out;
}

bool NameMaker::take(const std::string& wanted) {
    if (isKeyword(wanted) || used_.count(wanted)) return false;
    used_.insert(wanted);
    return true;
}

}  // namespace bp::onnx_io
