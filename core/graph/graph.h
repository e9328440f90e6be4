// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The computation graph: nodes with ordered input slots. Nodes are only ever appended and an op
// may only use nodes that already exist, so creation order is a topological order; every
// traversal in the engine is a plain loop over ids (no recursion, no stack to overflow).
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/graph/held.h"
#include "core/graph/matrix.h"
#include "core/graph/name_index.h"
#include "core/graph/node_inputs.h"
#include "core/graph/node_name.h"
#include "core/ops/op.h"
#include "core/text/message.h"

namespace bp {

enum class NodeKind : unsigned char { Input, Param, Const, Op };

const char* kindName(NodeKind kind);  // "input", "param", "const", "op"

struct SourcePos {
    int line = 0;  // 1-based; 0 when the node did not come from text
    int column = 0;
};

struct Node {
    const OpDef* op = nullptr;     // null for leaves
    NodeShape shape;
    NodeInputs inputs;             // ordered slots: x * x has inputs {x, x}
    SourcePos pos;
    NodeKind kind = NodeKind::Op;
    bool named = false;            // given a name by the user (an assignment or a declaration)
    bool isLeaf() const { return kind != NodeKind::Op; }
    // "w1", or "%3" for an anonymous node (made when asked for: keep it rather than ask again).
    std::string name() const { return name_.text(); }
    // A named node's name without a copy (empty for an anonymous node).
    std::string_view namedText() const { return name_.stored(); }
    // The value of a leaf (an empty matrix for an op); Graph::setLeafValue changes it.
    const Matrix& leafValue() const;
    // What the canvas shows as the name (an ONNX original name, a constant's literal): the name
    // unless set otherwise. A label equal to the name follows the name when it is renamed.
    std::string label() const { return extras_ && !extras_->label.empty() ? extras_->label : name(); }
    void setLabel(const std::string& label);
    // The op's parameters that are not inputs (the exponent of a ^ p), the defaults for most.
    const OpAttrs& attrs() const { return extras_ ? extras_->attrs : kDefaultAttrs; }
    void setAttrs(const OpAttrs& attrs) {
        if (extras_ || !(attrs == kDefaultAttrs)) holdAttrs(attrs);  // most ops: nothing to hold
    }

private:
    // What most nodes of a big graph do not have: attributes other than the defaults, a label
    // other than the name, a value (a leaf's). Held apart, shared by copies until changed, null
    // when there is none of them: an OpAttrs and a label string in every node were 120 of its 232
    // bytes, the value's pointer another 8 of what is now 56.
    struct Extras {
        OpAttrs attrs;
        std::string label;  // empty: the name
        Matrix value;       // a leaf's, empty for an op
    };
    HeldShared<Extras> extras_;
    NodeName name_;  // in the graph's NameStore, or the number of an anonymous node
    void setExtras(Extras extras);
    void holdAttrs(const OpAttrs& attrs);
    Extras& writableExtras();
    friend class Graph;  // sets the leaf value, with its checks
};
// The inputs are held inline, kind and named share a word, the name is one word and the rest one
// pointer: a node is 56 bytes and no heap block of its own unless it is a leaf (a 100,000-node
// graph is made of them).
static_assert(sizeof(void*) != 8 || sizeof(Node) <= 56, "a node grew: see the note above");

// Thrown when an op is built on operands of the wrong shapes or count; what() names both shapes.
struct GraphError : MessageError {
    using MessageError::MessageError;
};

// How large a graph may grow before it is evaluated. Every op's result shape is known from its
// inputs when it is added, so a program whose values would not fit is refused while it is built,
// naming the node, never half-way through an evaluation.
struct GraphLimits {
    long maxEntries = 16'000'000;  // entries of any one value, as for a literal
    // What evaluating and tracing may use: each value, its gradient and the contributions along
    // its edges, 8 bytes an entry. Raised with the environment variable BACKPROP_STUDIO_MEMORY_MB.
    long long budgetBytes = 4LL << 30;
    static GraphLimits fromEnvironment();
};

// New values of some leaves, in the order they are applied (an edit, an optimizer's update).
using LeafValues = std::vector<std::pair<NodeId, Matrix>>;

// An op checked against a graph (Graph::checkOp): its inputs exist there and its shape rule holds.
// Graph::addOp adds it as it is. The parser checks each op where it reads it, so that errors keep
// the source's order, and adds it a little later, once it knows the op's name: checking it again
// then was a tenth of reading a long chain.
class CheckedOp {
public:
    CheckedOp() = default;  // none: Graph::addOp refuses it
    Shape shape() const { return shape_; }

private:
    friend class Graph;
    CheckedOp(const OpDef& op, std::span<const NodeId> inputs, const OpAttrs& attrs, Shape shape, long long bytes)
        : op_(&op), inputs_(inputs), attrs_(attrs), shape_(shape), bytes_(bytes) {}
    const OpDef* op_ = nullptr;
    NodeInputs inputs_;
    OpAttrs attrs_;
    Shape shape_;
    long long bytes_ = 0;  // the value and the gradient, then a contribution to each input
};

class Graph {
public:
    Graph() : limits_(GraphLimits::fromEnvironment()) {}
    void setLimits(const GraphLimits& limits) { limits_ = limits; }
    const GraphLimits& limits() const { return limits_; }
    // What evaluating and tracing this graph is expected to need, in bytes.
    long long estimatedBytes() const { return estimatedBytes_; }

    // An empty name makes an anonymous node, "%k".
    NodeId addLeaf(NodeKind kind, Matrix value, std::string_view name = {});
    // Checks arity and shapes with the op's shape rule; throws GraphError with both shapes named.
    NodeId addOp(const OpDef& op, std::span<const NodeId> inputs, OpAttrs attrs = {}, std::string_view name = {}) {
        return addOp(checkOp(op, inputs, attrs), name);
    }
    // The same in two steps: the check (throws as above) and the op added, as long as no node
    // it reads has gone (throws GraphError when the budget is spent).
    CheckedOp checkOp(const OpDef& op, std::span<const NodeId> inputs, const OpAttrs& attrs) const;
    NodeId addOp(const CheckedOp& checked, std::string_view name = {});
    NodeId addOp(const OpDef& op, std::initializer_list<NodeId> inputs, OpAttrs attrs = {}, std::string_view name = {}) {
        return addOp(op, std::span<const NodeId>(inputs.begin(), inputs.size()), attrs, name);
    }

    int size() const { return static_cast<int>(nodes_.size()); }
    // Room for `nodes` nodes without moving the ones there (a loader that knows the count).
    void reserve(int nodes);
    const Node& node(NodeId id) const { return nodes_[id]; }
    Node& node(NodeId id) { return nodes_[id]; }
    const std::vector<Node>& nodes() const { return nodes_; }

    // The node called `name`, or -1.
    NodeId find(std::string_view name) const;
    // Gives a node a user name (an assignment names its outermost op). Caller checks uniqueness.
    void rename(NodeId id, std::string_view name);

    // Replaces a leaf's value; the shape must stay the same (throws GraphError otherwise).
    void setLeafValue(NodeId id, const Matrix& value);
    // Sets entry `index` (column-major, as Matrix(index)) of a leaf's value, in place.
    void setLeafEntry(NodeId id, long index, double value);

    // Consumers of each node, as (consumer, slot) pairs in id order: the edges out of a node.
    struct Use {
        NodeId consumer;
        int slot;
    };
    std::vector<std::vector<Use>> uses() const;
    int edgeCount() const;

private:
    std::vector<Node> nodes_;
    GraphLimits limits_;
    long long estimatedBytes_ = 0;
    // name -> node, for find(). Anonymous nodes are not in it (most nodes of a big graph are
    // anonymous, and hashing their names was the largest cost of building one): "%k" is looked
    // up in anonymousIds_[k - 1] instead.
    NameIndex index_;
    std::vector<NodeId> anonymousIds_;
    NameStore names_;  // the names of named nodes

    void nameNode(Node& node, std::string_view name);
    // Appends a node named `name` (or %k when empty), its label the same; nothing else is set.
    Node& appendNamed(std::string_view name);
    NodeId findAnonymous(std::string_view name) const;
    // Counts `bytes` against the budget; throws GraphError naming `who()` if `shape` is too large
    // or the budget would be exceeded (`who` is asked only then: a message per node was a tenth
    // of building a big graph).
    template <class Who>
    void spend(const Who& who, Shape shape, long long bytes) {
        if (!affordable(shape, bytes)) refuse(who(), shape, bytes);
        estimatedBytes_ += bytes;
    }
    bool affordable(Shape shape, long long bytes) const;
    [[noreturn]] void refuse(const Message& who, Shape shape, long long bytes) const;
};

}  // namespace bp
