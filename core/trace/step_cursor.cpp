// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trace/step_cursor.h"

#include <algorithm>

namespace bp {

void StepCursor::attach(const Graph& graph, const Evaluation& eval) {
    eval_ = &eval;
    forwardIndex_.assign(graph.size(), 0);
    for (int i = 0; i < static_cast<int>(eval.trace.forward.size()); ++i) forwardIndex_[eval.trace.forward[i]] = i + 1;
    // Emptied, not rebuilt: after an edit the same graph is attached again, and each node's list
    // keeps its storage (attaching then allocates nothing).
    eventsInto_.resize(graph.size());
    for (std::vector<int>& into : eventsInto_) into.clear();
    for (int i = 0; i < static_cast<int>(eval.trace.backward.size()); ++i)
        eventsInto_[eval.trace.backward[i].to].push_back(i);
    startGrad_.assign(graph.size(), -1);
    shownGrads_.resize(graph.size());
    for (int i = 0; i < static_cast<int>(eval.trace.startGrads.size()); ++i) startGrad_[eval.trace.startGrads[i].first] = i;
    position_ = std::clamp(position_, 0, last());
}

bool StepCursor::setPosition(int position) {
    position = std::clamp(position, 0, last());
    if (position == position_) return false;
    position_ = position;
    return true;
}

Phase StepCursor::phase() const {
    if (position_ == 0) return Phase::Start;
    return position_ <= forwardCount() ? Phase::Forward : Phase::Backward;
}

int StepCursor::indexInPhase() const {
    return phase() == Phase::Backward ? position_ - forwardCount() : position_;
}

bool StepCursor::valueKnown(NodeId id) const { return forwardIndex_[id] <= position_; }

int StepCursor::shownGradEvent(NodeId id) const {
    if (phase() != Phase::Backward) return -2;
    const int done = position_ - forwardCount();  // events 0..done-1 have happened
    const std::vector<int>& into = eventsInto_[id];
    // The last event into `id` among those that happened.
    auto it = std::lower_bound(into.begin(), into.end(), done);
    if (it != into.begin()) return *std::prev(it);
    return startGrad_[id] >= 0 ? -1 : -2;
}

const Matrix* StepCursor::shownGrad(NodeId id) const {
    const int event = shownGradEvent(id);
    if (event >= 0) {
        shownGrads_[id] = eval_->gradAfter(eval_->trace.backward[event]);
        return &shownGrads_[id];
    }
    if (event == -1) return &eval_->trace.startGrads[startGrad_[id]].second;
    return nullptr;
}

NodeId StepCursor::activeForwardNode() const {
    return phase() == Phase::Forward ? eval_->trace.forward[position_ - 1] : -1;
}

int StepCursor::activeEventIndex() const { return phase() == Phase::Backward ? position_ - forwardCount() - 1 : -1; }

const BackwardEvent* StepCursor::activeEvent() const {
    const int i = activeEventIndex();
    return i >= 0 ? &eval_->trace.backward[i] : nullptr;
}

}  // namespace bp
