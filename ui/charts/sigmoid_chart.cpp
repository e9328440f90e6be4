// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chart_style.h"
#include "ui/charts/sigmoid_chart.h"

#include <QVBoxLayout>
#include <cmath>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include "core/text/number_format.h"
#include "ui/canvas/canvas_style.h"
#include "ui/charts/point_labels.h"

namespace bp::charts {
SigmoidChart::SigmoidChart(QWidget* parent) : ChartFrame(parent) {
    auto* x = new QValueAxis;
    x->setRange(kAxisZMin, kAxisZMax);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(2);
    x->setLabelFormat(QStringLiteral("%.0f"));
    auto* y = new QValueAxis;
    y->setRange(kAxisYMin, kYMax);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(0.25);
    y->setLabelFormat(QStringLiteral("%.2f"));
    chart_->addAxis(x, Qt::AlignBottom);
    chart_->addAxis(y, Qt::AlignLeft);
    sigma_ = new QLineSeries;
    sigma_->setName(tr("σ(z)"));
    sigma_->setPen(QPen(style::kValue, 3));
    slope_ = new QLineSeries;
    slope_->setName(tr("σ′(z) = σ(z)(1 − σ(z))"));
    slope_->setPen(QPen(style::kGradient, 3));
    maximum_ = scatterSeries(tr("max σ′"), style::kGradient, QScatterSeries::MarkerShapeStar, 18);
    points_ = scatterSeries(tr("sigmoid nodes"), QColor(0x2e, 0x7d, 0x32), QScatterSeries::MarkerShapeCircle, 14);
    highlighted_ = scatterSeries(tr("selected"), style::kActive, QScatterSeries::MarkerShapeCircle, 22);
    offScale_ = scatterSeries(tr("off the chart"), QColor(0x2e, 0x7d, 0x32), QScatterSeries::MarkerShapeTriangle, 16);
    addSeries({sigma_, slope_, maximum_, points_, offScale_, highlighted_}, {maximum_, highlighted_, offScale_});
    chart_->legend()->setAlignment(Qt::AlignTop);
    setLargeType(false);
}


void SigmoidChart::setLargeType(bool large) {
    const int px = large ? 22 : 14;
    for (QAbstractAxis* a : chart_->axes()) {
        auto* axis = static_cast<QValueAxis*>(a);
        styleAxis(axis, a->orientation() == Qt::Horizontal ? tr("z (the input of the sigmoid)") : QString(), px);
    }
    QFont legend = chart_->legend()->font();
    legend.setPixelSize(px + 1);
    chart_->legend()->setFont(legend);
    labels_->setPixelSize(large ? 24 : 15);
}

void SigmoidChart::setCurves(const std::vector<double>& z, const std::vector<double>& sigma,
                             const std::vector<double>& slope) {
    QList<QPointF> s, d;
    for (std::size_t i = 0; i < z.size() && i < sigma.size() && i < slope.size(); ++i) {
        s.append({z[i], sigma[i]});
        d.append({z[i], slope[i]});
    }
    sigma_->replace(s);
    slope_->replace(d);
    curveSamples_ = int(s.size());
}

void SigmoidChart::setMaximum(double z, double slope) {
    maximumAt_ = {z, slope};
    maximum_->replace(QList<QPointF>{maximumAt_});
    updateMarkers();
}

void SigmoidChart::setMarkers(std::vector<Marker> markers) {
    markers_ = std::move(markers);
    updateMarkers();
}

QString SigmoidChart::markerLabel(const Marker& marker, const AxisPlacement& x) {
    QString where = chartNumber(marker.z, 3);
    if (x.offScale && !std::isnan(marker.z)) where = x.position < 0 ? QStringLiteral("◀ ") + where : where + QStringLiteral(" ▶");
    return tr("%1: z = %2, σ′ = %3").arg(marker.name, where, chartNumber(marker.slope, 2));
}

void SigmoidChart::updateMarkers() {
    placed_.clear();
    QList<QPointF> normal, highlighted, off;
    std::vector<PointLabel> labels;
    labels.push_back({maximumAt_, tr("max σ′(0) = 1/4"), style::kGradient, false});
    int labelled = 0;
    for (const Marker& m : markers_) {
        AxisPlacement x = placeOnAxis(m.z, kZMin, kZMax);
        if (x.offScale) x.position = x.position <= kZMin ? kPinMin : kPinMax;
        const AxisPlacement y = placeOnAxis(m.slope, kYMin, kYMax);
        PlacedMarker p{m, x.position, y.position, x.offScale || y.offScale, {}};
        (m.highlighted ? highlighted : p.offScale ? off : normal).append({p.x, p.y});
        if (m.highlighted || labelled < kMaxLabels) {
            p.label = markerLabel(m, x);
            if (y.offScale) p.label += tr(" (σ′ off the chart)");
            labels.push_back({{p.x, p.y}, p.label, m.highlighted ? style::kActive.darker(150) : QColor(0x1b, 0x5e, 0x20),
                              m.highlighted});
            if (!m.highlighted) ++labelled;
        }
        placed_.push_back(std::move(p));
    }
    points_->replace(normal);
    highlighted_->replace(highlighted);
    offScale_->replace(off);
    labels_->set(std::move(labels), slope_);
}

}  // namespace bp::charts
