// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a node holds out of line, each in one pointer: most nodes of a big graph are ops with
// default attributes, no label of their own and no value of their own.
#include <atomic>
#include <memory>
#include <utility>

namespace bp {

// A value of its own, copied with its holder (a leaf's matrix): one pointer, null for none.
template <class T>
class HeldCopy {
public:
    HeldCopy() = default;
    HeldCopy(const HeldCopy& other) : held_(other.held_ ? std::make_unique<T>(*other.held_) : nullptr) {}
    HeldCopy(HeldCopy&&) noexcept = default;
    HeldCopy& operator=(const HeldCopy& other) {
        if (this != &other) held_ = other.held_ ? std::make_unique<T>(*other.held_) : nullptr;
        return *this;
    }
    HeldCopy& operator=(HeldCopy&&) noexcept = default;
    ~HeldCopy() = default;

    const T* get() const { return held_.get(); }
    T* get() { return held_.get(); }
    // Into the storage already there, when there is some.
    template <class U>
    void set(U&& value) {
        if (held_) *held_ = std::forward<U>(value);
        else held_ = std::make_unique<T>(std::forward<U>(value));
    }

private:
    std::unique_ptr<T> held_;
};

// An immutable value shared by its holders' copies and replaced, never written, on a change:
// one pointer (a std::shared_ptr is two), null for none. Counted atomically: copies of a graph
// live on other threads (training, the gradient check).
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
