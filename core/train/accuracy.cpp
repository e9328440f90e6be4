// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/train/accuracy.h"

#include "core/ops/axis_kernels.h"

namespace bp {

Eigen::Index rowArgmax(const Matrix& scores, Eigen::Index row) {
    Eigen::Index best = 0;
    for (Eigen::Index c = 1; c < scores.cols(); ++c)
        if (scores(row, c) > scores(row, best)) best = c;
    return best;
}

std::optional<double> classifierAccuracy(const Graph& graph, NodeId root, const Evaluation& eval) {
    if (root < 0 || root >= graph.size()) return std::nullopt;
    const Node& loss = graph.node(root);
    if (loss.isLeaf() || eval.values.size() != static_cast<std::size_t>(graph.size())) return std::nullopt;
    const std::string_view op = loss.op->name;
    const bool indices = op == "cross_entropy" || op == "nll";
    if (!indices && op != "cross_entropy_probs" && op != "bce_with_logits") return std::nullopt;
    const Matrix& scores = eval.values[loss.inputs[0]];
    const Matrix& targets = eval.values[loss.inputs[1]];
    long right = 0, counted = 0;
    if (op == "bce_with_logits") {
        for (Eigen::Index i = 0; i < scores.size(); ++i, ++counted)
            right += (scores(i) > 0) == (targets(i) >= 0.5);
    } else {
        for (Eigen::Index r = 0; r < scores.rows(); ++r, ++counted) {
            const Eigen::Index target =
                indices ? kernels::classIndex(targets(r, 0), scores.cols()) : rowArgmax(targets, r);
            right += rowArgmax(scores, r) == target;
        }
    }
    if (counted == 0) return std::nullopt;
    return static_cast<double>(right) / static_cast<double>(counted);
}

}  // namespace bp
