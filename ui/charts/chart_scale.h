// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a number lands on a chart's axis. A value the axis cannot show (past its ends, nan, inf,
// or not positive on a log axis) is never dropped: it is pinned to the nearer end and flagged
// off-scale, and the chart writes its value beside it ("z = 800"). No Qt Charts in here.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace bp::charts {

struct AxisPlacement {
    double position = 0;     // on the axis: the value itself, or the end it is pinned to
    bool offScale = false;
};

// nan goes to the low end (it has no side); everything else to the end it is past.
inline AxisPlacement placeOnAxis(double value, double low, double high) {
    if (std::isnan(value) || value < low) return {low, true};
    if (value > high) return {high, true};
    return {value, false};
}

// On a log axis zero and negative numbers have no place either: pinned to the low end.
inline AxisPlacement placeOnLogAxis(double value, double low, double high) {
    if (!(value > 0)) return {low, true};
    return placeOnAxis(value, low, high);
}

// Whole decades around the positive finite values, with at least a sixth of a decade to spare at
// either end (so 1 sits inside [0.1, 10], not on its edge); [0.1, 10] when there are none.
inline std::pair<double, double> decadeRange(const std::vector<double>& values) {
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (double v : values)
        if (v > 0 && std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (lo > hi) return {0.1, 10.0};
    double a = std::floor(std::log10(lo) - 0.15), b = std::ceil(std::log10(hi) + 0.15);
    if (b <= a) b = a + 1;
    // Keep clear of the ends of double: 1e-308 and 1e308 are the last decades a log axis can draw.
    a = std::max(a, -300.0);
    b = std::min(b, 300.0);
    return {std::pow(10.0, a), std::pow(10.0, b)};
}

// A linear range holding `low`, `high` and the finite values, with a margin at the top.
inline std::pair<double, double> linearRange(const std::vector<double>& values, double low, double high) {
    for (double v : values)
        if (std::isfinite(v)) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    if (!(high > low)) high = low + 1;
    const double span = high - low;
    if (!std::isfinite(span)) return {-1e300, 1e300};
    return {low, high + 0.05 * span};
}

}  // namespace bp::charts
