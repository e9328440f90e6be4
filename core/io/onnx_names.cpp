// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/onnx_names.h"

#include <array>
#include <string_view>

#include "core/language/name_characters.h"

namespace bp::onnx_io {

namespace {

bool isKeyword(const std::string& name) {
    static constexpr std::array<std::string_view, 5> kKeywords{"input", "param", "const", "backward", "with"};
    for (std::string_view keyword : kKeywords)
        if (name == keyword) return true;
    return false;
}

}  // namespace

std::string identifierFor(const std::string& onnxName) { return nameFromText(onnxName); }

std::string NameMaker::make(const std::string& onnxName) {
    const std::string base = identifierFor(onnxName);
    std::string name = base;
    for (int k = 2; isKeyword(name) || used_.count(name); ++k) name = base + "_" + std::to_string(k);
    used_.insert(name);
    return name;
}

}  // namespace bp::onnx_io
