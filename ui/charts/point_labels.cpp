// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/point_labels.h"

#include <QBrush>
#include <QFont>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>
#include <QtCharts/QChart>
#include <algorithm>

namespace bp::charts {

PointLabels::~PointLabels() = default;  // the items belong to the chart, which deletes them

void PointLabels::clearItems() {
    for (QGraphicsRectItem* item : items_) delete item;
    for (QGraphicsLineItem* line : leaders_) delete line;
    items_.clear();
    leaders_.clear();
}

void PointLabels::setPixelSize(int px) {
    pixelSize_ = px;
    set(std::move(labels_), series_);
}

void PointLabels::set(std::vector<PointLabel> labels, QAbstractSeries* series) {
    clearItems();
    labels_ = std::move(labels);
    series_ = series;
    // Emphasized labels first: they get the best places.
    std::stable_sort(labels_.begin(), labels_.end(),
                     [](const PointLabel& a, const PointLabel& b) { return a.emphasized && !b.emphasized; });
    for (const PointLabel& label : labels_) {
        auto* box = new QGraphicsRectItem(chart_);
        box->setBrush(QColor(255, 255, 255, 225));
        box->setPen(QPen(label.color.lighter(150), 1));
        box->setZValue(20);
        auto* text = new QGraphicsSimpleTextItem(label.text, box);
        QFont font = text->font();
        font.setPixelSize(pixelSize_);
        font.setBold(label.emphasized);
        text->setFont(font);
        text->setBrush(label.color);
        const QRectF r = text->boundingRect().adjusted(-4, -1, 4, 1);
        text->setPos(-r.topLeft());
        box->setRect(QRectF(QPointF(0, 0), r.size()));
        items_.push_back(box);
        auto* leader = new QGraphicsLineItem(chart_);
        leader->setPen(QPen(label.color, 1, Qt::DotLine));
        leader->setZValue(19);
        leaders_.push_back(leader);
    }
    relayout();
}

void PointLabels::relayout() {
    if (!series_) return;
    const QRectF plot = chart_->plotArea();
    // No label may cover a labelled point: each point starts out as taken.
    std::vector<QRectF> taken;
    for (const PointLabel& label : labels_) {
        const QPointF p = chart_->mapToPosition(label.value, series_);
        taken.emplace_back(p.x() - 9, p.y() - 9, 18, 18);
    }
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const QPointF p = chart_->mapToPosition(labels_[i].value, series_);
        const QSizeF s = items_[i]->rect().size();
        // Try beside the point, then further up and down, until a place is free.
        const double gap = 8;
        std::vector<QPointF> candidates;
        for (int lift = 0; lift < 12; ++lift) {
            const double up = p.y() - gap - s.height() - lift * (s.height() + 2);
            const double down = p.y() + gap + lift * (s.height() + 2);
            candidates.push_back({p.x() + gap, up});
            candidates.push_back({p.x() - gap - s.width(), up});
            candidates.push_back({p.x() + gap, down});
            candidates.push_back({p.x() - gap - s.width(), down});
        }
        QRectF chosen;
        for (const QPointF& c : candidates) {
            QRectF r(c, s);
            // Inside the plot area, as far as the label fits.
            r.moveLeft(std::clamp(r.left(), plot.left(), std::max(plot.left(), plot.right() - s.width())));
            r.moveTop(std::clamp(r.top(), plot.top(), std::max(plot.top(), plot.bottom() - s.height())));
            const bool free = std::none_of(taken.begin(), taken.end(),
                                           [&](const QRectF& t) { return t.intersects(r.adjusted(-2, -2, 2, 2)); });
            if (free) {
                chosen = r;
                break;
            }
        }
        if (chosen.isNull()) chosen = QRectF(candidates.front(), s);
        taken.push_back(chosen);
        items_[i]->setPos(chosen.topLeft());
        // A label that had to move away gets a line to its point, from the nearest spot of its box.
        const QPointF near(std::clamp(p.x(), chosen.left(), chosen.right()), std::clamp(p.y(), chosen.top(), chosen.bottom()));
        const bool far = QLineF(near, p).length() > gap + 4;
        leaders_[i]->setVisible(far);
        if (far) leaders_[i]->setLine(QLineF(near, p));
    }
}

}  // namespace bp::charts
