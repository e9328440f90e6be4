// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/layer_gradient_chart.h"

#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <cmath>

#include "core/text/number_format.h"
#include "ui/canvas/canvas_style.h"
#include "ui/charts/chart_scale.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/point_labels.h"

namespace bp::charts {
namespace {

QString number(double x) { return QString::fromStdString(formatNumber(x, 3)); }

}  // namespace

LayerGradientChart::LayerGradientChart(QWidget* parent) : QWidget(parent), chart_(new QChart) {
    styleChart(chart_);
    line_ = new QLineSeries;
    line_->setPen(QPen(style::kGradient, 3));
    points_ = new QScatterSeries;
    points_->setColor(style::kGradient);
    points_->setBorderColor(style::kGradient.darker(140));
    points_->setMarkerSize(11);
    offScale_ = new QScatterSeries;
    offScale_->setName(tr("off the chart"));
    offScale_->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    offScale_->setColor(QColor(0x6d, 0x4c, 0x41));
    offScale_->setMarkerSize(16);
    chart_->addSeries(line_);
    chart_->addSeries(points_);
    chart_->addSeries(offScale_);
    x_ = new QValueAxis;
    x_->setLabelFormat(QStringLiteral("%d"));
    y_ = new QLogValueAxis;
    y_->setBase(10);
    y_->setLabelFormat(QStringLiteral("%.0e"));
    chart_->addAxis(x_, Qt::AlignBottom);
    chart_->addAxis(y_, Qt::AlignLeft);
    for (QAbstractSeries* s : chart_->series()) {
        s->attachAxis(x_);
        s->attachAxis(y_);
    }
    chart_->legend()->setAlignment(Qt::AlignTop);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{points_, offScale_})
        for (QLegendMarker* m : chart_->legend()->markers(s)) m->setVisible(false);
    labels_ = std::make_unique<PointLabels>(chart_);
    connect(chart_, &QChart::plotAreaChanged, this, [this] { labels_->relayout(); });
    view_ = new QChartView(chart_);
    view_->setRenderHint(QPainter::Antialiasing);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    setLargeType(false);
    setLayers({}, QString());
}

LayerGradientChart::~LayerGradientChart() { labels_.reset(); }

void LayerGradientChart::setLargeType(bool large) {
    const int px = large ? 22 : 14;
    styleAxis(x_, tr("layer k (1 = nearest the input)"), px);
    styleAxis(y_, tr("‖∂L/∂zₖ‖ (log scale)"), px);
    QFont legend = chart_->legend()->font();
    legend.setPixelSize(px + 1);
    chart_->legend()->setFont(legend);
    labels_->setPixelSize(large ? 22 : 14);
}

void LayerGradientChart::setLayers(std::vector<Layer> layers, const QString& series) {
    line_->setName(series.isEmpty() ? tr("gradient size") : series);
    std::vector<double> sizes;
    for (const Layer& l : layers) sizes.push_back(l.size);
    chart_->legend()->setVisible(!layers.empty());
    std::tie(yMin_, yMax_) = decadeRange(sizes);
    // A hair outside the decades: Qt labels a decade only when it lies inside the range, and
    // pow(10, -1) is not exactly 0.1.
    y_->setRange(yMin_ * (1 - 1e-9), yMax_ * (1 + 1e-9));
    // Whole decades only: a tick per decade, but no more than about ten labels.
    const int decades = int(std::lround(std::log10(yMax_) - std::log10(yMin_)));
    y_->setMinorTickCount(decades <= 4 ? 8 : 0);
    const int n = int(layers.size());
    x_->setRange(0.5, std::max(1, n) + 0.5);
    x_->setTickCount(std::min(std::max(n, 1), 10) + 1);
    x_->setTickType(QValueAxis::TicksDynamic);
    // Every layer up to 10; past that round numbers (2, 4, ... or 5, 10, ...).
    const int interval = n <= 10 ? 1 : n <= 20 ? 2 : 5;
    x_->setTickAnchor(interval == 1 ? 1 : 0);
    x_->setTickInterval(interval);

    placed_.clear();
    QList<QPointF> line, points, off;
    std::vector<PointLabel> labels;
    for (const Layer& l : layers) {
        const AxisPlacement y = placeOnLogAxis(l.size, yMin_, yMax_);
        PlacedLayer p{l, y.position, y.offScale, {}};
        const QPointF at(l.layer, y.position);
        if (y.offScale) {
            off.append(at);
            p.label = tr("%1 = %2 (off the log scale)").arg(l.name, number(l.size));
        } else {
            line.append(at);
            points.append(at);
            // The first and the last layer always; every layer while they fit.
            if (n <= 10 || l.layer == 1 || l.layer == n) p.label = tr("%1: %2").arg(l.name, number(l.size));
        }
        if (!p.label.isEmpty())
            labels.push_back({at, p.label, y.offScale ? QColor(0x4e, 0x34, 0x2e) : style::kGradient.darker(130), y.offScale});
        placed_.push_back(std::move(p));
    }
    line_->replace(line);
    points_->replace(points);
    offScale_->replace(off);
    labels_->set(std::move(labels), line_);
}

}  // namespace bp::charts
