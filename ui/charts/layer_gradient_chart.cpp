// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/layer_gradient_chart.h"

#include <QtCharts/QChart>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>
#include <cmath>

#include "ui/canvas/canvas_style.h"
#include "ui/charts/chart_scale.h"
#include "ui/charts/point_labels.h"

namespace bp::charts {
LayerGradientChart::LayerGradientChart(QWidget* parent) : ChartFrame(parent) {
    x_ = new QValueAxis;
    x_->setLabelFormat(QStringLiteral("%d"));
    y_ = decadeAxis();
    addAxis(x_, Qt::AlignBottom, tr("layer k (1 = nearest the input)"));
    addAxis(y_, Qt::AlignLeft, tr("‖∂L/∂zₖ‖ (log scale)"));
    line_ = lineSeries(QString(), style::kGradient);
    points_ = scatterSeries(QString(), style::kGradient, QScatterSeries::MarkerShapeCircle, 11);
    offScale_ = offScaleSeries(tr("off the chart"));
    addSeries({line_, points_, offScale_}, {points_, offScale_});
    showLegendOnTop();
    setLayers({}, QString());
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
            p.label = tr("%1 = %2 (off the log scale)").arg(l.name, chartNumber(l.size, 3));
        } else {
            line.append(at);
            points.append(at);
            // The first and the last layer always; every layer while they fit.
            if (n <= 10 || l.layer == 1 || l.layer == n) p.label = tr("%1: %2").arg(l.name, chartNumber(l.size, 3));
        }
        if (!p.label.isEmpty())
            labels.push_back({at, p.label, y.offScale ? QColor(0x4e, 0x34, 0x2e) : style::kGradient.darker(130), y.offScale});
        placed_.push_back(std::move(p));
    }
    plot({{line_, line}, {points_, points}, {offScale_, off}}, std::move(labels), line_);
}

}  // namespace bp::charts
