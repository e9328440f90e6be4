// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One evaluation of a program: the value and gradient of every node, and the trace the window
// steps through (forward steps, then one backward event per edge), recorded once as plain data.
#include <vector>

#include "core/graph/program.h"

namespace bp {

// One edge of the backward pass: consumer `from` passes gradient to its input `to` in slot `slot`.
// The upstream gradient is the consumer's full gradient, complete when the event happens.
struct BackwardEvent {
    NodeId from = -1;
    NodeId to = -1;
    int slot = 0;
    Matrix contribution;  // what this edge adds to grad(to)
    Matrix gradAfter;     // grad(to) after adding it
};

struct Trace {
    std::vector<NodeId> forward;          // op nodes in topological order, one step each
    std::vector<BackwardEvent> backward;  // consumers in reverse topological order, inputs in slot order
    // Gradients that are not zero when the backward pass starts: the root's seed, and leaves that
    // still hold gradient from an earlier pass (no zero_grad in between).
    std::vector<std::pair<NodeId, Matrix>> startGrads;
};

struct Evaluation {
    std::vector<Matrix> values;  // per node
    // Per node. A leaf's gradient accumulates over backward passes until zeroGrad (PyTorch's
    // leaf .grad); an op node's gradient is that of the latest pass (PyTorch rebuilds it).
    std::vector<Matrix> grads;
    Trace trace;
};

// Computes every node's value, in creation (topological) order, and records the forward steps.
void runForward(const Graph& graph, Evaluation& eval);
// Back-propagates `seed` from `root` (a vector-Jacobian product), adding into leaf gradients and
// recording one event per edge. Needs runForward first.
void runBackward(const Graph& graph, NodeId root, const Matrix& seed, Evaluation& eval);
// Sets every gradient to zero (torch's zero_grad on every leaf).
void zeroGrad(const Graph& graph, Evaluation& eval);
// Forward, then one backward pass from the program's root with its seed, from zero gradients.
Evaluation evaluate(const Program& program);

// The elementwise local derivative ∂to/∂from seen through one edge for a scalar or elementwise
// view: the contribution this edge would pass for an upstream of ones. Used by the chain-rule panel.
Matrix localDerivative(const Graph& graph, const Evaluation& eval, NodeId consumer, int slot);

}  // namespace bp
