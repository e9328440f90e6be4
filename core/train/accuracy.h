// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How often a classifier is right, read off its loss: for a root that is cross_entropy or nll,
// the rows whose largest score is the target class; against class probabilities, the rows whose
// largest score is the most probable class; for bce_with_logits, the entries whose logit has the
// target's side of 0 (a target of 0.5 or more is the class 1).
#include <optional>

#include "core/trace/evaluation.h"

namespace bp {

// The fraction right, 0 to 1, or nothing when `root` is not a classification loss.
std::optional<double> classifierAccuracy(const Graph& graph, NodeId root, const Evaluation& eval);

// The class each row of `scores` gives the largest score (the first of equal ones, as argmax).
Eigen::Index rowArgmax(const Matrix& scores, Eigen::Index row);

}  // namespace bp
