// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/number_format.h"

#include <cmath>
#include <cstdio>

namespace bp {

std::string formatNumber(double x, int significant) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    if (x == 0) return "0";  // also turns -0 into 0
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.*g", significant, x);
    return buffer;
}

int digitsToTellApart(double a, double b, int minimum) {
    for (int digits = minimum; digits < 17; ++digits)
        if (formatNumber(a, digits) != formatNumber(b, digits)) return digits;
    return 17;
}

std::string formatMatrix(const Matrix& m, int significant) {
    if (m.size() == 1) return formatNumber(m(0, 0), significant);
    std::string out = "[";
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        out += r ? ", [" : "[";
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            if (c) out += ", ";
            out += formatNumber(m(r, c), significant);
        }
        out += "]";
    }
    return out + "]";
}

}  // namespace bp
