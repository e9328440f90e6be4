// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/evaluation.h"

#include <algorithm>
#include <array>

#include "core/ops/broadcast.h"

namespace bp {
namespace {

// The values of a node's inputs, as the op table takes them. Arity is at most 2.
struct InputRefs {
    std::array<const Matrix*, 2> refs{};
    int count = 0;
    InputRefs(const Node& node, const std::vector<Matrix>& values) {
        for (NodeId in : node.inputs) refs[count++] = &values[in];
    }
    MatrixRefs span() const { return {refs.data(), static_cast<std::size_t>(count)}; }
};

// Which nodes lie on a path to the root: only their consumers pass gradient on.
std::vector<char> reachesRoot(const Graph& graph, NodeId root) {
    std::vector<char> reaches(static_cast<std::size_t>(root) + 1, 0);
    reaches[root] = 1;
    for (NodeId id = root; id >= 0; --id) {
        if (!reaches[id]) continue;
        for (NodeId in : graph.node(id).inputs) reaches[in] = 1;
    }
    return reaches;
}

// Per node up to `root`: whether it is `root`'s ancestor and its gradient is wanted (every node's,
// or with GradsFor::Params only a node that is a param or depends on one).
std::vector<char> gradientsWanted(const Graph& graph, NodeId root, GradsFor which) {
    std::vector<char> wanted = reachesRoot(graph, root);
    if (which == GradsFor::Every) return wanted;
    std::vector<char> dependsOnParam(wanted.size(), 0);  // in creation order: inputs come first
    for (NodeId id = 0; id <= root; ++id) {
        const Node& node = graph.node(id);
        dependsOnParam[id] = node.kind == NodeKind::Param ||
                             std::any_of(node.inputs.begin(), node.inputs.end(), [&](NodeId in) { return dependsOnParam[in]; });
        wanted[id] = wanted[id] && dependsOnParam[id];
    }
    return wanted;
}

bool hasShape(const Matrix& m, Shape s) { return m.rows() == s.rows && m.cols() == s.cols; }

// Zeros of the given shape, in the matrix's own storage when it already has that shape.
void setZeros(Matrix& m, Shape s) { m.setZero(s.rows, s.cols); }

// Contributions as the op table computes them, before they are added (and, with the trace, copied
// into its buffer): one matrix per shape met in the pass, so an edge costs no allocation and a
// big matrix is not allocated again for every edge.
class ContributionBuffers {
public:
    Matrix& forShape(Shape s) {
        for (auto& [shape, m] : buffers_)
            if (shape == s) return m;
        if (buffers_.size() >= kMaxShapes) {
            buffers_.back().first = s;
            return buffers_.back().second;
        }
        buffers_.emplace_back(s, Matrix());
        return buffers_.back().second;
    }

private:
    static constexpr std::size_t kMaxShapes = 16;
    std::vector<std::pair<Shape, Matrix>> buffers_;
};

// Input `slot`'s share of `upstream`, in the input's shape: the op's vector-Jacobian product,
// then, where the op broadcast the input, summed back over the broadcast dimensions. This is the
// only place broadcasting is undone.
void contributionTo(const Node& node, int slot, MatrixRefs in, const Matrix& y, const Matrix& upstream,
                    Shape target, Matrix& contribution) {
    node.op->vjp(slot, in, y, upstream, node.attrs(), contribution);
    if (shapeOf(contribution) != target) contribution = reduceTo(contribution, target);
}

}  // namespace

void runForward(const Graph& graph, Evaluation& eval) {
    const int n = graph.size();
    eval.values.resize(n);
    eval.trace.forward.clear();
    eval.trace.forward.reserve(n);
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = graph.node(id);
        if (node.isLeaf()) {
            eval.values[id] = node.leafValue;  // into the storage it already has, when the shape is the same
            continue;
        }
        InputRefs in(node, eval.values);
        node.op->forward(in.span(), node.attrs(), eval.values[id]);
        eval.trace.forward.push_back(id);
    }
}

int updateForward(const Graph& graph, Evaluation& eval, std::span<const NodeId> changedLeaves, bool holdStopped) {
    const int n = graph.size();
    if (eval.values.size() != static_cast<std::size_t>(n)) {
        runForward(graph, eval);
        return static_cast<int>(eval.trace.forward.size());
    }
    // Creation order is topological: one pass from the first changed leaf finds every node that
    // depends on a changed one, and recomputes it after its inputs.
    std::vector<char> changed(n, 0);
    NodeId first = n;
    for (NodeId id : changedLeaves) {
        if (id < 0 || id >= n || !graph.node(id).isLeaf()) continue;
        changed[id] = 1;
        first = std::min(first, id);
    }
    int recomputed = 0;
    for (NodeId id = first; id < n; ++id) {
        const Node& node = graph.node(id);
        if (node.isLeaf()) {
            if (changed[id]) eval.values[id] = node.leafValue;
            continue;
        }
        bool stale = false;
        for (std::size_t slot = 0; slot < node.inputs.size(); ++slot)
            stale = stale || (changed[node.inputs[slot]] && !(holdStopped && !passesGradient(*node.op, int(slot))));
        if (!stale) continue;
        changed[id] = 1;
        InputRefs in(node, eval.values);
        node.op->forward(in.span(), node.attrs(), eval.values[id]);
        ++recomputed;
    }
    return recomputed;
}

namespace {

// Leaves keep what earlier passes accumulated; op gradients start from zero each pass. Then the seed.
void startGradients(const Graph& graph, NodeId root, const Matrix& seed, Evaluation& eval) {
    eval.grads.resize(graph.size());
    for (NodeId id = 0; id < graph.size(); ++id) {
        const Node& node = graph.node(id);
        if (!node.isLeaf() || !hasShape(eval.grads[id], node.shape)) setZeros(eval.grads[id], node.shape);
    }
    eval.grads[root] += seed;
}

// The gradients that are not zero as the pass starts: the root's seed and leaves holding gradient
// from an earlier pass. Written over the entries already there: a repeated pass reuses their storage.
void recordStartGradients(const Graph& graph, NodeId root, const Evaluation& eval,
                          std::vector<std::pair<NodeId, Matrix>>& startGrads) {
    std::size_t count = 0;
    for (NodeId id = 0; id < graph.size(); ++id) {
        if (id != root && !(graph.node(id).isLeaf() && !eval.grads[id].isZero(0.0))) continue;
        if (count < startGrads.size()) {
            startGrads[count].first = id;
            startGrads[count].second = eval.grads[id];
        } else {
            startGrads.emplace_back(id, eval.grads[id]);
        }
        ++count;
    }
    startGrads.resize(count);
}

// One event per edge that reaches the root, and two matrices of the input's shape per event.
void sizeBackwardTrace(const Graph& graph, NodeId root, const std::vector<char>& reaches, Trace& trace) {
    std::size_t count = 0, numberCount = 0;
    for (NodeId from = root; from >= 0; --from) {
        const Node& node = graph.node(from);
        if (!reaches[from] || node.isLeaf()) continue;
        count += node.inputs.size();
        for (NodeId to : node.inputs) numberCount += 2 * static_cast<std::size_t>(graph.node(to).shape.size());
    }
    trace.backward.resize(count);  // keeps the storage of the previous pass
    trace.numbers.resize(numberCount);
}

// The event of one edge: what it added to grad(to), then grad(to) after.
void recordEvent(Trace& trace, std::size_t& k, std::size_t& offset, const BackwardEvent& event,
                 const Matrix& contribution, const Matrix& gradAfter) {
    const std::size_t size = static_cast<std::size_t>(gradAfter.size());
    trace.backward[k] = event;
    trace.backward[k++].offset = offset;
    std::copy_n(contribution.data(), size, trace.numbers.data() + offset);
    std::copy_n(gradAfter.data(), size, trace.numbers.data() + offset + size);
    offset += 2 * size;
}

}  // namespace

void runBackward(const Graph& graph, NodeId root, const Matrix& seed, Evaluation& eval, TraceMode mode,
                 GradsFor which) {
    const bool record = mode == TraceMode::Record;
    startGradients(graph, root, seed, eval);
    const std::vector<char> reaches = gradientsWanted(graph, root, record ? GradsFor::Every : which);
    Trace& trace = eval.trace;
    if (record) {
        recordStartGradients(graph, root, eval, trace.startGrads);
        sizeBackwardTrace(graph, root, reaches, trace);
    } else {
        trace.startGrads.clear();
        trace.backward.clear();
        trace.numbers.clear();
    }
    ContributionBuffers buffers;
    std::size_t offset = 0, k = 0;
    // Reverse creation order is reverse topological order: every consumer of a node has a larger
    // id, so a node's gradient is complete before it passes it on.
    for (NodeId from = root; from >= 0; --from) {
        const Node& node = graph.node(from);
        if (node.isLeaf() || !reaches[from]) continue;
        InputRefs in(node, eval.values);
        for (int slot = 0; slot < static_cast<int>(node.inputs.size()); ++slot) {
            const NodeId to = node.inputs[slot];
            if (!reaches[to]) continue;  // a gradient no one asked for (GradsFor::Params)
            Matrix& grad = eval.grads[to];
            Matrix& contribution = buffers.forShape(graph.node(to).shape);
            contributionTo(node, slot, in.span(), eval.values[from], eval.grads[from], graph.node(to).shape,
                           contribution);
            grad += contribution;
            if (record)
                recordEvent(trace, k, offset, {from, to, slot, int(grad.rows()), int(grad.cols()), 0}, contribution,
                            grad);
        }
    }
}

void zeroGrad(const Graph& graph, Evaluation& eval) {
    eval.grads.resize(graph.size());
    for (NodeId id = 0; id < graph.size(); ++id) setZeros(eval.grads[id], graph.node(id).shape);
}

Evaluation evaluate(const Program& program, TraceMode mode) {
    Evaluation eval;
    runForward(program.graph, eval);
    zeroGrad(program.graph, eval);
    runBackward(program.graph, program.root, program.seed, eval, mode);
    return eval;
}

Matrix localDerivative(const Graph& graph, const Evaluation& eval, NodeId consumer, int slot) {
    const Node& node = graph.node(consumer);
    InputRefs in(node, eval.values);
    const Matrix& y = eval.values[consumer];
    Matrix ones = Matrix::Ones(y.rows(), y.cols());
    Matrix result;
    contributionTo(node, slot, in.span(), y, ones, graph.node(node.inputs[slot]).shape, result);
    return result;
}

}  // namespace bp
