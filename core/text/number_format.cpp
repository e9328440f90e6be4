// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/number_format.h"

#include <charconv>
#include <cmath>

namespace bp {

std::string formatNumber(double x, int significant) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    if (x == 0) return "0";  // also turns -0 into 0
    // The same text as printf's "%.*g" (the standard defines it so), without the locale and the
    // format string: a matrix of 200,000 entries is written several times faster.
    char buffer[40];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::general, significant);
    return std::string(buffer, result.ptr);
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
