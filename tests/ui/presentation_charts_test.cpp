// SPDX-License-Identifier: GPL-3.0-or-later
// The charts of presentation mode: C (or a clicker's B) shows the σ′ chart, the vanishing-gradient
// chart and the loss curve in turn, each filling the screen, and comes back to the graph; Esc
// goes back to the graph first; Page Down still steps; O draws relu beside σ; at 1280x720 the
// axes' type is at least 14 px and inside the window. The chain-rule strip at 1280x720 shows a
// long sum whole and leaves the graph most of the screen.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTest>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>

#include "ui/charts/layer_gradient_chart.h"
#include "ui/charts/loss_curve_chart.h"
#include "ui/charts/sigmoid_chart.h"
#include "ui/document/graph_document.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/panels/sigmoid_chart_dock.h"
#include "ui/panels/training_dock.h"
#include "ui/panels/vanishing_demo_dock.h"
#include "ui/window/main_window.h"
#include "ui/window/presentation_charts.h"
#include "ui/window/presentation_mode.h"
#include "ui/window/window_layout.h"

namespace bp {
namespace {

using Screen = PresentationCharts::Screen;

struct CleanSettings {
    CleanSettings() { clear(); }
    ~CleanSettings() { clear(); }
    static void clear() {
        QSettings().remove(QStringLiteral("presentation"));
        forgetWindowLayout();
    }
};

// Presenting `example` on a 1280x720 (or `size`) screen, the window active so keys reach it.
void present(MainWindow& window, const QString& example, QSize size = QSize(1280, 720)) {
    window.openExample(example);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.presentationMode()->enter();
    window.setGeometry(QRect(QPoint(0, 0), size));
    QApplication::processEvents();
    QApplication::processEvents();
}

void press(MainWindow& window, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key(key), modifiers);
    QApplication::processEvents();
}

// The part of the window a widget covers, as a fraction of the window's area.
double shareOfWindow(const MainWindow& window, const QWidget* widget) {
    const QRect r(widget->mapTo(&window, QPoint(0, 0)), widget->size());
    const QRect inside = r & window.rect();
    return double(inside.width()) * inside.height() / (double(window.width()) * window.height());
}

bool inside(const QWidget* widget, const QWidget* ancestor) { return ancestor->isAncestorOf(widget); }

TEST(PresentationCharts, ChartKeysFillTheScreenInTurnAndComeBackToTheGraph) {
    CleanSettings clean;
    MainWindow window;
    present(window, QStringLiteral("deep-sigmoid"));
    PresentationCharts* charts = window.presentationMode()->charts();
    ASSERT_NE(charts, nullptr);
    EXPECT_EQ(charts->screen(), Screen::Graph);
    EXPECT_FALSE(charts->isVisible());

    press(window, Qt::Key_C);
    ASSERT_EQ(charts->screen(), Screen::Sigmoid);
    EXPECT_TRUE(charts->isVisible());
    EXPECT_GT(shareOfWindow(window, charts), 0.99);  // over the canvas, the steps and the chain rule
    charts::SigmoidChart* sigmoid = window.sigmoidChartDock()->chart();
    EXPECT_TRUE(inside(sigmoid, charts));
    EXPECT_TRUE(sigmoid->isVisible());
    EXPECT_GT(shareOfWindow(window, sigmoid), 0.5) << sigmoid->width() << "x" << sigmoid->height() << " summary "
                                                    << charts->height();
    EXPECT_TRUE(sigmoid->largeType());

    press(window, Qt::Key_C);
    ASSERT_EQ(charts->screen(), Screen::Vanishing);
    charts::LayerGradientChart* layers = window.vanishingDemoDock()->chart();
    EXPECT_TRUE(inside(layers, charts));
    EXPECT_TRUE(layers->isVisible());
    EXPECT_GT(shareOfWindow(window, layers), 0.5);
    EXPECT_EQ(layers->layers().size(), 8u);  // deep-sigmoid's eight layers, drawn on the wall
    EXPECT_FALSE(inside(sigmoid, charts));   // the σ′ chart went back to its dock
    EXPECT_TRUE(inside(sigmoid, window.sigmoidChartDock()));
    EXPECT_FALSE(sigmoid->largeType());

    press(window, Qt::Key_B);  // a clicker's B does what C does
    ASSERT_EQ(charts->screen(), Screen::Loss);
    charts::LossCurveChart* loss = window.trainingDock()->lossChart();
    EXPECT_TRUE(inside(loss, charts));
    EXPECT_TRUE(loss->isVisible());
    EXPECT_GT(shareOfWindow(window, loss), 0.7);

    press(window, Qt::Key_C);
    EXPECT_EQ(charts->screen(), Screen::Graph);
    EXPECT_FALSE(charts->isVisible());
    EXPECT_TRUE(inside(loss, window.trainingDock()));
    EXPECT_TRUE(inside(layers, window.vanishingDemoDock()));
    EXPECT_FALSE(loss->largeType());
    EXPECT_TRUE(window.presentationMode()->isActive());

    // Shift+C goes the other way; Esc comes back to the graph before it leaves presentation.
    press(window, Qt::Key_C, Qt::ShiftModifier);
    EXPECT_EQ(charts->screen(), Screen::Loss);
    press(window, Qt::Key_Escape);
    EXPECT_EQ(charts->screen(), Screen::Graph);
    EXPECT_TRUE(window.presentationMode()->isActive());
    press(window, Qt::Key_Escape);
    EXPECT_FALSE(window.presentationMode()->isActive());
    // Out of presentation the keys do nothing.
    press(window, Qt::Key_C);
    EXPECT_EQ(charts->screen(), Screen::Graph);
}

TEST(PresentationCharts, PageDownStillStepsWhileAChartIsShownAndLeavingGivesTheChartsBack) {
    CleanSettings clean;
    MainWindow window;
    present(window, QStringLiteral("mlp-1-2-2"));
    PresentationCharts* charts = window.presentationMode()->charts();
    press(window, Qt::Key_C);
    ASSERT_EQ(charts->screen(), Screen::Sigmoid);
    press(window, Qt::Key_Home);
    const int before = window.document()->cursor().position();
    press(window, Qt::Key_PageDown);
    EXPECT_EQ(window.document()->cursor().position(), before + 1);
    press(window, Qt::Key_PageUp);
    EXPECT_EQ(window.document()->cursor().position(), before);
    EXPECT_EQ(charts->screen(), Screen::Sigmoid);
    window.presentationMode()->leave();  // leaving from a chart
    EXPECT_EQ(charts->screen(), Screen::Graph);
    EXPECT_TRUE(inside(window.sigmoidChartDock()->chart(), window.sigmoidChartDock()));
    window.sigmoidChartDock()->show();
    QApplication::processEvents();
    EXPECT_TRUE(window.sigmoidChartDock()->chart()->isVisible());
}

QLineSeries* seriesNamed(const charts::SigmoidChart* chart, const QString& name) {
    for (QAbstractSeries* s : chart->chart()->series())
        if (s->name() == name) return qobject_cast<QLineSeries*>(s);
    return nullptr;
}

TEST(PresentationCharts, OTogglesReluBesideSigma) {
    CleanSettings clean;
    MainWindow window;
    present(window, QStringLiteral("mlp-1-2-2"));
    PresentationCharts* charts = window.presentationMode()->charts();
    charts::SigmoidChart* chart = window.sigmoidChartDock()->chart();
    QLineSeries* relu = seriesNamed(chart, QStringLiteral("relu(z)"));
    QLineSeries* slope = seriesNamed(chart, QStringLiteral("relu′(z)"));
    ASSERT_TRUE(relu && slope);
    EXPECT_FALSE(relu->isVisible());
    press(window, Qt::Key_O);  // from the graph: the σ′ chart, with relu
    EXPECT_EQ(charts->screen(), Screen::Sigmoid);
    EXPECT_TRUE(chart->reluShown());
    EXPECT_TRUE(relu->isVisible() && slope->isVisible());
    EXPECT_TRUE(window.sigmoidChartDock()->reluBox()->isChecked());
    // Drawn by the relu op: relu(z) = max(z, 0), relu′ = 1 for z > 0 and 0 for z < 0.
    ASSERT_EQ(relu->count(), chart->curveSampleCount());
    for (int i = 0; i < relu->count(); ++i) {
        const double z = relu->at(i).x();
        EXPECT_DOUBLE_EQ(relu->at(i).y(), std::max(z, 0.0));
        if (z > 0) {
            EXPECT_EQ(slope->at(i).y(), 1.0);
        } else if (z < 0) {
            EXPECT_EQ(slope->at(i).y(), 0.0);
        }
    }
    press(window, Qt::Key_O);
    EXPECT_FALSE(chart->reluShown());
    EXPECT_FALSE(relu->isVisible());
}

// Every axis of the chart shown: labels and title at 14 px or more, with room between the plot
// and the chart's edge for them, and the chart inside the window.
void expectReadableAxes(const MainWindow& window, const charts::ChartFrame* frame) {
    EXPECT_GE(frame->axisPixelSize(), 14);
    const QRect chartRect(frame->mapTo(&window, QPoint(0, 0)), frame->size());
    EXPECT_TRUE(window.rect().contains(chartRect)) << chartRect.x() << "," << chartRect.y() << " " << chartRect.width()
                                                    << "x" << chartRect.height();
    const QRectF plot = frame->chart()->plotArea();
    EXPECT_GT(plot.width(), 0.45 * window.width());
    EXPECT_GT(plot.height(), 0.45 * window.height());
    for (QAbstractAxis* axis : frame->chart()->axes()) {
        EXPECT_GE(axis->labelsFont().pixelSize(), 14);
        if (!axis->titleText().isEmpty()) {
            EXPECT_GE(axis->titleFont().pixelSize(), 14);
        }
        const QFontMetrics metrics(axis->labelsFont());
        if (axis->orientation() == Qt::Horizontal) {
            // Labels (and the title) under the plot, above the chart's bottom edge.
            EXPECT_GE(frame->height() - plot.bottom(), metrics.height() * (axis->titleText().isEmpty() ? 1 : 2));
        } else {
            EXPECT_GE(plot.left(), metrics.horizontalAdvance(QStringLiteral("0.00")));
        }
    }
}

TEST(PresentationCharts, AxesAreLargeAndInsideTheWindowAt1280x720And1920x1080) {
    for (QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        SCOPED_TRACE(size.width());
        CleanSettings clean;
        MainWindow window;
        present(window, QStringLiteral("deep-sigmoid"), size);
        ASSERT_EQ(window.size(), size);
        press(window, Qt::Key_C);
        expectReadableAxes(window, window.sigmoidChartDock()->chart());
        press(window, Qt::Key_C);
        expectReadableAxes(window, window.vanishingDemoDock()->chart());
        press(window, Qt::Key_C);
        expectReadableAxes(window, window.trainingDock()->lossChart());
    }
}

TEST(PresentationCharts, TheChainRuleStripShowsALongSumWholeInAThirdOfTheScreen) {
    for (const char* example : {"xor", "deep-sigmoid", "mlp-1-2-2"}) {
        SCOPED_TRACE(example);
        CleanSettings clean;
        MainWindow window;
        present(window, QString::fromLatin1(example));
        ChainRuleDock* chainRule = window.chainRuleDock();
        QAbstractScrollArea* scroll = chainRule->bodyArea();
        ASSERT_NE(scroll, nullptr);
        int longest = 0;
        press(window, Qt::Key_Home);
        ASSERT_EQ(window.document()->cursor().position(), 0);
        const int last = window.document()->cursor().last();
        for (int step = window.document()->cursor().position(); step < last; ++step) {
            press(window, Qt::Key_PageDown);
            ASSERT_EQ(window.document()->cursor().position(), step + 1);
            longest = std::max<int>(longest, chainRule->bodyText().size());
            EXPECT_LE(chainRule->height(), 0.31 * window.height());
            EXPECT_GE(chainRule->bodyPixelSize(), 14);
            // Nothing to scroll to: the sum is shown whole.
            EXPECT_EQ(scroll->verticalScrollBar()->maximum(), 0) << chainRule->bodyText().toStdString();
        }
        EXPECT_GT(longest, 0);
    }
}

}  // namespace
}  // namespace bp
