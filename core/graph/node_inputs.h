// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A node's ordered input slots. An op takes at most two inputs (the op table's largest arity),
// so they are held in the node itself: a std::vector of them was a heap block per node, the
// largest part of a scalar node after its matrices. Reads like a vector of ids.
#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <stdexcept>

namespace bp {

using NodeId = int;

class NodeInputs {
public:
    static constexpr std::size_t kMaxInputs = 2;

    NodeInputs() = default;
    // Throws std::length_error for more than kMaxInputs (Graph::addOp checks the arity first).
    NodeInputs(std::span<const NodeId> ids) {
        if (ids.size() > kMaxInputs) throw std::length_error("an op takes at most 2 inputs");
        std::copy(ids.begin(), ids.end(), ids_.begin());
        count_ = static_cast<int>(ids.size());
    }
    NodeInputs(std::initializer_list<NodeId> ids) : NodeInputs(std::span<const NodeId>(ids.begin(), ids.size())) {}
    // Two inputs, set directly (no list in memory to copy them from: the parser makes one per op).
    NodeInputs(NodeId first, NodeId second) : ids_{first, second}, count_(2) {}

    std::size_t size() const { return static_cast<std::size_t>(count_); }
    bool empty() const { return count_ == 0; }
    NodeId operator[](std::size_t slot) const { return ids_[slot]; }
    const NodeId* begin() const { return ids_.data(); }
    const NodeId* end() const { return ids_.data() + count_; }
    bool operator==(const NodeInputs& other) const { return std::equal(begin(), end(), other.begin(), other.end()); }

private:
    std::array<NodeId, kMaxInputs> ids_{};
    int count_ = 0;
};

}  // namespace bp
