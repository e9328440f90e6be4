// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Presentation mode (View > Presentation mode, F5; Esc leaves): full screen, only the canvas,
// the step controls and the chain-rule panel, in large type and high contrast; the charts can
// fill the screen in turn (C). Leaving puts
// every dock, toolbar, the window's size and the canvas's node positions back as they were.
// The preferences (type size, whether the class predicts from the start) are kept between runs.
#include <QByteArray>
#include <QEvent>
#include <QObject>
#include <QPointF>
#include <vector>

class QAction;
class QMainWindow;
class QMenu;

namespace bp {

class ChainRuleDock;
class GraphScene;
class GraphView;
class PredictReveal;
class PresentationCharts;
class SigmoidChartDock;
class StepToolBar;
class TrainingDock;
class VanishingDemoDock;

struct PresentationPreferences {
    double typeScale = 1.5;       // canvas type, relative to the normal look
    bool predictOnEnter = false;  // "let the class predict" switched on when presenting
};
PresentationPreferences loadPresentationPreferences();
void savePresentationPreferences(const PresentationPreferences& preferences);

class PresentationMode : public QObject {
    Q_OBJECT
public:
    PresentationMode(QMainWindow* window, GraphScene* scene, GraphView* view, StepToolBar* steps,
                     ChainRuleDock* chainRule, PredictReveal* predict);

    QAction* toggleAction() const { return toggle_; }  // F5, checkable
    QAction* leaveAction() const { return leave_; }    // Esc, enabled while presenting
    // The charts that can fill the screen while presenting (C, B: the next; Shift+C: the one
    // before; O: relu beside σ; Esc: back to the graph). Page Down / Page Up keep stepping.
    void setCharts(SigmoidChartDock* sigmoid, VanishingDemoDock* vanishing, TrainingDock* training);
    PresentationCharts* charts() const { return charts_; }
    QAction* nextChartAction() const { return nextChart_; }
    QAction* previousChartAction() const { return previousChart_; }
    QAction* reluAction() const { return relu_; }
    // The preferences' entries (type size, predict from the start), for the View menu.
    void addPreferenceActions(QMenu* menu);

    bool isActive() const { return active_; }
    void enter();
    void leave();

    const PresentationPreferences& preferences() const { return prefs_; }
    void setTypeScale(double scale);
    void setPredictOnEnter(bool on);

    // The type sizes offered, as scale factors.
    static const std::vector<double>& typeScales();

signals:
    void activeChanged(bool active);

protected:
    // A new size of the screen (a window manager's full screen, a projector plugged in) sizes
    // the chain-rule panel's type and height again.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setActive(bool active);
    void applyCanvasLook();
    void sizeChainRule();

    QMainWindow* window_;
    GraphScene* scene_;
    GraphView* view_;
    StepToolBar* steps_;
    ChainRuleDock* chainRule_;
    PredictReveal* predict_;
    QAction* toggle_;
    QAction* leave_;
    QAction* nextChart_;
    QAction* previousChart_;
    QAction* relu_;
    PresentationCharts* charts_ = nullptr;
    PresentationPreferences prefs_;

    bool active_ = false;
    // What leaving restores.
    QByteArray geometry_;
    QByteArray state_;
    std::vector<QPointF> positions_;
    int sizedFor_ = -1;           // the window height the chain-rule panel was last sized for
    bool graphReplaced_ = false;  // another graph was opened meanwhile: its layout is new
    bool predictWasOn_ = false;
    bool menuBarWasVisible_ = true;
    bool statusBarWasVisible_ = true;
};

}  // namespace bp
