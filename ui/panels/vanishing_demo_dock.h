// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The vanishing-gradient demo: a deep chain (core/train/deep_chain) of the depth and activation
// the user picks, put on the canvas through the document, and the size of the gradient at each
// layer, ‖∂L/∂z_k‖, on a log scale. The sizes are read from the document's evaluation, so editing
// a weight on the canvas moves them too. A graph that is not a deep chain is never replaced by
// turning a knob: the dock offers a button instead.
#include <functional>

#include "ui/panels/chart_dock.h"

class QComboBox;
class QPushButton;
class QSpinBox;

namespace bp {

namespace charts {
class LayerGradientChart;
}

class VanishingDemoDock : public ChartDock {
    Q_OBJECT
public:
    explicit VanishingDemoDock(GraphDocument* document, QWidget* parent = nullptr);

    charts::LayerGradientChart* chart() const;
    QSpinBox* depthBox() const { return depth_; }
    QComboBox* activationBox() const { return activation_; }
    QPushButton* buildButton() const { return build_; }

    // Puts the chain of the chosen depth and activation on the canvas (a new program), once the
    // guard, if any, agrees.
    void buildChain();
    // Asked before the graph on the canvas is replaced (the window asks to save unsaved work);
    // false keeps the graph, and the knobs go back to what it is.
    void setReplaceGuard(std::function<bool()> guard) { guard_ = std::move(guard); }

signals:
    // A chain was put on the canvas; `name` ("deep chain: sigmoid, depth 10") is for the title.
    void chainBuilt(const QString& name);

private:
    void controlsChanged();
    void refresh() override;
    QSpinBox* depth_;
    QComboBox* activation_;
    QPushButton* build_;
    charts::LayerGradientChart* chart_;
    std::function<bool()> guard_;
    bool syncing_ = false;
};

}  // namespace bp
