// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text labels on chart points ("z2[0]: σ′ = 0.0033"), placed where they do not overlap each other
// and kept inside the plot area, with a leader line when one had to move away from its point;
// laid out again whenever the plot area moves. Qt Charts has point
// labels of one format per series only, so each chart of ours writes its own with this.
#include <QColor>
#include <QPointF>
#include <QString>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
class QGraphicsLineItem;
class QGraphicsRectItem;
QT_END_NAMESPACE

namespace bp::charts {

struct PointLabel {
    QPointF value;  // in the series' coordinates
    QString text;
    QColor color;
    bool emphasized = false;  // bold and placed first
};

class PointLabels {
public:
    explicit PointLabels(QChart* chart) : chart_(chart) {}
    ~PointLabels();
    PointLabels(const PointLabels&) = delete;
    PointLabels& operator=(const PointLabels&) = delete;

    // Labels for points of `series` (which maps values to positions). Replaces the previous ones.
    void set(std::vector<PointLabel> labels, QAbstractSeries* series);
    void relayout();
    int pixelSize() const { return pixelSize_; }
    void setPixelSize(int px);

private:
    void clearItems();
    QChart* chart_;
    QAbstractSeries* series_ = nullptr;
    std::vector<PointLabel> labels_;
    std::vector<QGraphicsRectItem*> items_;
    std::vector<QGraphicsLineItem*> leaders_;  // from a label moved away back to its point
    int pixelSize_ = 15;
};

}  // namespace bp::charts
