// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sigmoid chart as a dock: σ and σ′ over z in [−8, 8] and a marker at the z of every entry of
// every sigmoid node of the document's graph, labelled "z2[0]", moving as the weights change. The
// selected sigmoid node's markers are highlighted. Every number comes from the engine: the curves
// from the sigmoid op of the op table, a marker's z from the evaluation's value of the node's
// input, its σ′ = y(1 − y) from the op's local derivative at the node's value y.
#include "ui/panels/chart_dock.h"

class QCheckBox;

namespace bp {

namespace charts {
class SigmoidChart;
}

class SigmoidChartDock : public ChartDock {
    Q_OBJECT
public:
    // More markers than this (an ONNX model) are not drawn one by one; the dock says so.
    static constexpr int kMaxMarkers = 2000;

    explicit SigmoidChartDock(GraphDocument* document, QWidget* parent = nullptr);
    charts::SigmoidChart* chart() const;
    // relu and relu′ drawn beside σ and σ′.
    QCheckBox* reluBox() const { return relu_; }

private:
    void refresh() override;
    charts::SigmoidChart* chart_;
    QCheckBox* relu_;
};

}  // namespace bp
