// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/window/presentation_mode.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QResizeEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <algorithm>
#include <cmath>

#include "ui/canvas/canvas_style.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/canvas/value_editor.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/window/predict_reveal.h"
#include "ui/window/presentation_charts.h"
#include "ui/window/step_toolbar.h"

namespace bp {
namespace {

const QString kTypeScaleKey = QStringLiteral("presentation/typeScale");
const QString kPredictKey = QStringLiteral("presentation/predictOnEnter");
constexpr double kNormalFitZoom = 1.6;
constexpr double kPresentationFitZoom = 3.0;  // a three-node graph may fill the wall
// The least size of a node's numbers on the screen, in pixels: a lecture hall's back row reads
// 14 px on a 1280x720 projector; the window, on a desk, 11 px.
constexpr double kPresentationNumberPixels = 14;
constexpr double kWindowNumberPixels = 11;
constexpr int kChainRuleLines = 4;            // the sum, its numbers, the total, and room
constexpr double kChainRuleShare = 0.3;       // of the screen's height, at the most: the graph needs the rest

}  // namespace

PresentationPreferences loadPresentationPreferences() {
    QSettings settings;
    PresentationPreferences p;
    const double scale = settings.value(kTypeScaleKey, p.typeScale).toDouble();
    if (std::isfinite(scale) && scale >= 1.0 && scale <= 3.0) p.typeScale = scale;
    p.predictOnEnter = settings.value(kPredictKey, p.predictOnEnter).toBool();
    return p;
}

void savePresentationPreferences(const PresentationPreferences& p) {
    QSettings settings;
    settings.setValue(kTypeScaleKey, p.typeScale);
    settings.setValue(kPredictKey, p.predictOnEnter);
}

const std::vector<double>& PresentationMode::typeScales() {
    static const std::vector<double> scales{1.25, 1.5, 1.75, 2.0};
    return scales;
}

PresentationMode::PresentationMode(QMainWindow* window, GraphScene* scene, GraphView* view, StepToolBar* steps,
                                   ChainRuleDock* chainRule, PredictReveal* predict)
    : QObject(window), window_(window), scene_(scene), view_(view), steps_(steps), chainRule_(chainRule),
      predict_(predict), prefs_(loadPresentationPreferences()) {
    toggle_ = new QAction(tr("&Presentation mode"), this);
    toggle_->setCheckable(true);
    toggle_->setShortcut(Qt::Key_F5);
    toggle_->setToolTip(tr("Full screen, large type: the canvas, the steps and the chain rule (F5; Esc leaves). "
                           "C (or a clicker's B) shows the charts in turn, O draws relu beside σ."));
    leave_ = new QAction(tr("Leave presentation mode"), this);
    leave_->setShortcut(Qt::Key_Escape);
    leave_->setEnabled(false);
    connect(toggle_, &QAction::toggled, this, &PresentationMode::setActive);
    connect(leave_, &QAction::triggered, this, [this] {
        // Esc first closes a value being typed on the canvas.
        if (scene_->valueEditor()->isOpen()) return scene_->valueEditor()->cancel();
        // And a chart filling the screen goes back to the graph.
        if (charts_ && charts_->screen() != PresentationCharts::Screen::Graph)
            return charts_->showScreen(PresentationCharts::Screen::Graph);
        leave();
    });
    nextChart_ = new QAction(tr("Presentation: the next chart (σ′, vanishing gradients, loss, graph)"), this);
    nextChart_->setShortcuts({QKeySequence(Qt::Key_C), QKeySequence(Qt::Key_B)});
    previousChart_ = new QAction(tr("Presentation: the chart before"), this);
    previousChart_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_C));
    relu_ = new QAction(tr("Presentation: relu beside σ on the σ′ chart"), this);
    relu_->setShortcut(Qt::Key_O);
    for (QAction* a : {nextChart_, previousChart_, relu_}) a->setEnabled(false);
    connect(scene_->document(), &GraphDocument::programReplaced, this, [this] { graphReplaced_ = true; });
    // The shortcuts work with the menu bar hidden.
    window_->addAction(toggle_);
    window_->addAction(leave_);
    for (QAction* a : {nextChart_, previousChart_, relu_}) window_->addAction(a);
    window_->installEventFilter(this);
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event) {
    if (active_ && watched == window_ && event->type() == QEvent::Resize) {
        const int height = static_cast<QResizeEvent*>(event)->size().height();
        if (height != sizedFor_) {
            sizedFor_ = height;
            QTimer::singleShot(0, this, [this] {
                if (active_) sizeChainRule();
            });
        }
    }
    return QObject::eventFilter(watched, event);
}

void PresentationMode::setCharts(SigmoidChartDock* sigmoid, VanishingDemoDock* vanishing, TrainingDock* training) {
    charts_ = new PresentationCharts(window_, sigmoid, vanishing, training);
    connect(nextChart_, &QAction::triggered, charts_, &PresentationCharts::next);
    connect(previousChart_, &QAction::triggered, charts_, &PresentationCharts::previous);
    connect(relu_, &QAction::triggered, charts_, &PresentationCharts::toggleRelu);
}

void PresentationMode::addPreferenceActions(QMenu* menu) {
    QMenu* sizes = menu->addMenu(tr("Presentation &type size"));
    auto* group = new QActionGroup(sizes);
    for (double scale : typeScales()) {
        QAction* a = sizes->addAction(tr("%1%").arg(std::lround(scale * 100)));
        a->setCheckable(true);
        a->setToolTip(tr("The type size of presentation mode: %1% of the window's").arg(std::lround(scale * 100)));
        a->setChecked(std::abs(scale - prefs_.typeScale) < 1e-9);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, scale] { setTypeScale(scale); });
    }
    QAction* predict = menu->addAction(tr("Presentations start with the class &predicting"));
    predict->setCheckable(true);
    predict->setToolTip(tr("F5 also switches on “Let the class predict”"));
    predict->setChecked(prefs_.predictOnEnter);
    connect(predict, &QAction::toggled, this, &PresentationMode::setPredictOnEnter);
}

void PresentationMode::setTypeScale(double scale) {
    prefs_.typeScale = scale;
    savePresentationPreferences(prefs_);
    if (!active_) return;
    applyCanvasLook();
    sizeChainRule();
}

void PresentationMode::setPredictOnEnter(bool on) {
    prefs_.predictOnEnter = on;
    savePresentationPreferences(prefs_);
}

void PresentationMode::setActive(bool active) {
    if (active) enter();
    else leave();
}

void PresentationMode::applyCanvasLook() {
    style::setCanvasLook(active_ ? style::CanvasLook{prefs_.typeScale, true} : style::CanvasLook{});
    scene_->restyle();
    // No scroll bars on the wall (dragging still pans).
    const Qt::ScrollBarPolicy bars = active_ ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded;
    view_->setHorizontalScrollBarPolicy(bars);
    view_->setVerticalScrollBarPolicy(bars);
    view_->setMinNumberPixels(active_ ? kPresentationNumberPixels : kWindowNumberPixels);
    view_->setMaxFitZoom(active_ ? kPresentationFitZoom : kNormalFitZoom);
}

// Type for the screen's height; tall enough for the title and four lines of arithmetic, but not
// more than 30% of the screen (a longer sum takes smaller type, see ChainRuleDock).
void PresentationMode::sizeChainRule() {
    chainRule_->setLargeType(true, window_->height());
    const int most = int(window_->height() * kChainRuleShare);
    window_->resizeDocks({chainRule_}, {std::min(most, chainRule_->heightForLines(kChainRuleLines))}, Qt::Vertical);
}

void PresentationMode::enter() {
    if (active_) return;
    geometry_ = window_->saveGeometry();
    state_ = window_->saveState();
    positions_ = scene_->nodePositions();
    graphReplaced_ = false;
    sizedFor_ = -1;
    menuBarWasVisible_ = !window_->menuBar()->isHidden();
    statusBarWasVisible_ = !window_->statusBar()->isHidden();
    active_ = true;

    // Only the canvas, the step controls and the chain rule.
    for (QDockWidget* dock : window_->findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
        if (dock != chainRule_) dock->hide();
    for (QToolBar* bar : window_->findChildren<QToolBar*>(Qt::FindDirectChildrenOnly))
        if (bar != steps_) bar->hide();
    if (chainRule_->isFloating()) chainRule_->setFloating(false);
    if (window_->dockWidgetArea(chainRule_) != Qt::BottomDockWidgetArea)
        window_->addDockWidget(Qt::BottomDockWidgetArea, chainRule_);
    chainRule_->show();
    steps_->show();
    window_->menuBar()->hide();
    window_->statusBar()->hide();

    chainRule_->setLargeType(true, window_->height());
    steps_->setLargeType(true);
    applyCanvasLook();
    predictWasOn_ = predict_->isOn();
    if (prefs_.predictOnEnter && !predictWasOn_) predict_->setOn(true);

    window_->showFullScreen();
    sizeChainRule();
    // A window manager makes the window full screen a moment later: size the panel again then.
    QTimer::singleShot(150, this, [this] {
        if (active_) sizeChainRule();
    });
    view_->setFocus();
    leave_->setEnabled(true);
    for (QAction* a : {nextChart_, previousChart_, relu_}) a->setEnabled(charts_ != nullptr);
    if (!toggle_->isChecked()) toggle_->setChecked(true);
    emit activeChanged(true);
}

void PresentationMode::leave() {
    if (!active_) return;
    active_ = false;
    leave_->setEnabled(false);
    for (QAction* a : {nextChart_, previousChart_, relu_}) a->setEnabled(false);
    if (charts_) charts_->showScreen(PresentationCharts::Screen::Graph);
    if (prefs_.predictOnEnter && !predictWasOn_) predict_->setOn(false);

    chainRule_->setLargeType(false);
    steps_->setLargeType(false);
    applyCanvasLook();
    // Hand-placed nodes go back where they were (unless another graph was opened meanwhile).
    if (!graphReplaced_) scene_->setNodePositions(positions_);
    view_->fitGraph();

    window_->menuBar()->setVisible(menuBarWasVisible_);
    window_->statusBar()->setVisible(statusBarWasVisible_);
    window_->showNormal();
    window_->restoreGeometry(geometry_);
    window_->restoreState(state_);
    view_->setFocus();
    if (toggle_->isChecked()) toggle_->setChecked(false);
    emit activeChanged(false);
}

}  // namespace bp
