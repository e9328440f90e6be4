// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/train/decision_regions.h"

#include <algorithm>

#include "core/ops/axis_kernels.h"
#include "core/trace/evaluation.h"
#include "core/train/accuracy.h"

namespace bp {
namespace {

// The op of a classification loss scored row by row, with the targets as class indices or rows.
bool isClassifierLoss(const Node& node) {
    if (node.isLeaf()) return false;
    const std::string_view op = node.op->name;
    return op == "cross_entropy" || op == "nll" || op == "cross_entropy_probs";
}

// Which nodes the scores depend on.
std::vector<char> ancestors(const Graph& graph, NodeId of) {
    std::vector<char> needed(static_cast<std::size_t>(graph.size()), 0);
    needed[static_cast<std::size_t>(of)] = 1;
    for (NodeId id = of; id >= 0; --id) {
        if (!needed[static_cast<std::size_t>(id)]) continue;
        for (NodeId in : graph.node(id).inputs) needed[static_cast<std::size_t>(in)] = 1;
    }
    return needed;
}

// The scores graph again, with `grid` in place of the input leaf; nothing if a shape refuses it.
std::optional<Matrix> scoresOf(const Graph& graph, NodeId scores, NodeId input, const Matrix& grid) {
    const std::vector<char> needed = ancestors(graph, scores);
    Graph copy;
    std::vector<NodeId> map(static_cast<std::size_t>(graph.size()), -1);
    try {
        for (NodeId id = 0; id <= scores; ++id) {
            if (!needed[static_cast<std::size_t>(id)]) continue;
            const Node& n = graph.node(id);
            if (id == input) {
                map[static_cast<std::size_t>(id)] = copy.addLeaf(NodeKind::Input, grid);
            } else if (n.isLeaf()) {
                map[static_cast<std::size_t>(id)] = copy.addLeaf(n.kind, n.leafValue());
            } else {
                std::vector<NodeId> inputs;
                for (NodeId in : n.inputs) inputs.push_back(map[static_cast<std::size_t>(in)]);
                map[static_cast<std::size_t>(id)] = copy.addOp(*n.op, inputs, n.attrs());
            }
        }
    } catch (const GraphError&) {
        return std::nullopt;
    }
    Evaluation eval;
    runForward(copy, eval);
    return eval.values[static_cast<std::size_t>(map[static_cast<std::size_t>(scores)])];
}

}  // namespace

NodeId planeInput(const Program& program) {
    const Graph& g = program.graph;
    if (program.root < 0 || program.root >= g.size() || !isClassifierLoss(g.node(program.root))) return -1;
    const NodeId scores = g.node(program.root).inputs[0];
    const long rows = g.node(scores).shape.rows;
    const std::vector<char> needed = ancestors(g, scores);
    for (NodeId id = 0; id < scores; ++id) {
        const Node& n = g.node(id);
        if (needed[static_cast<std::size_t>(id)] && n.kind == NodeKind::Input && n.shape == Shape{rows, 2}) return id;
    }
    return -1;
}

std::optional<DecisionRegions> decisionRegions(const Program& program, int size) {
    const NodeId input = planeInput(program);
    if (input < 0 || size < 2) return std::nullopt;
    const Graph& g = program.graph;
    const Node& loss = g.node(program.root);
    const NodeId scores = loss.inputs[0];
    DecisionRegions r;
    r.size = size;
    r.points = g.node(input).leafValue();
    const double margin = 0.1;
    r.xMin = r.points.col(0).minCoeff(), r.xMax = r.points.col(0).maxCoeff();
    r.yMin = r.points.col(1).minCoeff(), r.yMax = r.points.col(1).maxCoeff();
    const double padX = std::max(r.xMax - r.xMin, 1e-9) * margin, padY = std::max(r.yMax - r.yMin, 1e-9) * margin;
    r.xMin -= padX, r.xMax += padX, r.yMin -= padY, r.yMax += padY;
    Matrix grid(static_cast<Eigen::Index>(size) * size, 2);
    for (int row = 0; row < size; ++row)
        for (int col = 0; col < size; ++col) {
            const Eigen::Index k = static_cast<Eigen::Index>(row) * size + col;
            grid(k, 0) = r.xMin + (r.xMax - r.xMin) * (col + 0.5) / size;
            grid(k, 1) = r.yMax - (r.yMax - r.yMin) * (row + 0.5) / size;
        }
    const std::optional<Matrix> s = scoresOf(g, scores, input, grid);
    if (!s) return std::nullopt;
    r.classCount = static_cast<int>(s->cols());
    r.classes.resize(static_cast<std::size_t>(grid.rows()));
    for (Eigen::Index k = 0; k < grid.rows(); ++k) r.classes[static_cast<std::size_t>(k)] = static_cast<int>(rowArgmax(*s, k));
    // The data's own classes: the targets of the loss (indices, or the most probable class).
    const NodeId targets = loss.inputs[1];
    const Node& t = g.node(targets);
    r.labels.assign(static_cast<std::size_t>(r.points.rows()), -1);
    if (t.isLeaf()) {
        for (Eigen::Index i = 0; i < r.points.rows(); ++i)
            r.labels[static_cast<std::size_t>(i)] =
                t.shape.cols == 1 ? static_cast<int>(kernels::classIndex(t.leafValue()(i, 0), r.classCount))
                                  : static_cast<int>(rowArgmax(t.leafValue(), i));
    }
    return r;
}

}  // namespace bp
