// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Changing a number by dragging it, like a slider: Shift+drag sideways on a value entry of a leaf
// on the canvas, or a slider in the inspector. The step per pixel (or per slider tick) follows
// the size of the number, and values land on that step's decimals (6 → 6.01 → 6.02, never
// 6.0199999999999996). One gesture is one merge key, so one undo step.
#include "core/graph/graph.h"

namespace bp {

// 0.01 for numbers below 10 in size, 0.1 below 100, ... : a hundred steps change the leading digit.
double scrubStep(double value);
// `start` moved by `steps` steps of `step`, rounded to the step's decimals.
double scrubbed(double start, long steps, double step);

// One drag of one entry.
struct ValueScrub {
    NodeId node = -1;
    int row = 0;
    int col = 0;
    Matrix start;     // the leaf's value when the drag began
    double step = 0.01;
    double pressX = 0;  // screen x of the press
    int mergeKey = -1;
    // The leaf's value with the entry moved by the horizontal distance from the press.
    Matrix valueAt(double screenX) const;
};

}  // namespace bp
