// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// NumPy broadcasting on two dimensions: each dimension equal, or 1 in one operand. The gradient
// of a broadcast operand is summed back to its own shape.
#include <optional>

#include "core/graph/matrix.h"

namespace bp {

// Inline: every elementwise op's shape rule asks it, twice for each op the parser builds (a call
// returning the optional through memory stalled on reading it back).
inline std::optional<Shape> broadcastShapes(Shape a, Shape b) {
    const auto dim = [](long x, long y) { return x == y || y == 1 ? x : x == 1 ? y : -1; };
    const long rows = dim(a.rows, b.rows), cols = dim(a.cols, b.cols);
    if (rows < 0 || cols < 0) return std::nullopt;
    return Shape{rows, cols};
}
// m repeated to `target` (which broadcastShapes allowed); a no-op view when the shape already fits.
Matrix expandTo(const Matrix& m, Shape target);
// g summed over the dimensions in which `target` is 1 and g is not.
Matrix reduceTo(const Matrix& g, Shape target);

}  // namespace bp
