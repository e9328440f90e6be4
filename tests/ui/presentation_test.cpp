// SPDX-License-Identifier: GPL-3.0-or-later
// Presentation mode (only the canvas, the steps and the chain rule, large type, put back exactly
// when leaving), "let the class predict" (step → "?" → reveal → step), the window's default
// arrangement, and the settings kept between runs.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>

#include "ui/canvas/canvas_style.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/canvas/node_item.h"
#include "ui/document/graph_document.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/panels/inspector_dock.h"
#include "ui/panels/predict_dock.h"
#include "ui/panels/source_dock.h"
#include "ui/window/main_window.h"
#include "ui/window/predict_reveal.h"
#include "ui/window/presentation_mode.h"
#include "ui/window/step_toolbar.h"
#include "ui/window/window_layout.h"

namespace bp {
namespace {

// Which docks and bars show, by object name.
std::map<QString, bool> shown(const MainWindow& window) {
    std::map<QString, bool> visible;
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) visible[dock->objectName()] = dock->isVisible();
    for (QToolBar* bar : window.findChildren<QToolBar*>()) visible[bar->objectName()] = bar->isVisible();
    visible[QStringLiteral("menu bar")] = window.menuBar()->isVisible();
    visible[QStringLiteral("status bar")] = window.statusBar()->isVisible();
    return visible;
}

void showActive(MainWindow& window) {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
}

// Presentation preferences and window layout written by a test must not leak into the next.
struct CleanSettings {
    CleanSettings() { clear(); }
    ~CleanSettings() { clear(); }
    static void clear() {
        QSettings().remove(QStringLiteral("presentation"));
        forgetWindowLayout();
    }
};

TEST(Presentation, ShowsOnlyCanvasStepsAndChainRuleAndLeavingRestoresEverything) {
    CleanSettings clean;
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    showActive(window);
    window.sourceDock()->hide();  // a layout of the user's own, to be restored as it was
    window.predictDock()->raise();
    // A node moved by hand goes back where it was, though presentation lays the graph out anew.
    NodeItem* w2 = window.scene()->nodeItem(window.document()->graph().find("w2"));
    w2->setPos(w2->pos() + QPointF(-35, 60));
    const std::vector<QPointF> positions = window.scene()->nodePositions();
    const auto before = shown(window);
    const QRect geometry = window.geometry();

    PresentationMode* presentation = window.presentationMode();
    presentation->enter();
    EXPECT_TRUE(presentation->isActive());
    EXPECT_TRUE(window.isFullScreen());
    for (QDockWidget* dock : window.findChildren<QDockWidget*>())
        EXPECT_EQ(dock->isVisible(), dock == window.chainRuleDock()) << dock->objectName().toStdString();
    EXPECT_TRUE(window.stepToolBar()->isVisible());
    EXPECT_TRUE(window.view()->isVisible());
    EXPECT_FALSE(window.menuBar()->isVisible());
    EXPECT_FALSE(window.statusBar()->isVisible());
    // Large type: the canvas's fonts and nodes grow, and the chain rule's lines too.
    EXPECT_GT(style::canvasLook().typeScale, 1.2);
    EXPECT_TRUE(style::canvasLook().highContrast);
    EXPECT_GT(style::numberFont().pixelSize(), 20);
    QTest::qWait(200);  // the panel is sized again once the window is full screen
    // Four lines of arithmetic, but no more than 30% of the screen: the graph keeps the rest.
    EXPECT_GE(window.chainRuleDock()->height(),
              std::min(window.chainRuleDock()->heightForLines(4), int(0.3 * window.height())) - 2);
    EXPECT_LE(window.chainRuleDock()->height(), 0.31 * window.height());

    presentation->leave();
    EXPECT_FALSE(presentation->isActive());
    EXPECT_FALSE(window.isFullScreen());
    EXPECT_EQ(shown(window), before);
    EXPECT_EQ(window.size(), geometry.size());
    // The position may differ by the window frame, as the platform reports it.
    EXPECT_LE((window.geometry().topLeft() - geometry.topLeft()).manhattanLength(), 40);
    EXPECT_EQ(style::canvasLook().typeScale, 1.0);
    EXPECT_FALSE(style::canvasLook().highContrast);
    EXPECT_EQ(window.scene()->nodePositions(), positions);
    EXPECT_FALSE(window.presentationMode()->toggleAction()->isChecked());
}

TEST(Presentation, F5EntersEscLeavesAndTheClickerSteps) {
    CleanSettings clean;
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    showActive(window);
    QTest::keyClick(&window, Qt::Key_F5);
    ASSERT_TRUE(window.presentationMode()->isActive());
    GraphDocument* doc = window.document();
    QTest::keyClick(&window, Qt::Key_Home);
    EXPECT_EQ(doc->cursor().position(), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown);  // a clicker's "next"
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown);
    EXPECT_EQ(doc->cursor().position(), 2);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp);
    EXPECT_EQ(doc->cursor().position(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    EXPECT_FALSE(window.presentationMode()->isActive());
    EXPECT_TRUE(window.menuBar()->isVisible());
    // Outside presentation Esc does nothing to the window.
    QTest::keyClick(&window, Qt::Key_Escape);
    EXPECT_FALSE(window.presentationMode()->isActive());
}

TEST(Presentation, TheCanvasHasTheKeyboardAtStart) {
    CleanSettings clean;
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    showActive(window);
    EXPECT_EQ(QApplication::focusWidget(), window.view());
    GraphDocument* doc = window.document();
    doc->toStart();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    EXPECT_EQ(doc->cursor().position(), 2);
}

// chain-rule: a = 2, b = 1, c = a + b, d = b + 1, e = c * d. Forward step 1 computes c = 3.
TEST(PredictReveal, StepShowsQuestionMarkStepAgainRevealsThenSteps) {
    CleanSettings clean;
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    showActive(window);
    GraphDocument* doc = window.document();
    PredictReveal* predict = window.predictReveal();
    ChainRuleDock* chain = window.chainRuleDock();
    const NodeId c = doc->graph().find("c");
    doc->toStart();
    QTest::keyClick(&window, Qt::Key_H);
    ASSERT_TRUE(predict->isOn());
    EXPECT_FALSE(predict->isHiding());  // nothing computed yet at the start

    QTest::keyClick(&window, Qt::Key_Right);  // step: c is computed, shown as "?"
    EXPECT_EQ(doc->cursor().position(), 1);
    EXPECT_TRUE(predict->isHiding());
    EXPECT_TRUE(window.scene()->lookOf(c).hideNumbers);
    EXPECT_TRUE(chain->bodyText().contains(QStringLiteral("c = a + b = 2 + 1 = ?"))) << chain->bodyText().toStdString();
    EXPECT_FALSE(chain->bodyText().contains(QStringLiteral("= 3")));

    QTest::keyClick(&window, Qt::Key_Right);  // reveal, no step
    EXPECT_EQ(doc->cursor().position(), 1);
    EXPECT_FALSE(predict->isHiding());
    EXPECT_FALSE(window.scene()->hideNumbers());
    EXPECT_TRUE(chain->bodyText().contains(QStringLiteral("c = a + b = 2 + 1 = 3"))) << chain->bodyText().toStdString();

    QTest::keyClick(&window, Qt::Key_Space);  // step on
    EXPECT_EQ(doc->cursor().position(), 2);
    EXPECT_TRUE(predict->isHiding());
    QTest::keyClick(&window, Qt::Key_R);  // R reveals too
    EXPECT_EQ(doc->cursor().position(), 2);
    EXPECT_FALSE(predict->isHiding());

    QTest::keyClick(&window, Qt::Key_Right);
    EXPECT_TRUE(predict->isHiding());
    QTest::keyClick(&window, Qt::Key_Left);  // back: the class has seen that step
    EXPECT_EQ(doc->cursor().position(), 2);
    EXPECT_FALSE(predict->isHiding());

    QTest::keyClick(&window, Qt::Key_H);  // off: steps go straight on
    EXPECT_FALSE(predict->isOn());
    QTest::keyClick(&window, Qt::Key_Right);
    QTest::keyClick(&window, Qt::Key_Right);
    EXPECT_EQ(doc->cursor().position(), 4);
    EXPECT_FALSE(predict->isHiding());
}

// A clicker has only Page Down: at the last step, with the class predicting, it must reveal the
// last answer although there is no step left to take.
TEST(PredictReveal, PageDownRevealsTheLastStep) {
    CleanSettings clean;
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    showActive(window);
    GraphDocument* doc = window.document();
    PredictReveal* predict = window.predictReveal();
    doc->toStart();
    QTest::keyClick(&window, Qt::Key_H);  // on at the start: nothing hidden yet
    doc->setCursorPosition(doc->cursor().last() - 1);  // a jump hides nothing
    ASSERT_FALSE(predict->isHiding());
    QTest::keyClick(&window, Qt::Key_PageDown);  // onto the last step: its answer is hidden
    ASSERT_EQ(doc->cursor().position(), doc->cursor().last());
    ASSERT_TRUE(predict->isHiding());
    QTest::keyClick(&window, Qt::Key_PageDown);  // reveals
    EXPECT_FALSE(predict->isHiding());
    EXPECT_EQ(doc->cursor().position(), doc->cursor().last());
    EXPECT_FALSE(window.stepToolBar()->forwardAction()->isEnabled()) << "nothing left to reveal or step";
}

TEST(PredictReveal, BackwardStepHidesTheNewGradientButNotTheGivenNumbers) {
    CleanSettings clean;
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    GraphDocument* doc = window.document();
    const NodeId b = doc->graph().find("b");
    const auto& into = doc->cursor().eventsInto(b);
    ASSERT_EQ(into.size(), 2u);
    doc->setCursorPosition(doc->cursor().forwardCount() + into[1]);  // just before the second edge into b
    window.predictReveal()->setOn(true);
    doc->stepForward();
    ASSERT_TRUE(window.predictReveal()->isHiding());
    const QString body = window.chainRuleDock()->bodyText();
    EXPECT_TRUE(body.contains(QStringLiteral("= 3·1 + 2·1\n= ?"))) << body.toStdString();
    const NodeLook look = window.scene()->lookOf(b);
    EXPECT_TRUE(look.receivingGradient && look.hideNumbers);
    window.predictReveal()->reveal();
    EXPECT_TRUE(window.chainRuleDock()->bodyText().contains(QStringLiteral("= 3·1 + 2·1\n= 5")));
}

TEST(PredictReveal, ClickingStepWhileHiddenReveals) {
    CleanSettings clean;
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    showActive(window);
    GraphDocument* doc = window.document();
    doc->toStart();
    window.predictReveal()->setOn(true);
    auto* button = qobject_cast<QToolButton*>(window.stepToolBar()->widgetForAction(window.stepToolBar()->forwardAction()));
    ASSERT_NE(button, nullptr);
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(doc->cursor().position(), 1);
    EXPECT_TRUE(window.predictReveal()->isHiding());
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(doc->cursor().position(), 1);
    EXPECT_FALSE(window.predictReveal()->isHiding());
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(doc->cursor().position(), 2);
}

TEST(PredictReveal, PresentationCanStartWithTheClassPredicting) {
    CleanSettings clean;
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    window.presentationMode()->setPredictOnEnter(true);
    window.presentationMode()->enter();
    EXPECT_TRUE(window.predictReveal()->isOn());
    window.presentationMode()->leave();
    EXPECT_FALSE(window.predictReveal()->isOn());  // as it was before presenting
}

TEST(WindowLayout, DefaultSizeIsNinetyPercentOfTheScreenAtLeast1280x800) {
    EXPECT_EQ(defaultWindowGeometry(QRect(0, 0, 1600, 1000)), QRect(80, 50, 1440, 900));
    EXPECT_EQ(defaultWindowGeometry(QRect(0, 0, 1920, 1080)).size(), QSize(1728, 972));
    EXPECT_EQ(defaultWindowGeometry(QRect(0, 0, 1366, 768)).size(), QSize(1280, 768));  // never past the screen
    EXPECT_EQ(defaultWindowGeometry(QRect(1600, 0, 1280, 800)), QRect(1600, 0, 1280, 800));
}

TEST(WindowLayout, CanvasGetsMostRoomAndTheChainRuleRunsFullWidthUnderIt) {
    CleanSettings clean;
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    window.setGeometry(QRect(80, 50, 1440, 900));
    showActive(window);
    sizeDefaultDocks(window, {window.sourceDock(), window.inspectorDock(), window.chainRuleDock(),
                              window.chainRuleDock()->heightForLines(5)});
    QApplication::processEvents();
    EXPECT_EQ(window.dockWidgetArea(window.chainRuleDock()), Qt::BottomDockWidgetArea);
    EXPECT_TRUE(window.tabifiedDockWidgets(window.chainRuleDock()).contains(window.predictDock()));
    // The source beside the canvas, or on a small screen a tab under it.
    EXPECT_TRUE(window.dockWidgetArea(window.sourceDock()) == Qt::LeftDockWidgetArea ||
                window.tabifiedDockWidgets(window.chainRuleDock()).contains(window.sourceDock()));
    EXPECT_EQ(window.dockWidgetArea(window.inspectorDock()), Qt::RightDockWidgetArea);
    EXPECT_TRUE(window.chainRuleDock()->isVisible());
    // The inspector shows while a node is selected, and goes with the selection.
    EXPECT_FALSE(window.inspectorDock()->isVisible());
    window.document()->setSelectedNode(0);
    EXPECT_TRUE(window.inspectorDock()->isVisible());
    window.document()->setSelectedNode(-1);
    EXPECT_FALSE(window.inspectorDock()->isVisible());
    // Full width: under the side panels too.
    EXPECT_GE(window.chainRuleDock()->width(), window.width() - 20);
    // Five lines of arithmetic fit.
    // Four lines of arithmetic, but no more than 30% of the screen: the graph keeps the rest.
    EXPECT_GE(window.chainRuleDock()->height(),
              std::min(window.chainRuleDock()->heightForLines(4), int(0.3 * window.height())) - 2);
    EXPECT_LE(window.chainRuleDock()->height(), 0.31 * window.height());
    const QSize canvas = window.view()->size();
    EXPECT_GT(canvas.width(), window.sourceDock()->width());
    EXPECT_GT(canvas.width(), window.inspectorDock()->width());
    EXPECT_GT(canvas.height(), window.chainRuleDock()->height());
}

TEST(Settings, WindowLayoutAndPresentationPreferencesSurviveARestart) {
    CleanSettings clean;
    {
        MainWindow first;
        first.setGeometry(QRect(40, 30, 1300, 820));
        showActive(first);
        first.inspectorDock()->hide();
        first.predictDock()->raise();
        saveWindowLayout(first);
        first.presentationMode()->setTypeScale(1.75);
        first.presentationMode()->setPredictOnEnter(true);
    }
    MainWindow second;
    ASSERT_TRUE(restoreWindowLayout(second));
    showActive(second);
    EXPECT_FALSE(second.inspectorDock()->isVisible());
    EXPECT_TRUE(second.predictDock()->isVisible());
    EXPECT_EQ(second.size(), QSize(1300, 820));
    EXPECT_EQ(second.presentationMode()->preferences().typeScale, 1.75);
    EXPECT_TRUE(second.presentationMode()->preferences().predictOnEnter);
    second.presentationMode()->enter();
    EXPECT_EQ(style::canvasLook().typeScale, 1.75);
    EXPECT_TRUE(second.predictReveal()->isOn());
    second.presentationMode()->leave();

    forgetWindowLayout();
    MainWindow third;
    EXPECT_FALSE(restoreWindowLayout(third));
}

TEST(Settings, NonsenseTypeScaleFallsBackToTheDefault) {
    CleanSettings clean;
    QSettings().setValue(QStringLiteral("presentation/typeScale"), QStringLiteral("huge"));
    EXPECT_EQ(loadPresentationPreferences().typeScale, PresentationPreferences{}.typeScale);
    QSettings().setValue(QStringLiteral("presentation/typeScale"), 40.0);
    EXPECT_EQ(loadPresentationPreferences().typeScale, PresentationPreferences{}.typeScale);
}

}  // namespace
}  // namespace bp
