// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ONNX names made into short, readable labels and .bpg identifiers (SPEC section 3).
// A name PyTorch's exporter makes up ("onnx::MatMul_9", "/0/MatMul_output_0", a root called
// "8") reads as what it is: a weight w1, w2, ...; the k-th result of an op type, matmul_1,
// sigmoid_2; the model's input x; its output `output` (SPEC section 3). A name somebody chose ("0.weight",
// "fc1.weight", "h") stays as it is. The identifier of a label: each character outside a name
// becomes `_`, a leading digit gets a `_` in front, and a name already taken (or a keyword: input
// param const backward with) gets `_2`, `_3`, ... Internal to core/io/onnx_*.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace bp::onnx_io {

// The identifier spelling of an ONNX name, before clashes are resolved. A multi-byte UTF-8
// character is one character, so it becomes one `_`.
std::string identifierFor(const std::string& onnxName);

// Whether a name was made up by an exporter rather than chosen: empty, "onnx::…", a path
// "/0/MatMul_output_0", or only digits "8".
bool isGeneratedName(std::string_view onnxName);

// What a tensor is, for its label.
enum class TensorRole { Input, Weight, Constant, Result };

// A node's short label and its identifier (the same whenever the label is a name).
struct ReadableName {
    std::string label;
    std::string name;
};

// Hands out labels and identifiers, each different from all given before.
class NameMaker {
public:
    // `opType`: the ONNX op of a result ("MatMul"), unused otherwise.
    ReadableName make(const std::string& onnxName, TensorRole role, std::string_view opType = {});
    // `wanted` as given when free, else nothing (the root's "output").
    bool take(const std::string& wanted);

private:
    std::string shortLabel(const std::string& onnxName, TensorRole role, std::string_view opType);
    std::unordered_set<std::string> used_;
    std::unordered_map<std::string, int> counts_;  // per op type and per kind of leaf
};

}  // namespace bp::onnx_io
