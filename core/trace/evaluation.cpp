// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/evaluation.h"

#include <algorithm>
#include <array>

#include "core/ops/broadcast.h"

namespace bp {
namespace {

// The matrices an op reads and writes, as the op table takes them: a larger node's own matrix, a
// 1x1 node's number copied into a 1x1 matrix kept here for the purpose (the table sees matrices
// either way, and no pass allocates a matrix per node). Arity is at most 2.
class Operands {
public:
    MatrixRefs inputs(const Node& node, const NodeMatrices& values) {
        std::size_t count = 0;
        for (NodeId in : node.inputs) {
            refs_[count] = &values.asMatrix(in, inputs_[count]);
            ++count;
        }
        return {refs_.data(), count};
    }
    // Where the op writes node `id`'s value; store() then puts a 1x1 value in its place.
    Matrix& output(NodeMatrices& values, NodeId id) { return values.isScalar(id) ? output_ : values.matrix(id); }
    void store(NodeMatrices& values, NodeId id) const {
        if (values.isScalar(id)) values.scalar(id) = output_(0, 0);
    }

private:
    std::array<Matrix, 2> inputs_{Matrix(1, 1), Matrix(1, 1)};
    Matrix output_{1, 1};
    std::array<const Matrix*, 2> refs_{};
};

// Whether the op works on node `id` as numbers (OpDef::forwardNumber): an elementwise op whose
// inputs and result are 1x1, as every node of a scalar graph is.
bool onNumbers(const Node& node, NodeId id, const NodeMatrices& store) {
    if (!node.op->forwardNumber || !store.isScalar(id)) return false;
    for (NodeId in : node.inputs)
        if (!store.isScalar(in)) return false;
    return true;
}

// The inputs of a node that works on numbers: a, and b (0 for a one-input op), as `number(id)`
// reads them (from the store, or from a scalar graph's numbers held for the pass).
template <class Number>
std::array<double, 2> numberInputs(const Node& node, Number number) {
    return {number(node.inputs[0]), node.inputs.size() > 1 ? number(node.inputs[1]) : 0.0};
}

// The value of a node that works on numbers, from its inputs' numbers.
template <class Number>
double forwardOnNumbers(const Node& node, Number number) {
    const auto [a, b] = numberInputs(node, number);
    return node.op->forwardNumber(a, b, node.attrs());
}

// The numbers of a graph whose every node is 1x1 (NodeMatrices::allScalar), or null: a pass holds
// the pointer, so that a node costs no lookup in the store.
double* allNumbers(NodeMatrices& store) { return store.allScalar() ? store.numbers() : nullptr; }

// Computes node `id`'s value from its inputs' values.
void computeOp(const Graph& graph, NodeId id, NodeMatrices& values, Operands& operands) {
    const Node& node = graph.node(id);
    if (onNumbers(node, id, values)) {
        values.scalar(id) = forwardOnNumbers(node, [&](NodeId in) { return values.scalar(in); });
        return;
    }
    node.op->forward(operands.inputs(node, values), node.attrs(), operands.output(values, id));
    operands.store(values, id);
}

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
    eval.values.layOut(graph);
    eval.trace.forward.clear();
    eval.trace.forward.reserve(n);
    Operands operands;
    double* const numbers = allNumbers(eval.values);
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = graph.node(id);
        if (node.isLeaf()) {
            if (numbers) numbers[id] = node.leafValue()(0, 0);
            else eval.values.assign(id, node.leafValue());  // into the storage it already has
            continue;
        }
        if (numbers && node.op->forwardNumber) numbers[id] = forwardOnNumbers(node, [&](NodeId in) { return numbers[in]; });
        else computeOp(graph, id, eval.values, operands);
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
    Operands operands;
    for (NodeId id = first; id < n; ++id) {
        const Node& node = graph.node(id);
        if (node.isLeaf()) {
            if (changed[id]) eval.values.assign(id, node.leafValue());
            continue;
        }
        bool stale = false;
        for (std::size_t slot = 0; slot < node.inputs.size(); ++slot)
            stale = stale || (changed[node.inputs[slot]] && !(holdStopped && !passesGradient(*node.op, int(slot))));
        if (!stale) continue;
        changed[id] = 1;
        computeOp(graph, id, eval.values, operands);
        ++recomputed;
    }
    return recomputed;
}

namespace {

// Leaves keep what earlier passes accumulated; op gradients start from zero each pass. Then the seed.
void startGradients(const Graph& graph, NodeId root, const Matrix& seed, Evaluation& eval) {
    eval.grads.layOut(graph);  // a node whose shape changed starts from zero
    for (NodeId id = 0; id < graph.size(); ++id)
        if (!graph.node(id).isLeaf()) eval.grads.setZero(id);
    if (eval.grads.isScalar(root)) eval.grads.scalar(root) += seed(0, 0);
    else eval.grads.matrix(root) += seed;
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
                 const double* contribution, MatrixView gradAfter) {
    const std::size_t size = static_cast<std::size_t>(gradAfter.size());
    trace.backward[k] = event;
    trace.backward[k++].offset = offset;
    std::copy_n(contribution, size, trace.numbers.data() + offset);
    std::copy_n(gradAfter.data(), size, trace.numbers.data() + offset + size);
    offset += 2 * size;
}

// The backward step of a node that works on numbers (onNumbers): each input's contribution from
// OpDef::vjpNumber, as the matrix path computes it, added and recorded alike. `value(id)` reads a
// number and `grad(id)` is a gradient's (from the store, or a scalar graph's held for the pass).
template <class Value, class Grad, class Record>
void backwardOnNumbers(const Node& node, NodeId from, const std::vector<char>& reaches, Value value, Grad grad,
                       Record record) {
    const auto [a, b] = numberInputs(node, value);
    const double y = value(from), g = grad(from);
    for (int slot = 0; slot < static_cast<int>(node.inputs.size()); ++slot) {
        const NodeId to = node.inputs[slot];
        if (!reaches[to]) continue;
        const double contribution = node.op->vjpNumber(slot, a, b, y, g, node.attrs());
        grad(to) += contribution;
        record(to, slot, contribution);
    }
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
    Operands operands;
    Matrix y(1, 1), upstream(1, 1);  // a 1x1 node's value and gradient, as a matrix
    std::size_t offset = 0, k = 0;
    // Reverse creation order is reverse topological order: every consumer of a node has a larger
    // id, so a node's gradient is complete before it passes it on.
    const double* const values = allNumbers(eval.values);
    double* const grads = allNumbers(eval.grads);
    for (NodeId from = root; from >= 0; --from) {
        const Node& node = graph.node(from);
        if (node.isLeaf() || !reaches[from]) continue;
        const auto recordEdge = [&](NodeId to, int slot, double contribution) {
            if (record) recordEvent(trace, k, offset, {from, to, 0, std::uint64_t(slot)}, &contribution, eval.grads[to]);
        };
        if (values && grads && node.op->forwardNumber) {  // as onNumbers, every node being 1x1
            backwardOnNumbers(node, from, reaches, [&](NodeId id) { return values[id]; },
                              [&](NodeId id) -> double& { return grads[id]; }, recordEdge);
            continue;
        }
        if (onNumbers(node, from, eval.values)) {
            backwardOnNumbers(node, from, reaches, [&](NodeId id) { return eval.values.scalar(id); },
                              [&](NodeId id) -> double& { return eval.grads.scalar(id); }, recordEdge);
            continue;
        }
        const MatrixRefs in = operands.inputs(node, eval.values);
        const Matrix& value = eval.values.asMatrix(from, y);
        const Matrix& gradient = eval.grads.asMatrix(from, upstream);
        for (int slot = 0; slot < static_cast<int>(node.inputs.size()); ++slot) {
            const NodeId to = node.inputs[slot];
            if (!reaches[to]) continue;  // a gradient no one asked for (GradsFor::Params)
            const Shape shape = graph.node(to).shape;
            Matrix& contribution = buffers.forShape(shape);
            contributionTo(node, slot, in, value, gradient, shape, contribution);
            if (eval.grads.isScalar(to)) eval.grads.scalar(to) += contribution(0, 0);
            else eval.grads.matrix(to) += contribution;
            if (record)
                recordEvent(trace, k, offset, {from, to, 0, std::uint64_t(slot)}, contribution.data(),
                            eval.grads[to]);
        }
    }
}

void zeroGrad(const Graph& graph, Evaluation& eval) {
    eval.grads.layOut(graph);
    eval.grads.setAllZero();
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
    Operands operands;
    const MatrixRefs in = operands.inputs(node, eval.values);
    Matrix scratch(1, 1);
    const Matrix& y = eval.values.asMatrix(consumer, scratch);
    Matrix ones = Matrix::Ones(y.rows(), y.cols());
    Matrix result;
    contributionTo(node, slot, in, y, ones, graph.node(node.inputs[slot]).shape, result);
    return result;
}

}  // namespace bp
