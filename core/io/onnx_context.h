// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The state of one import and the view of it that each ONNX op's builder gets. Internal to
// core/io/onnx_*.
#include <onnx/onnx_pb.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/graph/graph.h"
#include "core/io/onnx_names.h"
#include "core/io/onnx_tensor.h"

namespace bp::onnx_io {

// An ONNX tensor as the importer tracks it: its ONNX dims beside the graph node that holds it.
struct TensorInfo {
    enum class Role { Input, Initializer, Constant, Result };
    std::string onnxName;
    Role role = Role::Result;
    Dims dims;
    NodeId node = -1;                  // the graph node holding it, once there is one
    std::optional<TensorValue> value;  // spelled out in the file (initializers, Constants)
    NodeKind leafKind = NodeKind::Const;
    Message describe() const;          // "initializer '0.weight'"
};

struct ImportState {
    explicit ImportState(const OnnxLimits& l) : limits(l) {}
    const OnnxLimits& limits;
    Graph graph;
    NameMaker names;
    std::unordered_map<std::string, std::string> originalNames;  // node name -> ONNX name
    std::unordered_map<std::string, TensorInfo> tensors;
    long entries = 0;  // entries of every matrix in the graph so far

    // Counts `n` more entries against maxGraphEntries.
    void spend(long n);
    // The graph node of a tensor, making the leaf of an input or a known value on first use.
    NodeId materialize(TensorInfo& tensor);
};

// What the builder of one ONNX node sees: its inputs, its attributes, and ways to add ops.
class OpContext {
public:
    OpContext(ImportState& state, const onnx::NodeProto& node, int index) : state_(state), node_(node), index_(index) {}

    const onnx::NodeProto& node() const { return node_; }
    const OnnxLimits& limits() const { return state_.limits; }
    // "MatMul node '/0/MatMul' (node 0)"
    Message where() const;
    [[noreturn]] void fail(Message said) const;

    bool has(int slot) const;  // input `slot` is given (an optional input may be absent or "")
    const TensorInfo& input(int slot) const;
    const Dims& dims(int slot) const { return input(slot).dims; }
    NodeId value(int slot);  // the graph node of input `slot`
    // Input `slot`'s value at load time (an initializer or a Constant); `role` names it in refusals.
    const TensorValue& known(int slot, const Message& role) const;
    // A known integer vector (a shape, axes), bounded to plausible values.
    Dims knownInts(int slot, const Message& role) const;

    const onnx::AttributeProto* attribute(std::string_view name) const;
    long intAttr(std::string_view name, long fallback) const;
    double floatAttr(std::string_view name, double fallback) const;
    std::optional<Dims> intsAttr(std::string_view name) const;

    // Refuses result dims that are not a matrix, too large, or of too many dimensions.
    void checkResult(const Dims& dims) const;
    // An inner op, anonymous.
    NodeId helper(std::string_view op, std::vector<NodeId> inputs, OpAttrs attrs = {});
    // The outermost op: named after the node's output tensor.
    NodeId result(std::string_view op, std::vector<NodeId> inputs, OpAttrs attrs = {});
    // An anonymous const leaf (Gemm's alpha, the ones of a reduction).
    NodeId constant(Matrix value);
    // The node's output: `dims` held by graph node `node`.
    TensorInfo output(const Dims& dims, NodeId node) const;

private:
    ImportState& state_;
    const onnx::NodeProto& node_;
    int index_;
    NodeId add(std::string_view op, std::vector<NodeId> inputs, OpAttrs attrs, std::string name);
};

// "node 'name' (node 3)", or "node 3" for a node without a name.
Message nodeRef(const onnx::NodeProto& node, int index);

}  // namespace bp::onnx_io
