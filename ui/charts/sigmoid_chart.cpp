// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/sigmoid_chart.h"

#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>

#include "ui/canvas/canvas_style.h"
#include "ui/charts/point_labels.h"

namespace bp::charts {
namespace {

// The points (z, y) of a curve, as many as both have.
QList<QPointF> curve(const std::vector<double>& z, const std::vector<double>& y) {
    QList<QPointF> points;
    for (std::size_t i = 0; i < z.size() && i < y.size(); ++i) points.append({z[i], y[i]});
    return points;
}

}  // namespace

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
    addAxis(x, Qt::AlignBottom, tr("z (the input of the sigmoid)"));
    addAxis(y, Qt::AlignLeft);
    sigma_ = lineSeries(tr("σ(z)"), style::kValue);
    slope_ = lineSeries(tr("σ′(z) = σ(z)(1 − σ(z))"), style::kGradient);
    relu_ = lineSeries(tr("relu(z)"), style::kValue.darker(160), 3, Qt::DashLine);
    reluSlope_ = lineSeries(tr("relu′(z)"), style::kGradient.darker(160), 3, Qt::DashLine);
    maximum_ = scatterSeries(tr("max σ′"), style::kGradient, QScatterSeries::MarkerShapeStar, 18);
    points_ = scatterSeries(tr("sigmoid nodes"), QColor(0x2e, 0x7d, 0x32), QScatterSeries::MarkerShapeCircle, 14);
    highlighted_ = scatterSeries(tr("selected"), style::kActive, QScatterSeries::MarkerShapeCircle, 22);
    offScale_ = scatterSeries(tr("off the chart"), QColor(0x2e, 0x7d, 0x32), QScatterSeries::MarkerShapeTriangle, 16);
    addSeries({sigma_, slope_, relu_, reluSlope_, maximum_, points_, offScale_, highlighted_},
              {maximum_, highlighted_, offScale_});
    setReluShown(false);
    showLegendOnTop();
}

void SigmoidChart::setReluCurves(const std::vector<double>& z, const std::vector<double>& relu,
                                 const std::vector<double>& slope) {
    relu_->replace(curve(z, relu));
    reluSlope_->replace(curve(z, slope));
}

int SigmoidChart::reluSampleCount() const { return int(relu_->count()); }

void SigmoidChart::setReluShown(bool shown) {
    reluShown_ = shown;
    relu_->setVisible(shown);
    reluSlope_->setVisible(shown);
}

void SigmoidChart::setCurves(const std::vector<double>& z, const std::vector<double>& sigma,
                             const std::vector<double>& slope) {
    sigma_->replace(curve(z, sigma));
    slope_->replace(curve(z, slope));
    curveSamples_ = int(std::min({z.size(), sigma.size(), slope.size()}));
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
    plot({{points_, normal}, {highlighted_, highlighted}, {offScale_, off}}, std::move(labels), slope_);
}

}  // namespace bp::charts
