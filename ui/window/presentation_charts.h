// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The charts of presentation mode: the σ′(z) chart (relu beside it on demand), the
// vanishing-gradient chart and the loss curve, each filling the screen in large type over the
// canvas, the steps and the chain rule. The chart and its summary are the dock's own, lent to
// the screen while shown and given back (in the dock's type) when the graph comes back, so every
// number is the one the dock computes.
#include <QString>
#include <QWidget>

class QBoxLayout;
class QLabel;
class QMainWindow;
class QVBoxLayout;

namespace bp {

class ChartDock;
class SigmoidChartDock;
class TrainingDock;
class VanishingDemoDock;

class PresentationCharts : public QWidget {
    Q_OBJECT
public:
    // In the order C goes through them (after the graph comes the first chart).
    enum class Screen { Graph, Sigmoid, Vanishing, Loss };

    PresentationCharts(QMainWindow* window, SigmoidChartDock* sigmoid, VanishingDemoDock* vanishing, TrainingDock* training);

    Screen screen() const { return screen_; }
    void showScreen(Screen screen);
    void next();      // graph → σ′ → vanishing → loss → graph
    void previous();  // the other way round
    // relu and relu′ beside σ and σ′ (shows the σ′ chart if another screen is shown).
    void toggleRelu();
    // The widget filling the screen now (nullptr on the graph).
    QWidget* shownWidget() const { return lent_; }
    QString heading() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void giveBack();
    void lend(Screen screen);

    QMainWindow* window_;
    SigmoidChartDock* sigmoid_;
    VanishingDemoDock* vanishing_;
    TrainingDock* training_;
    QLabel* heading_;
    QVBoxLayout* layout_;
    Screen screen_ = Screen::Graph;
    // What is lent, and where it goes back: a chart dock's whole content, or the loss chart to
    // its place in the training dock's layout.
    QWidget* lent_ = nullptr;
    ChartDock* lentDock_ = nullptr;
    QBoxLayout* home_ = nullptr;
    int homeIndex_ = -1;
    int homeStretch_ = 0;
};

}  // namespace bp
