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
namespace {

QString number(double x, int significant) { return QString::fromStdString(formatNumber(x, significant)); }

QScatterSeries* scatter(const QString& name, const QColor& color, QScatterSeries::MarkerShape shape, double size) {
    auto* s = new QScatterSeries;
    s->setName(name);
    s->setColor(color);
    s->setBorderColor(color.darker(140));
    s->setMarkerShape(shape);
    s->setMarkerSize(size);
    return s;
}


}  // namespace

SigmoidChart::SigmoidChart(QWidget* parent) : QWidget(parent), chart_(new QChart) {
    styleChart(chart_);
    sigma_ = new QLineSeries;
    sigma_->setName(tr("σ(z)"));
    sigma_->setPen(QPen(style::kValue, 3));
    slope_ = new QLineSeries;
    slope_->setName(tr("σ′(z) = σ(z)(1 − σ(z))"));
    slope_->setPen(QPen(style::kGradient, 3));
    maximum_ = scatter(tr("max σ′"), style::kGradient, QScatterSeries::MarkerShapeStar, 18);
    points_ = scatter(tr("sigmoid nodes"), QColor(0x2e, 0x7d, 0x32), QScatterSeries::MarkerShapeCircle, 14);
    highlighted_ = scatter(tr("selected"), style::kActive, QScatterSeries::MarkerShapeCircle, 22);
    offScale_ = scatter(tr("off the chart"), QColor(0x2e, 0x7d, 0x32), QScatterSeries::MarkerShapeTriangle, 16);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{sigma_, slope_, maximum_, points_, offScale_, highlighted_})
        chart_->addSeries(s);

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
    for (QAbstractSeries* s : chart_->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart_->legend()->setAlignment(Qt::AlignTop);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{maximum_, highlighted_, offScale_})
        for (QLegendMarker* m : chart_->legend()->markers(s)) m->setVisible(false);

    labels_ = std::make_unique<PointLabels>(chart_);
    connect(chart_, &QChart::plotAreaChanged, this, [this] { labels_->relayout(); });

    view_ = new QChartView(chart_);
    view_->setRenderHint(QPainter::Antialiasing);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    setLargeType(false);
}

SigmoidChart::~SigmoidChart() { labels_.reset(); }

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
    QString where = number(marker.z, 3);
    if (x.offScale && !std::isnan(marker.z)) where = x.position < 0 ? QStringLiteral("◀ ") + where : where + QStringLiteral(" ▶");
    return tr("%1: z = %2, σ′ = %3").arg(marker.name, where, number(marker.slope, 2));
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
