// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/value_scrub.h"

#include <algorithm>
#include <cmath>

namespace bp {

double scrubStep(double value) {
    const double size = std::isfinite(value) ? std::max(std::abs(value), 1.0) : 1.0;
    return 0.01 * std::pow(10.0, std::min(std::floor(std::log10(size)), 300.0));
}

double scrubbed(double start, long steps, double step) {
    if (steps == 0) return start;
    const double moved = start + double(steps) * step;
    // Round to the decimals of the step: 0.01 → two decimals, 0.1 → one, 10 → whole tens.
    const int decimals = int(std::lround(-std::log10(step)));
    if (decimals <= 0) return std::round(moved / step) * step;
    const double scale = std::pow(10.0, decimals);
    return std::round(moved * scale) / scale;
}

Matrix ValueScrub::valueAt(double screenX) const {
    Matrix value = start;
    value(row, col) = scrubbed(start(row, col), std::lround(screenX - pressX), step);
    return value;
}

}  // namespace bp
