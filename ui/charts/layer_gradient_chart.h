// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The size of the gradient at each layer of a deep chain, on a log scale: layer k on the x axis,
// ‖∂L/∂z_k‖ on the y axis. A size the log axis cannot show (0, inf, nan) is pinned to its edge and
// labelled with its value. The caller gives the numbers; this is the one file that knows Qt Charts
// draws this chart.
#include <QString>
#include <vector>

#include "ui/charts/chart_frame.h"

namespace bp::charts {

class LayerGradientChart : public ChartFrame {
    Q_OBJECT
public:
    struct Layer {
        int layer = 0;   // k, from 1
        QString name;    // "z3"
        double size = 0; // ‖∂L/∂z_k‖
    };
    struct PlacedLayer {
        Layer layer;
        double y = 0;        // where it is drawn: the size, or the edge it is pinned to
        bool offScale = false;
        QString label;       // empty when not labelled
    };

    explicit LayerGradientChart(QWidget* parent = nullptr);

    // `series` names the line in the legend ("sigmoid, 10 layers").
    void setLayers(std::vector<Layer> layers, const QString& series);
    const std::vector<PlacedLayer>& layers() const { return placed_; }
    double yMin() const { return yMin_; }
    double yMax() const { return yMax_; }

private:
    QLineSeries* line_;
    QScatterSeries* points_;
    QScatterSeries* offScale_;
    QValueAxis* x_;
    QLogValueAxis* y_;
    std::vector<PlacedLayer> placed_;
    double yMin_ = 0.1;
    double yMax_ = 10;
};

}  // namespace bp::charts
