// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/evaluation.h"

#include <array>

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
    std::vector<char> reaches(graph.size(), 0);
    reaches[root] = 1;
    for (NodeId id = root; id >= 0; --id) {
        if (!reaches[id]) continue;
        for (NodeId in : graph.node(id).inputs) reaches[in] = 1;
    }
    return reaches;
}

bool hasShape(const Matrix& m, Shape s) { return m.rows() == s.rows && m.cols() == s.cols; }

}  // namespace

void runForward(const Graph& graph, Evaluation& eval) {
    eval.values.resize(graph.size());
    eval.trace.forward.clear();
    for (NodeId id = 0; id < graph.size(); ++id) {
        const Node& node = graph.node(id);
        if (node.isLeaf()) {
            eval.values[id] = node.leafValue;
            continue;
        }
        InputRefs in(node, eval.values);
        node.op->forward(in.span(), node.attrs, eval.values[id]);
        eval.trace.forward.push_back(id);
    }
}

void runBackward(const Graph& graph, NodeId root, const Matrix& seed, Evaluation& eval) {
    eval.grads.resize(graph.size());
    eval.trace.backward.clear();
    // Leaves keep what earlier passes accumulated; op gradients start from zero each pass.
    for (NodeId id = 0; id < graph.size(); ++id) {
        const Node& node = graph.node(id);
        if (!node.isLeaf() || !hasShape(eval.grads[id], node.shape))
            eval.grads[id] = Matrix::Zero(node.shape.rows, node.shape.cols);
    }
    eval.grads[root] += seed;
    eval.trace.startGrads.clear();
    for (NodeId id = 0; id < graph.size(); ++id)
        if (id == root || (graph.node(id).isLeaf() && !eval.grads[id].isZero(0.0)))
            eval.trace.startGrads.emplace_back(id, eval.grads[id]);
    const std::vector<char> reaches = reachesRoot(graph, root);
    // Reverse creation order is reverse topological order: every consumer of a node has a larger
    // id, so a node's gradient is complete before it passes it on.
    for (NodeId from = root; from >= 0; --from) {
        const Node& node = graph.node(from);
        if (node.isLeaf() || !reaches[from]) continue;
        InputRefs in(node, eval.values);
        for (int slot = 0; slot < static_cast<int>(node.inputs.size()); ++slot) {
            const NodeId to = node.inputs[slot];
            BackwardEvent event{from, to, slot, {}, {}};
            node.op->vjp(slot, in.span(), eval.values[from], eval.grads[from], node.attrs, event.contribution);
            eval.grads[to] += event.contribution;
            event.gradAfter = eval.grads[to];
            eval.trace.backward.push_back(std::move(event));
        }
    }
}

void zeroGrad(const Graph& graph, Evaluation& eval) {
    eval.grads.resize(graph.size());
    for (NodeId id = 0; id < graph.size(); ++id)
        eval.grads[id] = Matrix::Zero(graph.node(id).shape.rows, graph.node(id).shape.cols);
}

Evaluation evaluate(const Program& program) {
    Evaluation eval;
    runForward(program.graph, eval);
    zeroGrad(program.graph, eval);
    runBackward(program.graph, program.root, program.seed, eval);
    return eval;
}

Matrix localDerivative(const Graph& graph, const Evaluation& eval, NodeId consumer, int slot) {
    const Node& node = graph.node(consumer);
    InputRefs in(node, eval.values);
    const Matrix& y = eval.values[consumer];
    Matrix ones = Matrix::Ones(y.rows(), y.cols());
    Matrix result;
    node.op->vjp(slot, in.span(), y, ones, node.attrs, result);
    return result;
}

}  // namespace bp
