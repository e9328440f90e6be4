// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ops/broadcast.h"

namespace bp {

Matrix expandTo(const Matrix& m, Shape target) {
    if (shapeOf(m) == target) return m;
    return m.replicate(target.rows / m.rows(), target.cols / m.cols());
}

Matrix reduceTo(const Matrix& g, Shape target) {
    if (shapeOf(g) == target) return g;
    if (target.rows == 1 && target.cols == 1) return Matrix::Constant(1, 1, g.sum());
    if (target.rows == 1) return g.colwise().sum();
    return g.rowwise().sum();
}

}  // namespace bp
