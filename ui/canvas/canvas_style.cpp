// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/canvas_style.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

namespace bp::style {

QColor headerColor(NodeKind kind) {
    switch (kind) {
    case NodeKind::Input: return {0xd8, 0xf0, 0xd8};
    case NodeKind::Param: return {0xff, 0xe4, 0xc2};
    case NodeKind::Const: return {0xe6, 0xe6, 0xe6};
    case NodeKind::Op: return {0xe3, 0xea, 0xf6};
    }
    return Qt::white;
}

QString kindText(NodeKind kind) {
    switch (kind) {
    case NodeKind::Input: return QCoreApplication::translate("Canvas", "input");
    case NodeKind::Param: return QCoreApplication::translate("Canvas", "param");
    case NodeKind::Const: return QCoreApplication::translate("Canvas", "const");
    case NodeKind::Op: return QCoreApplication::translate("Canvas", "op");
    }
    return {};
}

namespace {
CanvasLook gLook;
}  // namespace

void setCanvasLook(const CanvasLook& look) {
    gLook = look;
    gLook.typeScale = std::clamp(look.typeScale, 0.5, 3.0);
}
const CanvasLook& canvasLook() { return gLook; }

QColor mutedColor() { return gLook.highContrast ? QColor(0x4a, 0x50, 0x58) : kMuted; }
QColor edgeColor() { return gLook.highContrast ? QColor(0x3c, 0x42, 0x4a) : kEdge; }
double stroke(double width) { return gLook.highContrast ? width * 1.6 : width; }

static QFont sized(int pixels, bool bold) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, int(std::lround(pixels * gLook.typeScale))));
    f.setBold(bold);
    return f;
}

QFont nameFont() { return sized(18, true); }
QFont numberFont() {
    QFont f = sized(16, false);
    f.setFamily(QStringLiteral("DejaVu Sans Mono"));
    return f;
}
QFont smallFont() { return sized(13, false); }

namespace {
// The legend is read once, not from the back row during the lecture: in presentation it grows
// less than the type, and leaves the canvas the room.
double legendScale() { return std::min(gLook.typeScale, 1.15); }
QFont legendFont() {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, int(std::lround(13 * legendScale()))));
    return f;
}
}  // namespace

namespace {
struct LegendRow {
    QColor swatch;
    QString text;
    bool filled;
};
QList<LegendRow> legendRows() {
    return {{kValue, QCoreApplication::translate("Canvas", "forward value"), false},
            {kGradient, QCoreApplication::translate("Canvas", "gradient ∂root/∂node"), false},
            {headerColor(NodeKind::Input), QCoreApplication::translate("Canvas", "input"), true},
            {headerColor(NodeKind::Param), QCoreApplication::translate("Canvas", "param (trained)"), true},
            {headerColor(NodeKind::Const), QCoreApplication::translate("Canvas", "const"), true},
            {headerColor(NodeKind::Op), QCoreApplication::translate("Canvas", "operation"), true},
            {kActive, QCoreApplication::translate("Canvas", "current step"), false}};
}
double rowHeight() { return 22 * legendScale(); }
}  // namespace

QStringList legendTexts() {
    QStringList texts;
    for (const LegendRow& row : legendRows()) texts << row.text;
    return texts;
}

QSizeF legendSize() {
    QFontMetricsF fm(legendFont());
    double width = 0;
    for (const auto& row : legendRows()) width = std::max(width, fm.horizontalAdvance(row.text));
    return {width + 44 * legendScale(), legendRows().size() * rowHeight() + 12};
}

QSizeF drawLegend(QPainter& painter, QPointF topLeft) {
    const QSizeF size = legendSize();
    painter.save();
    painter.setPen(QPen(mutedColor(), stroke(1)));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(QRectF(topLeft, size), 6, 6);
    painter.setFont(legendFont());
    const double s = legendScale();
    double y = topLeft.y() + 6;
    for (const auto& row : legendRows()) {
        const QRectF swatch(topLeft.x() + 10 * s, y + 4 * s, 22 * s, 14 * s);
        if (row.filled) {
            painter.setPen(QPen(mutedColor(), stroke(1)));
            painter.setBrush(row.swatch);
            painter.drawRect(swatch);
        } else {
            painter.setPen(QPen(row.swatch, 4 * s));
            painter.drawLine(swatch.left(), swatch.center().y(), swatch.right(), swatch.center().y());
        }
        painter.setPen(row.filled ? kText : row.swatch);
        painter.drawText(QRectF(topLeft.x() + 38 * s, y, size.width() - 40 * s, rowHeight()), Qt::AlignVCenter, row.text);
        y += rowHeight();
    }
    painter.restore();
    return size;
}

namespace {
// Where each entry of the strip goes, relative to its top-left corner.
QList<QRectF> stripCells(double maxWidth) {
    const QFontMetricsF fm(legendFont());
    const double s = legendScale();
    QList<QRectF> cells;
    double x = 10 * s, y = 4;
    for (const auto& row : legendRows()) {
        const double w = 32 * s + fm.horizontalAdvance(row.text) + 18 * s;
        if (x > 10 * s && x + w > maxWidth) {
            x = 10 * s;
            y += rowHeight();
        }
        cells.append(QRectF(x, y, w, rowHeight()));
        x += w;
    }
    return cells;
}
}  // namespace

QSizeF legendStripSize(double maxWidth) {
    double right = 0, bottom = 0;
    for (const QRectF& cell : stripCells(maxWidth)) right = std::max(right, cell.right()), bottom = std::max(bottom, cell.bottom());
    return {right, bottom + 4};
}

QSizeF drawLegendStrip(QPainter& painter, QPointF topLeft, double maxWidth) {
    const QSizeF size = legendStripSize(maxWidth);
    const double s = legendScale();
    painter.save();
    painter.setPen(QPen(mutedColor(), stroke(1)));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(QRectF(topLeft, size), 6, 6);
    painter.setFont(legendFont());
    const QList<QRectF> cells = stripCells(maxWidth);
    const QList<LegendRow> rows = legendRows();
    for (int i = 0; i < rows.size(); ++i) {
        const QRectF cell = cells[i].translated(topLeft);
        const QRectF swatch(cell.left(), cell.center().y() - 7 * s, 22 * s, 14 * s);
        if (rows[i].filled) {
            painter.setPen(QPen(mutedColor(), stroke(1)));
            painter.setBrush(rows[i].swatch);
            painter.drawRect(swatch);
        } else {
            painter.setPen(QPen(rows[i].swatch, 4 * s));
            painter.drawLine(swatch.left(), swatch.center().y(), swatch.right(), swatch.center().y());
        }
        painter.setPen(rows[i].filled ? kText : rows[i].swatch);
        painter.drawText(cell.adjusted(28 * s, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, rows[i].text);
    }
    painter.restore();
    return size;
}

}  // namespace bp::style
