// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One evaluation of a program: the value and gradient of every node, and the trace the window
// steps through (forward steps, then one backward event per edge), recorded once as plain data.
//
// Speed: an Evaluation is meant to be kept and evaluated again (after an edit, each training
// step). Every pass then writes into the matrices it already holds (values, gradients, the
// events of the trace), so a repeated pass over the same graph allocates nothing.
#include <cstdint>
#include <span>
#include <vector>

#include "core/graph/program.h"
#include "core/trace/node_matrices.h"

namespace bp {

// One edge of the backward pass: consumer `from` passes gradient to its input `to` in slot `slot`.
// The upstream gradient is the consumer's full gradient, complete when the event happens. Its
// numbers (Evaluation::contribution and Evaluation::gradAfter) have to's shape.
struct BackwardEvent {
    NodeId from = -1;
    NodeId to = -1;
    // Into Trace::numbers, and the slot, in one word: an event is 16 bytes (a million-op chain
    // records 1.7 million of them; the shape is to's, known from the gradients). 2^56 numbers are
    // more than any machine holds.
    std::uint64_t offset : 56 = 0;
    std::uint64_t slot : 8 = 0;  // < NodeInputs::kMaxInputs
};

struct Trace {
    std::vector<NodeId> forward;          // op nodes in topological order, one step each
    std::vector<BackwardEvent> backward;  // consumers in reverse topological order, inputs in slot order
    // The numbers of every backward event in one buffer: per event what it adds to grad(to), then
    // grad(to) after adding it. A matrix of their own was two heap blocks per edge, most of the
    // memory of a scalar graph's trace.
    std::vector<double> numbers;
    // Gradients that are not zero when the backward pass starts: the root's seed, and leaves that
    // still hold gradient from an earlier pass (no zero_grad in between).
    std::vector<std::pair<NodeId, Matrix>> startGrads;
};

struct Evaluation {
    NodeMatrices values;  // per node
    // Per node. A leaf's gradient accumulates over backward passes until zeroGrad (PyTorch's
    // leaf .grad); an op node's gradient is that of the latest pass (PyTorch rebuilds it).
    NodeMatrices grads;
    Trace trace;

    // A backward event's numbers, with the shape of its input's gradient.
    MatrixView contribution(const BackwardEvent& e) const { return eventNumbers(e, 0); }
    MatrixView gradAfter(const BackwardEvent& e) const { return eventNumbers(e, 1); }

private:
    MatrixView eventNumbers(const BackwardEvent& e, std::size_t which) const {
        const MatrixView shape = grads[e.to];
        return {trace.numbers.data() + e.offset + which * std::size_t(shape.size()), shape.rows(), shape.cols()};
    }
};

// Whether the backward pass records its events (trace.backward and trace.startGrads). Stepping
// needs them; training, the gradient check and `eval` do not, and skipping them saves two
// matrices per edge. The gradients are the same either way, bit for bit.
enum class TraceMode { Record, Skip };

// Which gradients the backward pass computes: every node's (what the window, `eval` and the
// trace show), or only those of the nodes that depend on a param (what an optimizer step needs,
// as PyTorch's requires_grad: a batch of inputs then costs no input gradient, a quarter of an
// MLP's matrix products). Params applies only with TraceMode::Skip; other gradients stay zero.
enum class GradsFor { Every, Params };

// Computes every node's value, in creation (topological) order, and records the forward steps.
void runForward(const Graph& graph, Evaluation& eval);
// After `changedLeaves` got new values: recomputes only the ops that depend on them (a plain loop
// over ids, from the smallest changed leaf). `eval` must hold a complete forward pass of this
// same graph; the values come out exactly as runForward would give them. Returns the number of
// ops recomputed.
// With `holdStopped`, an op's value is not recomputed for a change that reaches it only through an
// input it stops the gradient of (detach): the function the backward pass differentiates, which
// the gradient check compares against.
int updateForward(const Graph& graph, Evaluation& eval, std::span<const NodeId> changedLeaves,
                  bool holdStopped = false);
// Back-propagates `seed` from `root` (a vector-Jacobian product), adding into leaf gradients and
// recording one event per edge (unless `mode` is Skip: then the trace's backward part is
// emptied). Needs runForward first.
void runBackward(const Graph& graph, NodeId root, const Matrix& seed, Evaluation& eval,
                 TraceMode mode = TraceMode::Record, GradsFor which = GradsFor::Every);
// Sets every gradient to zero (torch's zero_grad on every leaf).
void zeroGrad(const Graph& graph, Evaluation& eval);
// Forward, then one backward pass from the program's root with its seed, from zero gradients.
Evaluation evaluate(const Program& program, TraceMode mode = TraceMode::Record);

// The elementwise local derivative ∂to/∂from seen through one edge for a scalar or elementwise
// view: the contribution this edge would pass for an upstream of ones. Used by the chain-rule panel.
Matrix localDerivative(const Graph& graph, const Evaluation& eval, NodeId consumer, int slot);

}  // namespace bp
