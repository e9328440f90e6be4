// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Node ids by name, for Graph::find. An open-addressing table of (hash, id) pairs; the names are
// read from the nodes themselves, so a name is stored once. A std::unordered_map<std::string,
// NodeId> kept a copy of every name in a heap block of its own: 72 bytes a named node, a tenth of a
// scalar graph's memory, and a malloc per definition while parsing.
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "core/graph/node_inputs.h"

namespace bp {

struct Node;

// A hash of a name, for the tables that look names up while a file is read (this index, the
// parser's table of callable names): a word at a time, inlined. std::hash's was a few percent of
// reading a long chain, most of it the call for names of a few letters. The last 1 to 7 bytes
// are read in at most two loads that may overlap (every byte is in the word, and the length is
// in the hash), not a byte at a time.
inline std::uint64_t hashName(std::string_view name) {
    constexpr std::uint64_t kMix = 0xff51afd7ed558ccdULL;
    const auto mix = [](std::uint64_t h, std::uint64_t word) {
        h = (h ^ word) * kMix;
        return h ^ (h >> 32);
    };
    const char* p = name.data();
    std::size_t left = name.size();
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ left;
    for (; left >= 8; p += 8, left -= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = mix(h, word);
    }
    if (left >= 4) {
        std::uint32_t first, last;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + left - 4, 4);
        h = mix(h, first | std::uint64_t(last) << 32);
    } else if (left > 0) {
        const auto byte = [&](std::size_t i) { return std::uint64_t(static_cast<unsigned char>(p[i])); };
        h = mix(h, byte(0) | byte(left / 2) << 8 | byte(left - 1) << 16);
    }
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 29);
}

// Whether two names are the same: for a name of up to 16 bytes, as most are, two loads of each
// that may overlap (a call to memcmp was a third of a lookup).
inline bool sameName(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    const auto same = [&](std::size_t at, auto word) {
        std::memcpy(&word, p + at, sizeof word);
        decltype(word) other;
        std::memcpy(&other, q + at, sizeof other);
        return word == other;
    };
    if (n > 16) return std::memcmp(p, q, n) == 0;
    if (n >= 8) return same(0, std::uint64_t{}) && same(n - 8, std::uint64_t{});
    if (n >= 4) return same(0, std::uint32_t{}) && same(n - 4, std::uint32_t{});
    for (std::size_t i = 0; i < n; ++i)
        if (p[i] != q[i]) return false;
    return true;
}

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
