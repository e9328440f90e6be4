// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/graph.h"

#include <array>
#include <cstdlib>
#include <limits>
#include <span>

namespace bp {

void Node::setExtras(Extras extras) {
    const bool none = extras.attrs == kDefaultAttrs && extras.label.empty() && extras.value.size() == 0;
    extras_ = none ? HeldShared<Extras>() : HeldShared<Extras>(std::move(extras));
}

Node::Extras& Node::writableExtras() {
    if (!extras_) extras_ = HeldShared<Extras>(Extras{});
    return extras_.writable();
}

const Matrix& Node::leafValue() const {
    static const Matrix none;
    return extras_ ? extras_->value : none;
}

void Node::holdAttrs(const OpAttrs& attrs) {
    Extras changed = extras_ ? *extras_.get() : Extras{};
    changed.attrs = attrs;
    setExtras(std::move(changed));
}

void Node::setLabel(const std::string& label) {
    Extras changed = extras_ ? *extras_.get() : Extras{};
    changed.label = label == name() ? std::string() : label;
    setExtras(std::move(changed));
}

const char* kindName(NodeKind kind) {
    switch (kind) {
    case NodeKind::Input: return "input";
    case NodeKind::Param: return "param";
    case NodeKind::Const: return "const";
    case NodeKind::Op: return "op";
    }
    return "op";
}

GraphLimits GraphLimits::fromEnvironment() {
    GraphLimits limits;
    if (const char* mb = std::getenv("BACKPROP_STUDIO_MEMORY_MB")) {
        char* end = nullptr;
        const long long value = std::strtoll(mb, &end, 10);
        if (end != mb && *end == '\0' && value > 0 && value < (1LL << 40)) limits.budgetBytes = value << 20;
    }
    return limits;
}

namespace {

std::string withSeparators(long long n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// 'y' for a named node, else what it is ("the result of matmul").
Message described(std::string_view name, Message anonymous) {
    if (name.empty()) return anonymous;
    std::string quoted("'");  // appended: GCC 12 warns falsely on "'" + name + "'"
    quoted += name;
    quoted += '\'';
    return plain(std::move(quoted));
}

}  // namespace

bool Graph::affordable(Shape shape, long long bytes) const {
    long entries = 0;
    constexpr long kSide = std::numeric_limits<int>::max();  // a NodeShape's side
    return !__builtin_mul_overflow(shape.rows, shape.cols, &entries) && entries <= limits_.maxEntries &&
           shape.rows <= kSide && shape.cols <= kSide && estimatedBytes_ + bytes <= limits_.budgetBytes;
}

void Graph::refuse(const Message& who, Shape shape, long long bytes) const {
    long entries = 0;
    constexpr long kSide = std::numeric_limits<int>::max();
    if (__builtin_mul_overflow(shape.rows, shape.cols, &entries) || entries > limits_.maxEntries ||
        shape.rows > kSide || shape.cols > kSide) {
        if (entries > 0)
            throw GraphError(phrase("value-too-large", {who, plain(shapeText(shape)), plain(withSeparators(entries)),
                                                        plain(withSeparators(limits_.maxEntries))}));
        throw GraphError(phrase("value-too-many-entries",
                                {who, plain(shapeText(shape)), plain(withSeparators(limits_.maxEntries))}));
    }
    throw GraphError(phrase("memory-budget", {who, plain(shapeText(shape)),
                                              plain(withSeparators((estimatedBytes_ + bytes) >> 20)),
                                              plain(withSeparators(limits_.budgetBytes >> 20))}));
}

void Graph::reserve(int nodes) {
    if (nodes > 0) nodes_.reserve(static_cast<std::size_t>(nodes));
}

// Gives the newest node (id size() - 1) its name: the user's, or the next "%k".
void Graph::nameNode(Node& node, std::string_view name) {
    const NodeId id = size() - 1;
    if (!name.empty()) {
        node.name_ = names_.add(name);
        node.named = true;
        index_.insert(id, nodes_);
        return;
    }
    anonymousIds_.push_back(id);
    node.name_ = NodeName::anonymous(anonymousIds_.size());
}

Node& Graph::appendNamed(std::string_view name) {
    // Built in place: moving a node in costs more than filling it. Naming is the only step that
    // can fail (out of memory): then it goes again.
    Node& added = nodes_.emplace_back();
    try {
        nameNode(added, name);
    } catch (...) {
        nodes_.pop_back();
        throw;
    }
    return added;
}

NodeId Graph::addLeaf(NodeKind kind, Matrix value, std::string_view name) {
    if (kind == NodeKind::Op) throw GraphError("a leaf must be an input, a param or a const");
    // the literal, the value and the gradient
    spend([&] { return described(name, message("a-literal")); }, shapeOf(value), 24LL * value.size());
    Node& added = appendNamed(name);
    added.kind = kind;
    added.shape = NodeShape(shapeOf(value));
    added.writableExtras().value = std::move(value);
    return size() - 1;
}

CheckedOp Graph::checkOp(const OpDef& op, std::span<const NodeId> inputs, const OpAttrs& attrs) const {
    if (static_cast<int>(inputs.size()) != op.arity)
        throw GraphError(op.arity == 1 ? message("op-arity-one", {std::string(op.name), std::to_string(inputs.size())})
                                       : message("op-arity", {std::string(op.name), std::to_string(op.arity),
                                                              std::to_string(inputs.size())}));
    if (inputs.size() > NodeInputs::kMaxInputs) throw GraphError("an op takes at most 2 inputs");
    std::array<Shape, NodeInputs::kMaxInputs> shapes;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const NodeId in = inputs[i];
        if (in < 0 || in >= size()) throw GraphError("an op input refers to a node that does not exist");
        shapes[i] = nodes_[in].shape;
    }
    Message error;
    const Shape shape = op.shape(std::span<const Shape>(shapes.data(), inputs.size()), attrs, error);
    if (shape.rows < 0) throw GraphError(error);  // kNoShape (a field: comparing whole shapes spilled them)
    long long bytes = 0;
    if (shape.rows > 0 && shape.cols > 0 && shape.rows <= limits_.maxEntries && shape.cols <= limits_.maxEntries)
        bytes = 16LL * shape.rows * shape.cols;
    for (std::size_t i = 0; i < inputs.size(); ++i) bytes += 8LL * shapes[i].size();
    return CheckedOp(op, inputs, attrs, shape, bytes);
}

NodeId Graph::addOp(const CheckedOp& checked, std::string_view name) {
    if (!checked.op_) throw GraphError("an op must be checked before it is added");
    for (const NodeId in : checked.inputs_)
        if (in >= size()) throw GraphError("an op input refers to a node that does not exist");
    const OpDef& op = *checked.op_;
    spend([&] { return described(name, message("result-of", {std::string(op.name)})); }, checked.shape_,
          checked.bytes_);
    Node& added = appendNamed(name);
    added.kind = NodeKind::Op;
    added.op = &op;
    added.setAttrs(checked.attrs_);
    added.inputs = checked.inputs_;
    added.shape = NodeShape(checked.shape_);
    return size() - 1;
}

// "%k", the k-th anonymous node, while it still has that name (an anonymous node that was renamed
// is found by its new name).
NodeId Graph::findAnonymous(std::string_view name) const {
    if (name.size() < 2 || name.size() > 11 || name[0] != '%' || name[1] == '0') return -1;
    long long k = 0;
    for (std::size_t i = 1; i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9') return -1;
        k = k * 10 + (name[i] - '0');
    }
    if (k < 1 || k > static_cast<long long>(anonymousIds_.size())) return -1;
    const NodeId id = anonymousIds_[static_cast<std::size_t>(k - 1)];
    return nodes_[id].named ? -1 : id;
}

NodeId Graph::find(std::string_view name) const {
    if (!name.empty() && name[0] == '%')
        if (const NodeId id = findAnonymous(name); id >= 0) return id;
    return index_.find(name, nodes_);
}

void Graph::rename(NodeId id, std::string_view name) {
    Node& node = nodes_[id];
    const NodeName stored = names_.add(name);  // first: should it throw, nothing has changed
    const std::string label = node.label() == node.name() ? std::string(name) : node.label();
    if (node.named) index_.erase(node.namedText(), id, nodes_);
    node.name_ = stored;
    node.setLabel(label);
    node.named = true;
    index_.insert(id, nodes_);
}

void Graph::setLeafValue(NodeId id, const Matrix& value) {
    Node& node = nodes_.at(id);
    if (!node.isLeaf()) throw GraphError(message("not-a-leaf", {node.name()}));
    if (shapeOf(value) != node.shape)
        throw GraphError(message("value-shape", {node.name(), shapeText(node.shape), shapeText(shapeOf(value))}));
    node.writableExtras().value = value;
}

void Graph::setLeafEntry(NodeId id, long index, double value) {
    Node& node = nodes_.at(id);
    if (!node.isLeaf()) throw GraphError(message("not-a-leaf", {node.name()}));
    if (index < 0 || index >= node.leafValue().size()) throw std::out_of_range("no such entry of the leaf's value");
    node.writableExtras().value(index) = value;
}

std::vector<std::vector<Graph::Use>> Graph::uses() const {
    std::vector<std::vector<Use>> result(nodes_.size());
    for (NodeId id = 0; id < size(); ++id)
        for (int slot = 0; slot < static_cast<int>(nodes_[id].inputs.size()); ++slot)
            result[nodes_[id].inputs[slot]].push_back({id, slot});
    return result;
}

int Graph::edgeCount() const {
    int count = 0;
    for (const Node& node : nodes_) count += static_cast<int>(node.inputs.size());
    return count;
}

}  // namespace bp
