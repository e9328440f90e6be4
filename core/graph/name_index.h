// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Node ids by name, for Graph::find. An open-addressing table of (hash, id) pairs; the names are
// read from the nodes themselves, so a name is stored once. A std::unordered_map<std::string,
// NodeId> kept a copy of every name in a heap block of its own: 72 bytes a named node, a tenth of a
// scalar graph's memory, and a malloc per definition while parsing.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/graph/node_inputs.h"

namespace bp {

struct Node;

class NameIndex {
public:
    // The id indexed under `name`, or -1.
    NodeId find(std::string_view name, const std::vector<Node>& nodes) const;
    // Indexes `id` under nodes[id].name, unless that name is indexed already (as map::emplace).
    void insert(NodeId id, const std::vector<Node>& nodes);
    // Removes `id` from under `name`, if it is the id indexed there.
    void erase(std::string_view name, NodeId id, const std::vector<Node>& nodes);

private:
    struct Slot {
        std::uint32_t hash = 0;
        NodeId id = kEmpty;
    };
    static constexpr NodeId kEmpty = -1;
    static constexpr NodeId kErased = -2;  // probing goes on past it
    std::vector<Slot> slots_;              // a power of two in size, or empty
    std::size_t live_ = 0;
    std::size_t used_ = 0;  // live and erased

    // The slot holding `name`, or the empty slot where probing for it ended (-1 when there are no slots).
    std::ptrdiff_t probe(std::string_view name, std::uint32_t hash, const std::vector<Node>& nodes) const;
    void rebuild(std::size_t capacity, const std::vector<Node>& nodes);
};

}  // namespace bp
