// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ONNX names ("/0/MatMul_output_0", "0.weight", "onnx::MatMul_9", "8") made into .bpg identifiers
// (SPEC section 3): each character outside [A-Za-z0-9_] becomes `_`, a leading digit gets a `_` in
// front, and a name already taken (or a keyword: input param const backward with) gets `_2`,
// `_3`, ... Internal to core/io/onnx_*.
#include <string>
#include <unordered_set>

namespace bp::onnx_io {

// The identifier spelling of an ONNX name, before clashes are resolved. A multi-byte UTF-8
// character is one character, so it becomes one `_`.
std::string identifierFor(const std::string& onnxName);

// Hands out identifiers, each different from all given before.
class NameMaker {
public:
    std::string make(const std::string& onnxName);

private:
    std::unordered_set<std::string> used_;
};

}  // namespace bp::onnx_io
