// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/train/gradient_check.h"

#include <algorithm>
#include <cmath>

#include "core/trace/evaluation.h"

namespace bp {
namespace {

// f(x) = Σ seed ∘ root(x), the scalar whose gradient the backward pass computes, after an entry of
// `leaf` changed: only the nodes that depend on the leaf are computed again.
double objective(const Graph& graph, const Program& program, NodeId leaf, Evaluation& scratch) {
    updateForward(graph, scratch, std::span<const NodeId>(&leaf, 1));
    return scratch.values[program.root].cwiseProduct(program.seed).sum();
}

bool entryAgrees(double a, double n, const CheckOptions& o) {
    if (std::isnan(a) && std::isnan(n)) return true;
    if (std::isinf(a) || std::isinf(n)) return a == n;
    return std::abs(a - n) <= o.absTolerance + o.relTolerance * std::max(std::abs(a), std::abs(n));
}

}  // namespace

std::vector<LeafCheck> checkGradients(const Program& program, const CheckOptions& options) {
    const Evaluation eval = evaluate(program, TraceMode::Skip);
    Graph graph = program.graph;  // perturbed one entry at a time
    Evaluation scratch;
    runForward(graph, scratch);
    std::vector<LeafCheck> checks;
    for (NodeId id = 0; id < graph.size(); ++id) {
        if (!graph.node(id).isLeaf()) continue;
        LeafCheck check{id, eval.grads[id], Matrix::Zero(eval.grads[id].rows(), eval.grads[id].cols()), 0, true};
        Matrix& x = graph.node(id).leafValue;
        for (Eigen::Index i = 0; i < x.size(); ++i) {
            const double original = x(i);
            const double h = options.relativeStep * std::max(1.0, std::abs(original));
            x(i) = original + h;
            const double up = objective(graph, program, id, scratch);
            x(i) = original - h;
            const double down = objective(graph, program, id, scratch);
            x(i) = original;
            check.numeric(i) = (up - down) / (2 * h);
            const double a = check.analytic(i);
            const double n = check.numeric(i);
            if (std::isfinite(a) && std::isfinite(n)) check.maxError = std::max(check.maxError, std::abs(a - n));
            if (!entryAgrees(a, n, options)) check.ok = false;
        }
        updateForward(graph, scratch, std::span<const NodeId>(&id, 1));  // the leaf as it was again
        checks.push_back(std::move(check));
    }
    return checks;
}

}  // namespace bp
