// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a node holds out of line, in one pointer: most nodes of a big graph are ops with default
// attributes, no label of their own and no value of their own.
#include <atomic>
#include <utility>

namespace bp {

// A value shared by its holders' copies until one of them changes it (copy on write): one
// pointer (a std::shared_ptr is two), null for none. Copying a graph copies no leaf value. Counted
// atomically: copies of a graph live on other threads (training, the gradient check); a holder
// that writes first gets a block of its own unless it is the only one, so no block is written
// while another holder can read it.
template <class T>
class HeldShared {
public:
    HeldShared() = default;
    explicit HeldShared(T value) : block_(new Block{std::move(value), {1}}) {}
    HeldShared(const HeldShared& other) noexcept : block_(other.block_) { retain(); }
    HeldShared(HeldShared&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
    HeldShared& operator=(HeldShared other) noexcept {
        std::swap(block_, other.block_);
        return *this;
    }
    ~HeldShared() { release(); }

    const T* get() const { return block_ ? &block_->value : nullptr; }
    explicit operator bool() const { return block_ != nullptr; }
    const T* operator->() const { return get(); }
    // The value, to change in place: copied first if another holder shares it. Needs a value.
    T& writable() {
        if (block_->holders.load(std::memory_order_acquire) != 1) *this = HeldShared(T(block_->value));
        return block_->value;
    }

private:
    struct Block {
        T value;
        std::atomic<int> holders;
    };
    Block* block_ = nullptr;

    void retain() const noexcept {
        if (block_) block_->holders.fetch_add(1, std::memory_order_relaxed);
    }
    void release() noexcept {
        if (block_ && block_->holders.fetch_sub(1, std::memory_order_acq_rel) == 1) delete block_;
    }
};

}  // namespace bp
