// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/graph.h"

namespace bp {

const char* kindName(NodeKind kind) {
    switch (kind) {
    case NodeKind::Input: return "input";
    case NodeKind::Param: return "param";
    case NodeKind::Const: return "const";
    case NodeKind::Op: return "op";
    }
    return "op";
}

NodeId Graph::addLeaf(NodeKind kind, Matrix value, std::string name) {
    if (kind == NodeKind::Op) throw GraphError("a leaf must be an input, a param or a const");
    Node node;
    node.kind = kind;
    node.shape = shapeOf(value);
    node.leafValue = std::move(value);
    node.named = !name.empty();
    node.name = node.named ? std::move(name) : std::string("%") + std::to_string(++anonymous_);
    node.label = node.name;
    nodes_.push_back(std::move(node));
    index_.emplace(nodes_.back().name, size() - 1);
    return size() - 1;
}

NodeId Graph::addOp(const OpDef& op, std::vector<NodeId> inputs, OpAttrs attrs, std::string name) {
    if (static_cast<int>(inputs.size()) != op.arity)
        throw GraphError("'" + std::string(op.name) + "' takes " + std::to_string(op.arity) + " argument" +
                         (op.arity == 1 ? "" : "s") + ", got " + std::to_string(inputs.size()));
    std::vector<Shape> shapes;
    for (NodeId in : inputs) {
        if (in < 0 || in >= size()) throw GraphError("an op input refers to a node that does not exist");
        shapes.push_back(nodes_[in].shape);
    }
    Node node;
    std::string error;
    if (!op.shape(shapes, attrs, node.shape, error)) throw GraphError(error);
    node.kind = NodeKind::Op;
    node.op = &op;
    node.attrs = attrs;
    node.inputs = std::move(inputs);
    node.named = !name.empty();
    node.name = node.named ? std::move(name) : std::string("%") + std::to_string(++anonymous_);
    node.label = node.name;
    nodes_.push_back(std::move(node));
    index_.emplace(nodes_.back().name, size() - 1);
    return size() - 1;
}

NodeId Graph::find(const std::string& name) const {
    auto it = index_.find(name);
    return it != index_.end() ? it->second : -1;
}

void Graph::rename(NodeId id, std::string name) {
    Node& node = nodes_[id];
    if (auto it = index_.find(node.name); it != index_.end() && it->second == id) index_.erase(it);
    if (node.label == node.name) node.label = name;
    node.name = std::move(name);
    node.named = true;
    index_.emplace(node.name, id);
}

void Graph::setLeafValue(NodeId id, const Matrix& value) {
    Node& node = nodes_.at(id);
    if (!node.isLeaf()) throw GraphError("'" + node.name + "' is not a leaf: only inputs, params and consts take values");
    if (shapeOf(value) != node.shape)
        throw GraphError("'" + node.name + "' is " + shapeText(node.shape) + ", the new value is " +
                         shapeText(shapeOf(value)));
    node.leafValue = value;
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
