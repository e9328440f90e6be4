// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/onnx_context.h"

#include <cmath>

#include "core/ops/op_table.h"

namespace bp::onnx_io {

std::string TensorInfo::describe() const {
    switch (role) {
    case Role::Input: return "input " + quoted(onnxName);
    case Role::Initializer: return "initializer " + quoted(onnxName);
    case Role::Constant: return "constant " + quoted(onnxName);
    case Role::Result: return "tensor " + quoted(onnxName);
    }
    return quoted(onnxName);
}

void ImportState::spend(long n) {
    if (n > limits.maxGraphEntries - entries)
        throw OnnxError("the model's matrices hold more than the limit of " + std::to_string(limits.maxGraphEntries) +
                        " entries in all");
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
    t.node = graph.addLeaf(kind, std::move(value), names.make(t.onnxName));
    graph.node(t.node).label = t.onnxName;
    return t.node;
}

std::string nodeRef(const onnx::NodeProto& node, int index) {
    if (node.name().empty()) return "node " + std::to_string(index);
    return "node " + quoted(node.name()) + " (node " + std::to_string(index) + ")";
}

std::string OpContext::where() const { return node_.op_type() + " " + nodeRef(node_, index_); }

void OpContext::fail(const std::string& message) const { throw OnnxError(where() + ": " + message); }

bool OpContext::has(int slot) const { return slot < node_.input_size() && !node_.input(slot).empty(); }

const TensorInfo& OpContext::input(int slot) const { return state_.tensors.at(node_.input(slot)); }

NodeId OpContext::value(int slot) { return state_.materialize(state_.tensors.at(node_.input(slot))); }

const TensorValue& OpContext::known(int slot, const std::string& role) const {
    const TensorInfo& t = input(slot);
    if (!t.value)
        fail(role + " must be a constant (an initializer or a Constant node), but " + t.describe() +
             " is computed by the graph");
    return *t.value;
}

Dims OpContext::knownInts(int slot, const std::string& role) const {
    const TensorValue& v = known(slot, role);
    if (v.dataType != onnx::TensorProto::INT64 && v.dataType != onnx::TensorProto::INT32)
        fail(role + " must hold integers, not " + dataTypeName(v.dataType));
    if (v.dims.size() > 1) fail(role + " must be a list of integers, not a tensor of dims " + dimsText(v.dims));
    Dims out;
    for (double x : v.values) {
        if (!(std::abs(x) <= 1e15)) fail(role + " holds an out-of-range number");
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
        fail("attribute '" + std::string(name) + "' must be an integer");
    return static_cast<long>(a->i());
}

double OpContext::floatAttr(std::string_view name, double fallback) const {
    const onnx::AttributeProto* a = attribute(name);
    if (!a) return fallback;
    if (a->type() != onnx::AttributeProto::FLOAT && !(a->type() == onnx::AttributeProto::UNDEFINED && a->has_f()))
        fail("attribute '" + std::string(name) + "' must be a number");
    return a->f();
}

std::optional<Dims> OpContext::intsAttr(std::string_view name) const {
    const onnx::AttributeProto* a = attribute(name);
    if (!a) return std::nullopt;
    if (a->type() != onnx::AttributeProto::INTS && a->type() != onnx::AttributeProto::UNDEFINED)
        fail("attribute '" + std::string(name) + "' must be a list of integers");
    return Dims(a->ints().begin(), a->ints().end());
}

void OpContext::checkResult(const Dims& dims) const {
    if (dims.size() > kMaxRank) fail("its result would have more than " + std::to_string(kMaxRank) + " dimensions");
    try {
        entryCount(dims, limits().maxTensorEntries, "its result");
        requireMatrix(dims, "its result");
    } catch (const OnnxError& e) {
        fail(e.what());
    }
}

NodeId OpContext::add(std::string_view opName, std::vector<NodeId> inputs, OpAttrs attrs, std::string name) {
    NodeId id = -1;
    try {
        id = state_.graph.addOp(op(opName), std::move(inputs), attrs, std::move(name));
    } catch (const GraphError& e) {
        fail(e.what());  // the dims were checked first: this would be an importer bug, but say what it is
    }
    state_.spend(state_.graph.node(id).shape.size());
    return id;
}

NodeId OpContext::helper(std::string_view opName, std::vector<NodeId> inputs, OpAttrs attrs) {
    return add(opName, std::move(inputs), attrs, {});
}

NodeId OpContext::result(std::string_view opName, std::vector<NodeId> inputs, OpAttrs attrs) {
    const std::string& onnxName = node_.output(0);
    const NodeId id = add(opName, std::move(inputs), attrs, state_.names.make(onnxName));
    state_.graph.node(id).label = onnxName;
    return id;
}

NodeId OpContext::constant(Matrix value) {
    state_.spend(value.size());
    return state_.graph.addLeaf(NodeKind::Const, std::move(value));
}

TensorInfo OpContext::output(const Dims& dims, NodeId node) const {
    checkResult(dims);
    if (state_.graph.node(node).shape != matrixShape(dims))
        fail("internal error: the result " + dimsText(dims) + " is held in a " + shapeText(state_.graph.node(node).shape) +
             " matrix");
    TensorInfo t;
    t.onnxName = node_.output(0);
    t.role = TensorInfo::Role::Result;
    t.dims = dims;
    t.node = node;
    return t;
}

}  // namespace bp::onnx_io
