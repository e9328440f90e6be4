// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/onnx_context.h"

#include <cmath>

#include "core/ops/op_table.h"

namespace bp::onnx_io {

Message TensorInfo::describe() const {
    switch (role) {
    case Role::Input: return message("onnx-input", {onnxName});
    case Role::Initializer: return message("onnx-initializer", {onnxName});
    case Role::Constant: return message("onnx-constant", {onnxName});
    case Role::Result: return message("onnx-tensor", {onnxName});
    }
    return plain("'" + onnxName + "'");
}

void ImportState::spend(long n) {
    if (n > limits.maxGraphEntries - entries)
        throw OnnxError(message("onnx-graph-entries", {std::to_string(limits.maxGraphEntries)}));
    entries += n;
}

NodeId ImportState::materialize(TensorInfo& t) {
    if (t.node >= 0) return t.node;
    requireMatrix(t.dims, t.describe());
    spend(entryCount(t.dims, limits.maxTensorEntries, t.describe()));
    const Shape shape = matrixShape(t.dims);
    // A model's inputs come without values: ones, not zeros, so that the first backward pass
    // of an imported model does not give every weight a zero gradient.
    Matrix value = t.value ? toMatrix(*t.value) : Matrix::Ones(shape.rows, shape.cols);
    const NodeKind kind = t.role == TensorInfo::Role::Input ? NodeKind::Input : t.leafKind;
    const TensorRole role = t.role == TensorInfo::Role::Input ? TensorRole::Input
                            : kind == NodeKind::Param           ? TensorRole::Weight
                                                                : TensorRole::Constant;
    const ReadableName readable = names.make(t.onnxName, role);
    t.node = graph.addLeaf(kind, std::move(value), readable.name);
    graph.node(t.node).setLabel(readable.label);
    originalNames.emplace(readable.name, t.onnxName);
    return t.node;
}

Message nodeRef(const onnx::NodeProto& node, int index) {
    if (node.name().empty()) return message("onnx-node", {std::to_string(index)});
    return message("onnx-node-named", {node.name(), std::to_string(index)});
}

Message OpContext::where() const { return phrase("onnx-op-node", {plain(node_.op_type()), nodeRef(node_, index_)}); }

void OpContext::fail(Message said) const { throw OnnxError(phrase("onnx-at", {where(), std::move(said)})); }

bool OpContext::has(int slot) const { return slot < node_.input_size() && !node_.input(slot).empty(); }

const TensorInfo& OpContext::input(int slot) const { return state_.tensors.at(node_.input(slot)); }

NodeId OpContext::value(int slot) { return state_.materialize(state_.tensors.at(node_.input(slot))); }

const TensorValue& OpContext::known(int slot, const Message& role) const {
    const TensorInfo& t = input(slot);
    if (!t.value)
        fail(phrase("onnx-not-constant", {role, t.describe()}));
    return *t.value;
}

Dims OpContext::knownInts(int slot, const Message& role) const {
    const TensorValue& v = known(slot, role);
    if (v.dataType != onnx::TensorProto::INT64 && v.dataType != onnx::TensorProto::INT32)
        fail(phrase("onnx-role-not-integers", {role, plain(dataTypeName(v.dataType))}));
    if (v.dims.size() > 1) fail(phrase("onnx-role-not-list", {role, plain(dimsText(v.dims))}));
    Dims out;
    for (double x : v.values) {
        if (!(std::abs(x) <= 1e15)) fail(phrase("onnx-role-out-of-range", {role}));
        out.push_back(static_cast<long>(x));
    }
    return out;
}

const onnx::AttributeProto* OpContext::attribute(std::string_view name) const {
    for (const onnx::AttributeProto& a : node_.attribute())
        if (a.name() == name) return &a;
    return nullptr;
}

long OpContext::intAttr(std::string_view name, long fallback) const {
    const onnx::AttributeProto* a = attribute(name);
    if (!a) return fallback;
    if (a->type() != onnx::AttributeProto::INT && !(a->type() == onnx::AttributeProto::UNDEFINED && a->has_i()))
        fail(message("onnx-attr-not-int", {std::string(name)}));
    return static_cast<long>(a->i());
}

double OpContext::floatAttr(std::string_view name, double fallback) const {
    const onnx::AttributeProto* a = attribute(name);
    if (!a) return fallback;
    if (a->type() != onnx::AttributeProto::FLOAT && !(a->type() == onnx::AttributeProto::UNDEFINED && a->has_f()))
        fail(message("onnx-attr-not-number", {std::string(name)}));
    return a->f();
}

std::optional<Dims> OpContext::intsAttr(std::string_view name) const {
    const onnx::AttributeProto* a = attribute(name);
    if (!a) return std::nullopt;
    if (a->type() != onnx::AttributeProto::INTS && a->type() != onnx::AttributeProto::UNDEFINED)
        fail(message("onnx-attr-not-ints", {std::string(name)}));
    return Dims(a->ints().begin(), a->ints().end());
}

void OpContext::checkResult(const Dims& dims) const {
    if (dims.size() > kMaxRank) fail(message("onnx-result-rank", {std::to_string(kMaxRank)}));
    try {
        entryCount(dims, limits().maxTensorEntries, message("onnx-its-result"));
        requireMatrix(dims, message("onnx-its-result"));
    } catch (const OnnxError& e) {
        fail(e.said);
    }
}

NodeId OpContext::add(std::string_view opName, std::vector<NodeId> inputs, OpAttrs attrs, std::string name) {
    NodeId id = -1;
    try {
        id = state_.graph.addOp(op(opName), std::move(inputs), attrs, std::move(name));
    } catch (const GraphError& e) {
        fail(e.said);  // the dims were checked first: this would be an importer bug, but say what it is
    }
    state_.spend(state_.graph.node(id).shape.size());
    return id;
}

NodeId OpContext::helper(std::string_view opName, std::vector<NodeId> inputs, OpAttrs attrs) {
    return add(opName, std::move(inputs), attrs, {});
}

NodeId OpContext::result(std::string_view opName, std::vector<NodeId> inputs, OpAttrs attrs) {
    const std::string& onnxName = node_.output(0);
    const ReadableName readable = state_.names.make(onnxName, TensorRole::Result, node_.op_type());
    const NodeId id = add(opName, std::move(inputs), attrs, readable.name);
    state_.graph.node(id).setLabel(readable.label);
    state_.originalNames.emplace(readable.name, onnxName);
    return id;
}

NodeId OpContext::constant(Matrix value) {
    state_.spend(value.size());
    return state_.graph.addLeaf(NodeKind::Const, std::move(value));
}

TensorInfo OpContext::output(const Dims& dims, NodeId node) const {
    checkResult(dims);
    if (state_.graph.node(node).shape != matrixShape(dims))
        fail(message("onnx-internal-shape", {dimsText(dims), shapeText(state_.graph.node(node).shape)}));
    TensorInfo t;
    t.onnxName = node_.output(0);
    t.role = TensorInfo::Role::Result;
    t.dims = dims;
    t.node = node;
    return t;
}

}  // namespace bp::onnx_io
