// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/canvas/flat_scroll_bars.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QPainter>
#include <QPolygonF>
#include <QProxyStyle>
#include <QScrollBar>
#include <QStyleOptionSlider>
#include <algorithm>

#include "ui/canvas/palette_colors.h"

namespace bp {
namespace {

class FlatScrollBarStyle : public QProxyStyle {
public:
    // A style of the application's kind of its own (a proxy owns its base style).
    FlatScrollBarStyle() : QProxyStyle(QApplication::style()->name()) {}

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                            const QWidget* widget) const override {
        const auto* bar = qstyleoption_cast<const QStyleOptionSlider*>(option);
        if (control != CC_ScrollBar || !bar) return QProxyStyle::drawComplexControl(control, option, painter, widget);
        const QColor window = option->palette.color(QPalette::Window), text = option->palette.color(QPalette::WindowText);
        const bool enabled = option->state & State_Enabled;
        const bool dragged = (bar->activeSubControls & SC_ScrollBarSlider) && (option->state & State_Sunken);
        painter->fillRect(option->rect, style::mix(window, text, 0.05));
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        const QRect slider = proxy()->subControlRect(control, bar, SC_ScrollBarSlider, widget);
        // Nothing to scroll (the chain-rule panel's bar is always there): a track alone.
        if (enabled && !slider.isEmpty() && bar->maximum > bar->minimum) {
            painter->setBrush(style::mix(window, text, dragged ? 0.55 : 0.35));
            painter->drawRoundedRect(QRectF(slider).adjusted(2.5, 2.5, -2.5, -2.5), 3, 3);
        }
        painter->setBrush(style::mix(window, text, enabled ? 0.6 : 0.3));
        for (SubControl arrow : {SC_ScrollBarSubLine, SC_ScrollBarAddLine}) {
            const QRectF box = proxy()->subControlRect(control, bar, arrow, widget);
            if (box.isEmpty()) continue;
            const double r = std::min(box.width(), box.height()) / 5;
            const QPointF c = box.center();
            const double s = arrow == SC_ScrollBarAddLine ? 1 : -1;  // towards the end it scrolls to
            if (bar->orientation == Qt::Horizontal)
                painter->drawPolygon(QPolygonF{c + QPointF(s * r, 0), c + QPointF(-s * r, -r), c + QPointF(-s * r, r)});
            else
                painter->drawPolygon(QPolygonF{c + QPointF(0, s * r), c + QPointF(-r, -s * r), c + QPointF(r, -s * r)});
        }
        painter->restore();
    }
};

}  // namespace

void useFlatScrollBars(QAbstractScrollArea* area) {
    auto* style = new FlatScrollBarStyle;
    style->setParent(area);
    area->horizontalScrollBar()->setStyle(style);
    area->verticalScrollBar()->setStyle(style);
}

}  // namespace bp
