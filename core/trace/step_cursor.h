// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Stepping through a recorded evaluation. Position 0 is the start (only leaves known); positions
// 1..F are the forward steps; F+1..F+B the backward events. What a node shows at a position is
// read from the trace: no arithmetic happens on a step.
#include <vector>

#include "core/trace/evaluation.h"

namespace bp {

enum class Phase { Start, Forward, Backward };

class StepCursor {
public:
    StepCursor() = default;
    // Indexes the trace of `eval` (which must outlive the cursor or be re-attached).
    void attach(const Graph& graph, const Evaluation& eval);

    int position() const { return position_; }
    // Clamps to [0, last()]. Returns whether the position changed.
    bool setPosition(int position);
    int last() const { return forwardCount() + backwardCount(); }
    int forwardCount() const { return eval_ ? static_cast<int>(eval_->trace.forward.size()) : 0; }
    int backwardCount() const { return eval_ ? static_cast<int>(eval_->trace.backward.size()) : 0; }

    Phase phase() const;
    // 1-based index within the phase ("Backward 5 / 12"); 0 at the start.
    int indexInPhase() const;

    // Whether the node's value has been computed at this position (leaves: always).
    bool valueKnown(NodeId id) const;
    // The gradient as it stands at this position, or nullptr before the backward phase reached it.
    // The matrix stays valid until the next shownGrad(id) of the same node, or the next attach.
    const Matrix* shownGrad(NodeId id) const;
    // Which gradient shownGrad(id) is: the index of the backward event it stands after, -1 for
    // the seed of the root, -2 for none. Two positions show the same gradient when this agrees.
    int shownGradEvent(NodeId id) const;
    // The op node computed by the current forward step, or -1.
    NodeId activeForwardNode() const;
    // The backward event of the current step (0-based index into trace.backward), or -1.
    int activeEventIndex() const;
    const BackwardEvent* activeEvent() const;
    // Indices of the backward events into `id`, in trace order.
    const std::vector<int>& eventsInto(NodeId id) const { return eventsInto_[id]; }

private:
    const Evaluation* eval_ = nullptr;
    int position_ = 0;
    std::vector<int> forwardIndex_;             // per node: its forward step (1-based), 0 for leaves
    std::vector<std::vector<int>> eventsInto_;  // per node: backward events into it
    std::vector<int> startGrad_;                // per node: index into trace.startGrads or -1
    // Per node, the gradient shownGrad last read out of the trace's buffer (copied there, so
    // callers get a Matrix; a copy into storage it already has allocates nothing).
    mutable std::vector<Matrix> shownGrads_;
};

}  // namespace bp
