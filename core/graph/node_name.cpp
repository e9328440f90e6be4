// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/node_name.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>

namespace bp {

std::string NodeName::text() const {
    if (!isAnonymous()) return std::string(stored());
    char text[24] = {'%'};
    const auto written = std::to_chars(text + 1, text + sizeof text, anonymousNumber());
    return std::string(text, written.ptr);
}

NameStore& NameStore::operator=(const NameStore& other) {
    if (this != &other) {
        blocks_ = other.blocks_;
        free_ = end_ = nullptr;  // the last block may be other's to write into
    }
    return *this;
}

NameStore& NameStore::operator=(NameStore&& other) noexcept {
    if (this != &other) {
        blocks_ = std::move(other.blocks_);
        other.blocks_.clear();
        free_ = std::exchange(other.free_, nullptr);
        end_ = std::exchange(other.end_, nullptr);
    }
    return *this;
}

NodeName NameStore::add(std::string_view name) {
    // A length, the bytes, and padding to the next 4 bytes: a stored name starts at an even
    // address, which leaves the low bit of NodeName's word for anonymous names.
    constexpr std::size_t kFirstBlock = 256, kBlock = 64 * 1024, kAlign = alignof(std::uint32_t);
    if (name.size() > 0xffffffffu) throw std::length_error("a name longer than 4 GB");
    const auto length = static_cast<std::uint32_t>(name.size());
    const std::size_t need = (sizeof length + name.size() + kAlign - 1) / kAlign * kAlign;
    if (free_ == nullptr || std::size_t(end_ - free_) < need) {
        // Blocks double in size up to 64 KB: a small graph takes a few hundred bytes.
        const std::size_t grown = blocks_.size() < 9 ? kFirstBlock << blocks_.size() : kBlock;
        const std::size_t size = std::max(grown, need);
        blocks_.reserve(blocks_.size() + 1);  // so that push_back cannot throw after the allocation
        blocks_.push_back(std::shared_ptr<char[]>(new char[size]));
        free_ = blocks_.back().get();
        end_ = free_ + size;
    }
    char* at = free_;
    std::memcpy(at, &length, sizeof length);
    std::memcpy(at + sizeof length, name.data(), name.size());
    free_ += need;
    return NodeName(reinterpret_cast<std::uintptr_t>(at));
}

}  // namespace bp
