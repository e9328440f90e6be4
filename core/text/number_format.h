// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How numbers are written for people: the command line's text output, the canvas, the panels.
#include <string>

#include "core/graph/matrix.h"

namespace bp {

// `significant` digits, %g style; non-finite numbers as "nan", "inf", "-inf".
std::string formatNumber(double x, int significant = 10);
// The fewest significant digits, at least `minimum`, at which a and b are written differently (17
// when they are equal): a change made by one SGD step is visible in "0.4998738 → 0.4998736".
int digitsToTellApart(double a, double b, int minimum = 6);
// [[1, 2], [3, 4]] on one line (a 1x1 matrix as a plain number).
std::string formatMatrix(const Matrix& m, int significant = 10);

}  // namespace bp
