// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A matrix per node (the values of an evaluation, or its gradients), held so that a number costs
// a number: the entry of a 1x1 node lives in one flat array, only a larger node has a matrix of
// its own. A scalar graph of a million nodes then makes no heap block per value (a 1x1 Eigen
// matrix was 56 bytes with its block, and a page fault every 73 of them).
//
// Read it like a vector of matrices: `values[id]` is a read-only view (an Eigen::Map) with the
// node's shape. Writers say which kind of node they hold (isScalar) and write the number or the
// matrix.
#include <cstdint>
#include <vector>

#include "core/graph/graph.h"

namespace bp {

// Numbers read like a Matrix (an Eigen::Map: it converts to one where a Matrix is taken).
using MatrixView = Eigen::Map<const Matrix>;

class NodeMatrices {
public:
    // Shapes the store for the graph's nodes. A node whose shape is unchanged keeps its entries
    // (a leaf's gradient accumulates across passes); any other entry starts at zero. A store already
    // shaped for the graph is left as it is.
    void layOut(const Graph& graph);

    std::size_t size() const { return size_; }
    void clear() { *this = {}; }
    bool empty() const { return size_ == 0; }
    MatrixView operator[](NodeId id) const {
        const std::int32_t at = slot(id);
        if (at >= 0) return {&scalars_[std::size_t(at)], 1, 1};
        const Matrix& m = matrices_[std::size_t(~at)];
        return {m.data(), m.rows(), m.cols()};
    }
    MatrixView back() const { return (*this)[NodeId(size()) - 1]; }

    bool isScalar(NodeId id) const { return slot(id) >= 0; }
    // Every node is 1x1: node k's number is numbers()[k] (a pass may hold the pointer, which stays
    // valid until the store is laid out again).
    bool allScalar() const { return slots_.empty(); }
    double* numbers() { return scalars_.data(); }
    const double* numbers() const { return scalars_.data(); }
    // The entry of a 1x1 node (isScalar).
    double& scalar(NodeId id) { return scalars_[std::size_t(slot(id))]; }
    double scalar(NodeId id) const { return scalars_[std::size_t(slot(id))]; }
    // The matrix of a larger node (!isScalar).
    Matrix& matrix(NodeId id) { return matrices_[std::size_t(~slot(id))]; }
    const Matrix& matrix(NodeId id) const { return matrices_[std::size_t(~slot(id))]; }
    // The node's entries as a Matrix, for what takes one (the op table): a larger node's own, a
    // 1x1 node's number copied into `scratch`, which must be 1x1.
    const Matrix& asMatrix(NodeId id, Matrix& scratch) const {
        if (!isScalar(id)) return matrix(id);
        scratch(0, 0) = scalar(id);
        return scratch;
    }
    // Writes `m`, which has the node's shape.
    void assign(NodeId id, const Matrix& m);
    // Sets the node's entries to zero.
    void setZero(NodeId id);
    void setAllZero();
    // The same nodes with the same shapes and entries (as comparing a vector of matrices would).
    bool operator==(const NodeMatrices& other) const;

private:
    std::size_t size_ = 0;  // nodes
    // Per node: the index of its number in scalars_ (>= 0), or ~ the index of its matrix. Empty
    // when every node is 1x1: node k's number is scalars_[k] (a scalar graph's layout costs nothing).
    std::vector<std::int32_t> slots_;
    std::vector<double> scalars_;
    std::vector<Matrix> matrices_;

    std::int32_t slot(NodeId id) const { return slots_.empty() ? id : slots_[std::size_t(id)]; }
    bool shapedFor(const Graph& graph) const;
};

}  // namespace bp
