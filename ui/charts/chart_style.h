// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every chart of ours shares: the plain frame and readable axis type.
#include <QAbstractAxis>
#include <QChart>

namespace bp::charts {

// No rounded background, thin margins: the chart fills its dock.
void styleChart(QChart* chart);
// Axis labels at `px` pixels, the title one pixel larger and bold.
void styleAxis(QAbstractAxis* axis, const QString& title, int px);

}  // namespace bp::charts
