// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/name_index.h"

#include <algorithm>

#include "core/graph/graph.h"

namespace bp {
namespace {

std::uint32_t hashOf(std::string_view name) {
    const std::uint64_t h = hashName(name);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

}  // namespace

std::ptrdiff_t NameIndex::probe(std::string_view name, std::uint32_t hash, const std::vector<Node>& nodes) const {
    if (slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    std::ptrdiff_t firstErased = -1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.id == kEmpty) return firstErased >= 0 ? firstErased : std::ptrdiff_t(i);
        if (s.id == kErased) {
            if (firstErased < 0) firstErased = std::ptrdiff_t(i);
        } else if (s.hash == hash && sameName(nodes[std::size_t(s.id)].namedText(), name)) {
            return std::ptrdiff_t(i);
        }
    }
}

NodeId NameIndex::find(std::string_view name, const std::vector<Node>& nodes) const {
    const std::ptrdiff_t at = probe(name, hashOf(name), nodes);
    if (at < 0) return -1;
    const NodeId id = slots_[std::size_t(at)].id;
    return id >= 0 ? id : -1;
}

void NameIndex::insert(NodeId id, const std::vector<Node>& nodes) {
    // At most three quarters full (a slot is 8 bytes: a named node costs 11 to 21 bytes here);
    // doubled when it would be more.
    if (4 * (used_ + 1) > 3 * slots_.size()) rebuild(std::max<std::size_t>(16, 2 * (live_ + 1)), nodes);
    const std::string_view name = nodes[std::size_t(id)].namedText();
    const std::uint32_t hash = hashOf(name);
    const std::ptrdiff_t at = probe(name, hash, nodes);
    Slot& s = slots_[std::size_t(at)];
    if (s.id >= 0) return;  // indexed already
    if (s.id == kEmpty) ++used_;
    s = {hash, id};
    ++live_;
}

void NameIndex::erase(std::string_view name, NodeId id, const std::vector<Node>& nodes) {
    const std::ptrdiff_t at = probe(name, hashOf(name), nodes);
    if (at < 0 || slots_[std::size_t(at)].id != id) return;
    slots_[std::size_t(at)].id = kErased;
    --live_;
}

void NameIndex::rebuild(std::size_t capacity, const std::vector<Node>&) {
    std::size_t size = 16;
    while (size < capacity) size *= 2;
    std::vector<Slot> fresh(size);  // should this throw, the table stays as it was
    const std::size_t mask = size - 1;
    for (const Slot& s : slots_) {
        if (s.id < 0) continue;
        std::size_t i = s.hash & mask;
        while (fresh[i].id != kEmpty) i = (i + 1) & mask;
        fresh[i] = s;
    }
    slots_ = std::move(fresh);
    used_ = live_;
}

}  // namespace bp
