// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/node_matrices.h"

#include <algorithm>

namespace bp {
namespace {

bool isScalarShape(Shape s) { return s.rows == 1 && s.cols == 1; }

}  // namespace

bool NodeMatrices::shapedFor(const Graph& graph) const {
    if (size_ != std::size_t(graph.size())) return false;
    for (NodeId id = 0; id < graph.size(); ++id) {
        const Shape s = graph.node(id).shape;
        if (isScalar(id) != isScalarShape(s)) return false;
        if (!isScalar(id) && shapeOf(matrix(id)) != s) return false;
    }
    return true;
}

void NodeMatrices::layOut(const Graph& graph) {
    if (shapedFor(graph)) return;
    const std::size_t n = std::size_t(graph.size());
    const bool allScalar = std::all_of(graph.nodes().begin(), graph.nodes().end(),
                                       [](const Node& node) { return isScalarShape(node.shape); });
    NodeMatrices fresh;
    fresh.size_ = n;
    if (allScalar && this->allScalar()) {  // 1x1 before and after: the numbers kept, new ones zero
        fresh.scalars_.assign(n, 0.0);
        std::copy_n(scalars_.begin(), std::min(n, size_), fresh.scalars_.begin());
        *this = std::move(fresh);
        return;
    }
    if (!allScalar) fresh.slots_.resize(n);  // every node 1x1: no slots, node k's number is k
    fresh.scalars_.reserve(n);               // a double a node at most: no growing copies
    for (NodeId id = 0; id < graph.size(); ++id) {
        const Shape s = graph.node(id).shape;
        if (isScalarShape(s)) {
            if (!allScalar) fresh.slots_[std::size_t(id)] = std::int32_t(fresh.scalars_.size());
            fresh.scalars_.push_back(std::size_t(id) < size() && isScalar(id) ? scalar(id) : 0.0);
        } else {
            fresh.slots_[std::size_t(id)] = ~std::int32_t(fresh.matrices_.size());
            const bool keep = std::size_t(id) < size() && !isScalar(id) && shapeOf(matrix(id)) == s;
            fresh.matrices_.push_back(keep ? std::move(matrix(id)) : Matrix::Zero(s.rows, s.cols));
        }
    }
    *this = std::move(fresh);
}

void NodeMatrices::assign(NodeId id, const Matrix& m) {
    if (isScalar(id)) scalar(id) = m(0, 0);
    else matrix(id) = m;
}

void NodeMatrices::setZero(NodeId id) {
    if (isScalar(id)) scalar(id) = 0.0;
    else matrix(id).setZero();
}

bool NodeMatrices::operator==(const NodeMatrices& other) const {
    if (size() != other.size()) return false;
    for (NodeId id = 0; id < NodeId(size()); ++id) {
        const MatrixView a = (*this)[id], b = other[id];
        if (a.rows() != b.rows() || a.cols() != b.cols() || a != b) return false;
    }
    return true;
}

void NodeMatrices::setAllZero() {
    std::fill(scalars_.begin(), scalars_.end(), 0.0);
    for (Matrix& m : matrices_) m.setZero();
}

}  // namespace bp
