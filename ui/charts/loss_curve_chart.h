// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The loss curve of training: L0 (before the first update) ... LN, against the step, on a linear
// or a log scale. A loss the axis cannot show (nan, inf, or <= 0 on the log scale) is pinned to the
// edge and labelled with its value. The caller gives the numbers; this is the one file that knows
// Qt Charts draws this chart.
#include <QString>
#include <QStringList>
#include <vector>

#include "ui/charts/chart_frame.h"

namespace bp::charts {

class LossCurveChart : public ChartFrame {
    Q_OBJECT
public:
    // Only the most recent off-scale losses get a label each; the rest are counted in one.
    static constexpr int kMaxOffScaleLabels = 3;

    struct PlacedLoss {
        int step = 0;
        double loss = 0;
        double y = 0;  // where it is drawn
        bool offScale = false;
    };

    explicit LossCurveChart(QWidget* parent = nullptr);
    ~LossCurveChart() override;

    void setLosses(const std::vector<double>& losses);
    void setLogScale(bool logScale);
    bool logScale() const { return log_; }
    const std::vector<PlacedLoss>& points() const { return placed_; }
    QStringList labelTexts() const { return labelTexts_; }
    double yMin() const { return yMin_; }
    double yMax() const { return yMax_; }

private:
    void rebuild();
    std::vector<double> losses_;
    std::vector<PlacedLoss> placed_;
    QStringList labelTexts_;
    QLineSeries* line_;
    QScatterSeries* offScale_;
    QValueAxis* x_;
    QValueAxis* linearY_;
    QLogValueAxis* logY_;
    bool log_ = false;
    double yMin_ = 0;
    double yMax_ = 1;
};

}  // namespace bp::charts
