// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What one edit of a leaf did to the loss, beside what the gradient predicted it would do:
//   predicted  ΔL ≈ Σᵢ gᵢ·Δwᵢ   (g = ∂L/∂w before the edit: the first-order Taylor term)
//   actual     ΔL = L(w + Δw) − L(w)
// A drag is one edit, measured from where it started. For a root that is not 1x1 the "loss" is
// Σ seed ∘ root, the quantity whose gradient the backward pass computes. No Qt.
#include "core/trace/evaluation.h"

namespace bp {

struct EditEffect {
    NodeId leaf = -1;
    int mergeKey = -1;     // the gesture it belongs to (-1: a single edit)
    Matrix before;         // the leaf's value before the edit
    Matrix after;          // and after it
    Matrix gradBefore;     // ∂L/∂leaf before the edit, from a fresh backward pass
    double lossBefore = 0;
    double lossAfter = 0;
    bool finished = false;  // `after` and `lossAfter` are filled in

    bool valid() const { return leaf >= 0 && finished; }
    Matrix delta() const { return after - before; }
    // Σ g ∘ Δw
    double predicted() const;
    double actual() const { return lossAfter - lossBefore; }
    // Whether a further edit of `id` in gesture `key` continues this one (the same drag).
    bool continuedBy(NodeId id, int key) const { return finished && key >= 0 && leaf == id && mergeKey == key; }
};

// Σ seed ∘ value(root): the loss for a 1x1 root with seed 1.
double seededRoot(const Program& program, const Evaluation& eval);

// The state before an edit of leaf `id`. `eval` is the program's current evaluation; when its
// gradients have been accumulated over several backward passes, a fresh pass is run instead.
EditEffect effectBefore(const Program& program, const Evaluation& eval, bool accumulated, NodeId id, int mergeKey);
// Fills in the state after the edit.
void finishEffect(EditEffect& effect, const Program& program, const Evaluation& eval);

}  // namespace bp
