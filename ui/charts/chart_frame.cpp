// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chart_frame.h"

#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
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

void ChartFrame::addSeries(std::initializer_list<QAbstractSeries*> series, std::initializer_list<QAbstractSeries*> unlisted) {
    for (QAbstractSeries* s : series) {
        chart_->addSeries(s);
        for (QAbstractAxis* axis : chart_->axes()) s->attachAxis(axis);
    }
    for (QAbstractSeries* s : unlisted)
        for (QLegendMarker* m : chart_->legend()->markers(s)) m->setVisible(false);
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

QString chartNumber(double x, int significant) { return QString::fromStdString(formatNumber(x, significant)); }

}  // namespace bp::charts
