// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A node's name in one word. Two nodes in three of a big graph are anonymous ("%k", the k-th
// anonymous node): for them the word is k itself and the text is made when asked for. A name
// the user gave is written once into its graph's NameStore and the word points at it. A
// std::string in every node was 32 of its bytes, a third of a scalar graph's nodes.
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bp {

class NodeName {
public:
    NodeName() = default;  // "%0": no node has it (anonymous nodes count from 1)
    static NodeName anonymous(std::uint64_t k) { return NodeName((k << 1) | 1); }

    bool isAnonymous() const { return (word_ & 1) != 0; }
    std::uint64_t anonymousNumber() const { return word_ >> 1; }  // k, for an anonymous name
    // The text of a stored name (empty for an anonymous one: use text()).
    std::string_view stored() const {
        if (isAnonymous()) return {};
        const char* at = reinterpret_cast<const char*>(word_);
        std::uint32_t length = 0;
        std::memcpy(&length, at, sizeof length);
        return {at + sizeof length, length};
    }
    std::string text() const;  // "w1", "%3"

private:
    friend class NameStore;
    explicit NodeName(std::uintptr_t word) : word_(word) {}
    std::uintptr_t word_ = 1;  // low bit set: anonymous, k above it; clear: where the name is stored
};

// The names a graph's nodes were given, written one after another into blocks that never move
// and are never written over, so a node's NodeName stays valid as long as its block lives. A copy
// of a graph shares the blocks (copying a graph copies no name) and writes its own later names
// into a block of its own: two copies never write into the same block, so copies of a graph can
// be used on different threads, as graphs could before.
class NameStore {
public:
    NameStore() = default;
    NameStore(const NameStore& other) : blocks_(other.blocks_) {}
    NameStore(NameStore&& other) noexcept { *this = std::move(other); }
    NameStore& operator=(const NameStore& other);
    NameStore& operator=(NameStore&& other) noexcept;  // other is left empty
    ~NameStore() = default;

    // Writes `name` (not empty) and returns it as a NodeName. Throws std::bad_alloc or
    // std::length_error (a name of 4 GB); then nothing was written.
    NodeName add(std::string_view name);

private:
    std::vector<std::shared_ptr<char[]>> blocks_;
    char* free_ = nullptr;  // the unwritten rest of the last block, when this store may write there
    char* end_ = nullptr;
};

}  // namespace bp
