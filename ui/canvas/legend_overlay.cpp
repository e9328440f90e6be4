// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/legend_overlay.h"

#include <QPainter>
#include <cmath>

#include "ui/canvas/canvas_style.h"

namespace bp {

LegendOverlay::LegendOverlay(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_TranslucentBackground);
}

void LegendOverlay::place(const QRect& area, bool strip) {
    strip_ = strip;
    if (strip) {
        const double width = area.width() - 24;
        const QSize size = style::legendStripSize(width).toSize() + QSize(2, 2);
        setGeometry(area.left() + (area.width() - size.width()) / 2, area.top() + (area.height() - size.height()) / 2,
                    size.width(), size.height());
    } else {
        const QSize size = style::legendSize().toSize() + QSize(2, 2);
        setGeometry(area.right() - size.width() - 12, area.top() + 12, size.width(), size.height());
    }
    update();
}

void LegendOverlay::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    if (strip_) style::drawLegendStrip(painter, QPointF(0, 0), width());
    else style::drawLegend(painter, QPointF(0, 0));
}

}  // namespace bp
