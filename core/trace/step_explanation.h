// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The words and arithmetic of one step, as the chain-rule panel and the active edge show them:
//   ∂e/∂b = ∂e/∂c·∂c/∂b + ∂e/∂d·∂d/∂b = 2·1 + 3·1 = 5
// Scalars are written out term by term; matrices as the vector-Jacobian product with shapes.
#include <string>
#include <vector>

#include "core/trace/step_cursor.h"

namespace bp {

struct StepExplanation {
    std::string title;               // "Backward 3 / 6: c → b"
    std::vector<std::string> lines;  // the arithmetic, one line each
};

// The explanation of the cursor's current step (the start, a forward step or a backward event).
StepExplanation explainStep(const Graph& graph, const Evaluation& eval, const StepCursor& cursor);

// The short label of a backward event on its edge: "×1 → +2" for scalars, the local derivative and
// the contribution otherwise.
std::string edgeLabel(const Graph& graph, const Evaluation& eval, const BackwardEvent& event);

// The first node (in evaluation order) whose value is nan or ±inf, or -1: where a numerical
// problem arose, e.g. a log of 0. Its gradient is checked after the values.
NodeId firstNonFinite(const Graph& graph, const Evaluation& eval);

// "∂e/∂b": the derivative of the root with respect to a node, by their labels.
std::string partial(const Graph& graph, NodeId root, NodeId of);

}  // namespace bp
