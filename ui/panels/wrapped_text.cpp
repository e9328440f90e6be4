// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/wrapped_text.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <cmath>

namespace bp {

WrappedText::WrappedText(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void WrappedText::setText(const QString& text) {
    if (text == text_) return;
    text_ = text;
    const int before = laidOutHeight_;
    laidOutWidth_ = -1;
    // Another height asks the scroll area for room; the same height only repaints.
    if (layOut(width()) != before) updateGeometry();
    update();
}

int WrappedText::layOut(int width) const {
    if (width == laidOutWidth_) return laidOutHeight_;
    laidOutWidth_ = width;
    layouts_.clear();
    const QFontMetricsF metrics(font());
    const double lineWidth = std::max(1, width);
    double y = 0;
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    for (const QString& line : text_.split(QLatin1Char('\n'))) {
        auto layout = std::make_unique<QTextLayout>(line, font());
        layout->setTextOption(option);
        layout->beginLayout();
        for (QTextLine l = layout->createLine(); l.isValid(); l = layout->createLine()) {
            l.setLineWidth(lineWidth);
            l.setPosition(QPointF(0, y));
            y += metrics.lineSpacing();
        }
        layout->endLayout();
        layouts_.push_back(std::move(layout));
    }
    laidOutHeight_ = int(std::ceil(y));
    return laidOutHeight_;
}

QSize WrappedText::sizeHint() const { return {width(), heightForWidth(width())}; }

QSize WrappedText::minimumSizeHint() const { return {0, 0}; }

int WrappedText::heightForWidth(int width) const { return layOut(width); }

void WrappedText::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const int before = laidOutHeight_;
    if (layOut(width()) != before) updateGeometry();
}

void WrappedText::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        laidOutWidth_ = -1;
        layOut(width());
        updateGeometry();
        update();
    }
}

void WrappedText::paintEvent(QPaintEvent*) {
    layOut(width());
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::WindowText));
    for (const auto& layout : layouts_) layout->draw(&painter, QPointF(0, 0));
}

void WrappedText::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("&Copy"), this, [this] { QApplication::clipboard()->setText(text_); });
    menu.exec(event->globalPos());
}

}  // namespace bp
