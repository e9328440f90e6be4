// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chart_style.h"

namespace bp::charts {

void styleChart(QChart* chart) {
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
}

void styleAxis(QAbstractAxis* axis, const QString& title, int px) {
    QFont labels = axis->labelsFont();
    labels.setPixelSize(px);
    axis->setLabelsFont(labels);
    QFont titleFont = axis->titleFont();
    titleFont.setPixelSize(px + 1);
    titleFont.setBold(true);
    axis->setTitleFont(titleFont);
    axis->setTitleText(title);
}

}  // namespace bp::charts
