// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/loss_curve_chart.h"

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
LossCurveChart::LossCurveChart(QWidget* parent) : ChartFrame(parent) {
    x_ = new QValueAxis;
    x_->setLabelFormat(QStringLiteral("%d"));
    linearY_ = new QValueAxis;
    linearY_->setLabelFormat(QStringLiteral("%.3g"));
    logY_ = decadeAxis();
    addAxis(x_, Qt::AlignBottom, tr("optimizer step"));
    addAxis(linearY_, Qt::AlignLeft, tr("loss"));
    addAxis(logY_, {}, tr("loss (log scale)"));  // swapped in by setLogScale
    line_ = lineSeries(tr("loss"), style::kRoot);
    offScale_ = offScaleSeries();
    addSeries({line_, offScale_});
    chart_->legend()->setVisible(false);
}

LossCurveChart::~LossCurveChart() {
    // The y axis not in the chart is ours to delete.
    delete (log_ ? static_cast<QAbstractAxis*>(linearY_) : logY_);
}

void LossCurveChart::setLogScale(bool logScale) {
    if (logScale == log_) return;
    QAbstractAxis* from = log_ ? static_cast<QAbstractAxis*>(logY_) : linearY_;
    QAbstractAxis* to = logScale ? static_cast<QAbstractAxis*>(logY_) : linearY_;
    line_->detachAxis(from);
    offScale_->detachAxis(from);
    chart_->removeAxis(from);  // the axis is kept (removeAxis does not delete it)
    chart_->addAxis(to, Qt::AlignLeft);
    line_->attachAxis(to);
    offScale_->attachAxis(to);
    log_ = logScale;
    rebuild();
}

void LossCurveChart::setLosses(const std::vector<double>& losses) {
    losses_ = losses;
    rebuild();
}

void LossCurveChart::rebuild() {
    const int n = int(losses_.size());
    x_->setRange(0, std::max(1, n - 1));
    x_->setTickCount(std::min(std::max(n, 2), 6));
    if (n > 6) x_->applyNiceNumbers();
    if (log_) {
        std::tie(yMin_, yMax_) = decadeRange(losses_);
        logY_->setRange(yMin_ * (1 - 1e-9), yMax_ * (1 + 1e-9));  // so both end decades get their label
    } else {
        // Round ticks (0, 0.05, 0.1, ...): the axis widens to them, and the placement follows it.
        const auto [low, high] = linearRange(losses_, 0.0, 0.0);
        linearY_->setRange(low, high);
        linearY_->setTickCount(6);
        linearY_->applyNiceNumbers();
        yMin_ = linearY_->min();
        yMax_ = linearY_->max();
    }
    placed_.clear();
    QList<QPointF> line, off;
    std::vector<PointLabel> labels;
    std::vector<int> offSteps;
    for (int step = 0; step < n; ++step) {
        const double v = losses_[step];
        const AxisPlacement y = log_ ? placeOnLogAxis(v, yMin_, yMax_) : placeOnAxis(v, yMin_, yMax_);
        placed_.push_back({step, v, y.position, y.offScale});
        (y.offScale ? off : line).append(QPointF(step, y.position));
        if (y.offScale) offSteps.push_back(step);
    }
    // The latest off-scale losses are labelled with their values; older ones counted in the last.
    const int shown = std::min<int>(int(offSteps.size()), kMaxOffScaleLabels);
    for (int i = int(offSteps.size()) - shown; i < int(offSteps.size()); ++i) {
        const PlacedLoss& p = placed_[offSteps[i]];
        QString text = tr("L%1 = %2").arg(p.step).arg(chartNumber(p.loss, 4));
        if (i == int(offSteps.size()) - 1 && offSteps.size() > std::size_t(shown))
            text += tr(" (+%1 more off the chart)").arg(offSteps.size() - shown);
        labels.push_back({{double(p.step), p.y}, text, QColor(0x4e, 0x34, 0x2e), true});
    }
    if (n > 1 && !placed_.front().offScale)
        labels.push_back({{0.0, placed_.front().y}, tr("L0 = %1").arg(chartNumber(placed_.front().loss, 4)), style::kRoot, false});
    if (n > 0 && !placed_.back().offScale) {
        const PlacedLoss& last = placed_.back();
        labels.push_back({{double(last.step), last.y}, tr("L%1 = %2").arg(last.step).arg(chartNumber(last.loss, 4)),
                          style::kRoot, false});
    }
    labelTexts_.clear();
    for (const PointLabel& l : labels) labelTexts_ << l.text;
    plot({{line_, line}, {offScale_, off}}, std::move(labels), line_);
}

}  // namespace bp::charts
