// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers as the window shows them: core's formatter at one of its named precisions (Shown), as
// a QString. Every panel writes its numbers through these.
#include <QString>

#include "core/text/number_format.h"

namespace bp {

inline QString shownNumber(double x, Shown precision = Shown::Exact) {
    return QString::fromStdString(formatNumber(x, precision));
}
inline QString shownMatrix(const Matrix& m, Shown precision = Shown::Exact) {
    return QString::fromStdString(formatMatrix(m, precision));
}

}  // namespace bp
