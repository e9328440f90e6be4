// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/canvas_style.h"

#include <QCoreApplication>
#include <QFontMetricsF>

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

static QFont sized(int pixels, bool bold) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels);
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
constexpr double kRowHeight = 22;
}  // namespace

QSizeF legendSize() {
    QFontMetricsF fm(smallFont());
    double width = 0;
    for (const auto& row : legendRows()) width = std::max(width, fm.horizontalAdvance(row.text));
    return {width + 44, legendRows().size() * kRowHeight + 12};
}

QSizeF drawLegend(QPainter& painter, QPointF topLeft) {
    const QSizeF size = legendSize();
    painter.save();
    painter.setPen(QPen(kMuted, 1));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(QRectF(topLeft, size), 6, 6);
    painter.setFont(smallFont());
    double y = topLeft.y() + 6;
    for (const auto& row : legendRows()) {
        const QRectF swatch(topLeft.x() + 10, y + 4, 22, 14);
        if (row.filled) {
            painter.setPen(QPen(kMuted, 1));
            painter.setBrush(row.swatch);
            painter.drawRect(swatch);
        } else {
            painter.setPen(QPen(row.swatch, 4));
            painter.drawLine(swatch.left(), swatch.center().y(), swatch.right(), swatch.center().y());
        }
        painter.setPen(row.filled ? kText : row.swatch);
        painter.drawText(QRectF(topLeft.x() + 38, y, size.width() - 40, kRowHeight), Qt::AlignVCenter, row.text);
        y += kRowHeight;
    }
    painter.restore();
    return size;
}

}  // namespace bp::style
