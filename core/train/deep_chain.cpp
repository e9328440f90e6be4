// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/train/deep_chain.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/ops/op_table.h"

namespace bp {
namespace {

Matrix number(double x) { return Matrix::Constant(1, 1, x); }

// "z3". (Appending, not `prefix + to_string(k)`: GCC 12 warns falsely on that form.)
std::string layerName(const char* prefix, int k) {
    std::string name(prefix);
    name += std::to_string(k);
    return name;
}

bool isDemoActivation(const std::string& name) {
    const auto& known = deepChainActivations();
    return std::find(known.begin(), known.end(), name) != known.end();
}

// ‖g‖ = sqrt(Σ g²), without overflow on the way for huge entries; nan and inf are kept (a chart
// shows them as off-scale markers, never as a silently finite number).
double gradientSize(const Matrix& g) {
    if (g.size() == 0) return 0;
    if (g.size() == 1) return std::abs(g(0, 0));
    if (g.hasNaN()) return std::numeric_limits<double>::quiet_NaN();
    if (!g.allFinite()) return std::numeric_limits<double>::infinity();
    return g.stableNorm();
}

}  // namespace

const std::vector<std::string>& deepChainActivations() {
    static const std::vector<std::string> names{"sigmoid", "tanh", "relu"};
    return names;
}

Program makeDeepChain(int depth, const std::string& activation) {
    if (depth < kDeepChainMinDepth || depth > kDeepChainMaxDepth)
        throw std::invalid_argument("the depth of the chain must be between " + std::to_string(kDeepChainMinDepth) +
                                    " and " + std::to_string(kDeepChainMaxDepth) + ", not " + std::to_string(depth));
    if (!isDemoActivation(activation))
        throw std::invalid_argument("unknown activation '" + activation + "': use sigmoid, tanh or relu");

    // The nodes are created in the order the parser creates them from deep-sigmoid.bpg.
    Program program;
    Graph& g = program.graph;
    const NodeId x = g.addLeaf(NodeKind::Input, number(0.5), "x");
    std::vector<NodeId> w;
    for (int k = 1; k <= depth; ++k) w.push_back(g.addLeaf(NodeKind::Param, number(1), layerName("w", k)));
    const NodeId b = g.addLeaf(NodeKind::Param, number(0), "b");
    NodeId h = x;
    for (int k = 1; k <= depth; ++k) {
        const NodeId product = g.addOp(op("mul"), {w[k - 1], h});
        const NodeId z = g.addOp(op("add"), {product, b}, {}, layerName("z", k));
        h = g.addOp(op(activation), {z}, {}, layerName("h", k));
    }
    const NodeId target = g.addLeaf(NodeKind::Const, number(0), "target");
    program.root = g.addOp(op("mse"), {h, target}, {}, "loss");
    program.seed = number(1);
    return program;
}

std::optional<DeepChainShape> recognizeDeepChain(const Program& program) {
    const Graph& g = program.graph;
    DeepChainShape shape;
    for (int k = 1;; ++k) {
        const NodeId z = g.find(layerName("z", k));
        const NodeId h = g.find(layerName("h", k));
        if (z < 0 || h < 0) break;
        const Node& hn = g.node(h);
        if (hn.isLeaf() || hn.inputs.size() != 1 || hn.inputs[0] != z) return std::nullopt;
        const std::string act(hn.op->name);
        if (!isDemoActivation(act)) return std::nullopt;
        if (k == 1) shape.activation = act;
        else if (act != shape.activation) return std::nullopt;
        shape.depth = k;
    }
    if (shape.depth == 0) return std::nullopt;
    return shape;
}

std::vector<LayerGradient> layerGradients(const Program& program, const Evaluation& eval) {
    std::vector<LayerGradient> layers;
    for (int k = 1;; ++k) {
        const NodeId z = program.graph.find(layerName("z", k));
        if (z < 0 || z >= static_cast<NodeId>(eval.grads.size())) break;
        layers.push_back({k, z, gradientSize(eval.grads[z])});
    }
    return layers;
}

}  // namespace bp
