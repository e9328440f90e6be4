// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How numbers are written for people: the command line's text output, the canvas, the panels.
#include <string>

#include "core/graph/matrix.h"

namespace bp {

// The precisions numbers are shown at, in significant digits: one name for each use, so that the
// canvas, the panels and the text written for a step agree.
enum class Shown : int {
    Percent = 2,  // a percentage (how far a prediction was off)
    Glance = 3,   // a change (Δ), an error, a ratio
    Step = 4,     // the canvas, the edge label, the chain-rule arithmetic
    Status = 6,   // a loss or a rate in a status line
    Exact = 10,   // the Inspector, the gradient check, an editor, the command line
};

// `significant` digits, %g style; non-finite numbers as "nan", "inf", "-inf".
std::string formatNumber(double x, int significant = int(Shown::Exact));
inline std::string formatNumber(double x, Shown precision) { return formatNumber(x, int(precision)); }
// The fewest significant digits, at least `minimum`, at which a and b are written differently (17
// when they are equal): a change made by one SGD step is visible in "0.4998738 → 0.4998736".
int digitsToTellApart(double a, double b, int minimum = 6);
// [[1, 2], [3, 4]] on one line (a 1x1 matrix as a plain number).
std::string formatMatrix(const Matrix& m, int significant = int(Shown::Exact));
inline std::string formatMatrix(const Matrix& m, Shown precision) { return formatMatrix(m, int(precision)); }

}  // namespace bp
