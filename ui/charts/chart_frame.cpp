// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chart_frame.h"

#include <QPen>
#include <algorithm>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>

#include "core/text/number_format.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/point_labels.h"

namespace bp::charts {

ChartFrame::ChartFrame(QWidget* parent)
    : QWidget(parent), chart_(new QChart), view_(new QChartView(chart_)), labels_(std::make_unique<PointLabels>(chart_)) {
    styleChart(chart_);
    connect(chart_, &QChart::plotAreaChanged, this, [this] { labels_->relayout(); });
    view_->setRenderHint(QPainter::Antialiasing);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
}

// The labels are items of the chart: they go before the view deletes it.
ChartFrame::~ChartFrame() { labels_.reset(); }

int ChartFrame::presentationPixels(int screenHeight) {
    return std::clamp(screenHeight * kPresentationPixels / 720, kPresentationPixels, 32);
}

void ChartFrame::setLargeType(bool large, int screenHeight) {
    large_ = large;
    largePixels_ = presentationPixels(screenHeight);
    const int px = axisPixelSize();
    for (const auto& [axis, title] : axes_) styleAxis(axis, title, px);
    QFont legend = chart_->legend()->font();
    legend.setPixelSize(px + 1);
    chart_->legend()->setFont(legend);
    labels_->setPixelSize(px + (large ? 2 : 1));
}

void ChartFrame::addAxis(QAbstractAxis* axis, Qt::Alignment side, const QString& title) {
    if (side) chart_->addAxis(axis, side);
    axes_.emplace_back(axis, title);
    styleAxis(axis, title, axisPixelSize());
}

void ChartFrame::addSeries(std::initializer_list<QAbstractSeries*> series, std::initializer_list<QAbstractSeries*> unlisted) {
    for (QAbstractSeries* s : series) {
        chart_->addSeries(s);
        for (QAbstractAxis* axis : chart_->axes()) s->attachAxis(axis);
    }
    for (QAbstractSeries* s : unlisted)
        for (QLegendMarker* m : chart_->legend()->markers(s)) m->setVisible(false);
}

void ChartFrame::showLegendOnTop() {
    chart_->legend()->setAlignment(Qt::AlignTop);
    setLargeType(large_, largePixels_ * 720 / kPresentationPixels);
}

void ChartFrame::plot(std::initializer_list<std::pair<QXYSeries*, QList<QPointF>>> points, std::vector<PointLabel> labels,
                      QAbstractSeries* labelled) {
    for (const auto& [series, at] : points) series->replace(at);
    labels_->set(std::move(labels), labelled);
}

QScatterSeries* scatterSeries(const QString& name, const QColor& color, QScatterSeries::MarkerShape shape, double size) {
    auto* s = new QScatterSeries;
    s->setName(name);
    s->setColor(color);
    s->setBorderColor(color.darker(140));
    s->setMarkerShape(shape);
    s->setMarkerSize(size);
    return s;
}

QScatterSeries* offScaleSeries(const QString& name) {
    return scatterSeries(name, QColor(0x6d, 0x4c, 0x41), QScatterSeries::MarkerShapeTriangle, 16);
}

QLogValueAxis* decadeAxis() {
    auto* axis = new QLogValueAxis;
    axis->setBase(10);
    axis->setLabelFormat(QStringLiteral("%.0e"));
    return axis;
}

QLineSeries* lineSeries(const QString& name, const QColor& color, double width, Qt::PenStyle style) {
    auto* s = new QLineSeries;
    s->setName(name);
    s->setPen(QPen(color, width, style));
    return s;
}

QString chartNumber(double x, int significant) { return QString::fromStdString(formatNumber(x, significant)); }

}  // namespace bp::charts
