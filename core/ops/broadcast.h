// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// NumPy broadcasting on two dimensions: each dimension equal, or 1 in one operand. The gradient
// of a broadcast operand is summed back to its own shape.
#include <optional>

#include "core/graph/matrix.h"

namespace bp {

std::optional<Shape> broadcastShapes(Shape a, Shape b);
// m repeated to `target` (which broadcastShapes allowed); a no-op view when the shape already fits.
Matrix expandTo(const Matrix& m, Shape target);
// g summed over the dimensions in which `target` is 1 and g is not.
Matrix reduceTo(const Matrix& g, Shape target);

}  // namespace bp
