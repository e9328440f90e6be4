// SPDX-License-Identifier: GPL-3.0-or-later
// The sigmoid chart and the vanishing-gradient demo: their markers and points sit at the numbers
// the engine computes (before and after an edit through the document), and values a chart cannot
// show (a sigmoid of 800, a log of 0, a dead gradient) are pinned to its edge with their value.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>
#include <cmath>
#include <limits>

#include "../core/test_support.h"
#include "core/language/parser.h"
#include "core/train/deep_chain.h"
#include "ui/charts/layer_gradient_chart.h"
#include "ui/charts/loss_curve_chart.h"
#include "ui/charts/sigmoid_chart.h"
#include "ui/document/graph_document.h"
#include "ui/panels/inspector_dock.h"
#include "ui/panels/sigmoid_chart_dock.h"
#include "ui/panels/training_dock.h"
#include "ui/panels/vanishing_demo_dock.h"
#include "ui/window/main_window.h"

namespace bp {
namespace {

using charts::LayerGradientChart;
using charts::LossCurveChart;
using charts::SigmoidChart;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void load(GraphDocument& doc, const std::string& source, const std::string& name = "test.bpg") {
    doc.setProgram(parseProgram(source, name), QString::fromStdString(source));
}

void loadExample(GraphDocument& doc, const std::string& name) {
    load(doc, test::readFile(test::examplePath(name)), name + ".bpg");
}

const SigmoidChart::PlacedMarker* findMarker(const SigmoidChart& chart, const QString& name) {
    for (const auto& m : chart.markers())
        if (m.marker.name == name) return &m;
    return nullptr;
}

// Every marker of `sigmoid` (a node name) against the engine: z is the value of its input, σ′ is
// y(1 − y) with y the sigmoid node's value.
void expectMarkersAtEngineValues(const GraphDocument& doc, const SigmoidChart& chart, const std::string& sigmoid,
                                 const QString& zName) {
    const NodeId y = doc.graph().find(sigmoid);
    ASSERT_GE(y, 0);
    const Matrix& z = doc.evaluation().values[doc.graph().node(y).inputs[0]];
    const Matrix& out = doc.evaluation().values[y];
    for (Eigen::Index i = 0; i < z.size(); ++i) {
        const QString name = z.size() == 1 ? zName : QStringLiteral("%1[%2]").arg(zName).arg(i);
        const auto* m = findMarker(chart, name);
        ASSERT_NE(m, nullptr) << name.toStdString();
        EXPECT_EQ(m->marker.z, z(i)) << name.toStdString();
        EXPECT_DOUBLE_EQ(m->marker.slope, out(i) * (1 - out(i))) << name.toStdString();
        const bool inside = z(i) >= SigmoidChart::kZMin && z(i) <= SigmoidChart::kZMax;
        EXPECT_EQ(m->offScale, !inside) << name.toStdString();
        EXPECT_EQ(m->x, inside ? z(i) : z(i) > 0 ? SigmoidChart::kPinMax : SigmoidChart::kPinMin);
        EXPECT_EQ(m->y, m->marker.slope);
    }
}

TEST(SigmoidChart, MarkersOfMlp122SitAtTheEngineValues) {
    GraphDocument doc;
    loadExample(doc, "mlp-1-2-2");
    SigmoidChartDock dock(&doc);
    const SigmoidChart& chart = *dock.chart();
    ASSERT_EQ(chart.markers().size(), 4u);
    expectMarkersAtEngineValues(doc, chart, "y1", QStringLiteral("z1"));
    expectMarkersAtEngineValues(doc, chart, "y2", QStringLiteral("z2"));

    // What the lecture points at: z2 = (5.72, 8.94), where σ′ is 0.0033 and 0.00013.
    const auto* z20 = findMarker(chart, QStringLiteral("z2[0]"));
    const auto* z21 = findMarker(chart, QStringLiteral("z2[1]"));
    ASSERT_TRUE(z20 && z21);
    EXPECT_NEAR(z20->marker.z, 5.72, 0.005);
    EXPECT_NEAR(z21->marker.z, 8.94, 0.005);
    EXPECT_NEAR(z20->marker.slope, 0.0033, 0.00005);
    EXPECT_NEAR(z21->marker.slope, 0.00013, 0.000005);
    EXPECT_FALSE(z20->offScale);
    // 8.94 is past the right end of [−8, 8]: pinned there, its value written beside it.
    EXPECT_TRUE(z21->offScale);
    EXPECT_EQ(z21->x, SigmoidChart::kPinMax);
    EXPECT_TRUE(z21->label.contains(QStringLiteral("8.94"))) << z21->label.toStdString();
    EXPECT_TRUE(z20->label.contains(QStringLiteral("0.0033"))) << z20->label.toStdString();
    EXPECT_TRUE(dock.summaryText().contains(QStringLiteral("the gradient is tiny")));
}

TEST(SigmoidChart, MarkersFollowAnEditThroughTheDocumentAndItsUndo) {
    GraphDocument doc;
    loadExample(doc, "mlp-1-2-2");
    SigmoidChartDock dock(&doc);
    const double z20Before = findMarker(*dock.chart(), QStringLiteral("z2[0]"))->marker.z;
    const NodeId w2 = doc.graph().find("w2");
    Matrix w(2, 2);
    w << 0.5, -1, 2, 0.25;
    doc.editLeafValue(w2, w);
    // z2 = w2 · y1 with y1 = σ(1, 2) = (0.731, 0.881): the markers moved to the new values.
    const auto* z20 = findMarker(*dock.chart(), QStringLiteral("z2[0]"));
    ASSERT_NE(z20, nullptr);
    EXPECT_NEAR(z20->marker.z, 0.5 * 0.7310585786 - 0.8807970780, 1e-9);
    expectMarkersAtEngineValues(doc, *dock.chart(), "y2", QStringLiteral("z2"));
    expectMarkersAtEngineValues(doc, *dock.chart(), "y1", QStringLiteral("z1"));
    doc.undoStack()->undo();
    EXPECT_EQ(findMarker(*dock.chart(), QStringLiteral("z2[0]"))->marker.z, z20Before);
    expectMarkersAtEngineValues(doc, *dock.chart(), "y2", QStringLiteral("z2"));
}

TEST(SigmoidChart, SelectingASigmoidNodeHighlightsItsMarkers) {
    GraphDocument doc;
    loadExample(doc, "mlp-1-2-2");
    SigmoidChartDock dock(&doc);
    auto highlighted = [&] {
        QStringList names;
        for (const auto& m : dock.chart()->markers())
            if (m.marker.highlighted) names << m.marker.name;
        return names.join(QLatin1Char(' ')).toStdString();
    };
    EXPECT_EQ(highlighted(), "");
    doc.setSelectedNode(doc.graph().find("y2"));
    EXPECT_EQ(highlighted(), "z2[0] z2[1]");
    doc.setSelectedNode(doc.graph().find("z1"));  // its input selects it too
    EXPECT_EQ(highlighted(), "z1[0] z1[1]");
    doc.setSelectedNode(doc.graph().find("loss"));
    EXPECT_EQ(highlighted(), "");
}

TEST(SigmoidChart, CurvesAndMaximumComeFromTheSigmoidOp) {
    GraphDocument doc;
    SigmoidChartDock dock(&doc);
    EXPECT_GT(dock.chart()->curveSampleCount(), 300);
    EXPECT_TRUE(dock.chart()->markers().empty());
    EXPECT_TRUE(dock.summaryText().contains(QStringLiteral("no sigmoid")));
}

TEST(SigmoidChart, NonFiniteAndFarValuesArePinnedWithTheirValue) {
    GraphDocument doc;
    // A sigmoid of 800, of log(0) = −inf, and of log(−1) = nan. The anonymous inputs are named
    // after their sigmoid node.
    load(doc, "input a = 800\ninput b = 0\ninput c = -1\n"
              "p = sigmoid(a)\nq = sigmoid(log(b))\nr = sigmoid(log(c))\nloss = sum(p) + sum(q) + sum(r)\n");
    SigmoidChartDock dock(&doc);
    const SigmoidChart& chart = *dock.chart();
    ASSERT_EQ(chart.markers().size(), 3u);
    const auto* p = findMarker(chart, QStringLiteral("a"));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->marker.z, 800);
    EXPECT_EQ(p->marker.slope, 0);
    EXPECT_TRUE(p->offScale);
    EXPECT_EQ(p->x, SigmoidChart::kPinMax);
    EXPECT_TRUE(p->label.contains(QStringLiteral("z = 800"))) << p->label.toStdString();

    const auto* q = findMarker(chart, QStringLiteral("z of q"));
    ASSERT_NE(q, nullptr);
    EXPECT_TRUE(std::isinf(q->marker.z) && q->marker.z < 0);
    EXPECT_TRUE(q->offScale);
    EXPECT_EQ(q->x, SigmoidChart::kPinMin);
    EXPECT_TRUE(q->label.contains(QStringLiteral("-inf"))) << q->label.toStdString();

    const auto* r = findMarker(chart, QStringLiteral("z of r"));
    ASSERT_NE(r, nullptr);
    EXPECT_TRUE(std::isnan(r->marker.z));
    EXPECT_TRUE(r->offScale);
    EXPECT_TRUE(std::isfinite(r->x) && std::isfinite(r->y));
    EXPECT_TRUE(r->label.contains(QStringLiteral("nan"))) << r->label.toStdString();
}

TEST(SigmoidChart, AMatrixGivesOneMarkerPerEntryAndLabelsAreCapped) {
    GraphDocument doc;
    load(doc, "input X = [[-3, -2, -1, 0], [1, 2, 3, 4], [5, 6, 7, 9]]\nloss = sum(sigmoid(X))\n");
    SigmoidChartDock dock(&doc);
    const auto& markers = dock.chart()->markers();
    ASSERT_EQ(markers.size(), 12u);
    EXPECT_NE(findMarker(*dock.chart(), QStringLiteral("X[2,3]")), nullptr);
    EXPECT_EQ(findMarker(*dock.chart(), QStringLiteral("X[1,2]"))->marker.z, 3);
    int labelled = 0;
    for (const auto& m : markers) labelled += !m.label.isEmpty();
    EXPECT_EQ(labelled, SigmoidChart::kMaxLabels);
}

// ---- the vanishing-gradient demo

std::vector<double> engineLayerSizes(const GraphDocument& doc) {
    std::vector<double> sizes;
    for (int k = 1;; ++k) {
        const NodeId z = doc.graph().find("z" + std::to_string(k));
        if (z < 0) break;
        sizes.push_back(doc.evaluation().grads[z].norm());
    }
    return sizes;
}

void expectChartIsEngine(const GraphDocument& doc, const VanishingDemoDock& dock) {
    const auto sizes = engineLayerSizes(doc);
    const auto& layers = dock.chart()->layers();
    ASSERT_EQ(layers.size(), sizes.size());
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        EXPECT_EQ(layers[k].layer.layer, int(k + 1));
        EXPECT_EQ(layers[k].layer.name, QStringLiteral("z%1").arg(k + 1));
        EXPECT_EQ(layers[k].layer.size, sizes[k]) << "layer " << k + 1;
    }
}

TEST(VanishingDemo, DepthTenSigmoidOnTheCanvasAndItsLayerGradients) {
    GraphDocument doc;
    loadExample(doc, "mlp-1-2-2");
    VanishingDemoDock dock(&doc);
    // Not a deep chain: turning a knob leaves the lecturer's graph alone.
    dock.depthBox()->setValue(10);
    dock.activationBox()->setCurrentIndex(dock.activationBox()->findData(QStringLiteral("sigmoid")));
    EXPECT_NE(doc.graph().find("w2"), -1);
    EXPECT_EQ(doc.graph().find("z10"), -1);
    EXPECT_TRUE(dock.buildButton()->isVisibleTo(&dock));
    EXPECT_TRUE(dock.chart()->layers().empty());

    dock.buildButton()->click();
    const auto shape = recognizeDeepChain(doc.program());
    ASSERT_TRUE(shape);
    EXPECT_EQ(shape->depth, 10);
    EXPECT_EQ(shape->activation, "sigmoid");
    EXPECT_FALSE(dock.buildButton()->isVisibleTo(&dock));
    EXPECT_TRUE(doc.sourceText().contains(QStringLiteral("h10 = sigmoid(z10)")));
    expectChartIsEngine(doc, dock);
    const auto& layers = dock.chart()->layers();
    for (std::size_t k = 0; k + 1 < layers.size(); ++k) {
        EXPECT_GE(layers[k + 1].layer.size / layers[k].layer.size, 4.0);
        EXPECT_FALSE(layers[k].offScale);
        EXPECT_EQ(layers[k].y, layers[k].layer.size);
    }
    EXPECT_LE(dock.chart()->yMin(), layers.front().layer.size);
    EXPECT_GE(dock.chart()->yMax(), layers.back().layer.size);
    EXPECT_TRUE(dock.summaryText().contains(QStringLiteral("per layer")));
}

TEST(VanishingDemo, KnobsRebuildAChainAndTheChartFollows) {
    GraphDocument doc;
    VanishingDemoDock dock(&doc);
    dock.buildChain();  // depth 10, sigmoid
    dock.activationBox()->setCurrentIndex(dock.activationBox()->findData(QStringLiteral("relu")));
    ASSERT_EQ(recognizeDeepChain(doc.program())->activation, "relu");
    expectChartIsEngine(doc, dock);
    for (const auto& l : dock.chart()->layers()) EXPECT_EQ(l.layer.size, 1.0);  // relu′ = 1: unchanged

    dock.activationBox()->setCurrentIndex(dock.activationBox()->findData(QStringLiteral("tanh")));
    dock.depthBox()->setValue(30);
    ASSERT_EQ(recognizeDeepChain(doc.program())->depth, 30);
    EXPECT_EQ(recognizeDeepChain(doc.program())->activation, "tanh");
    expectChartIsEngine(doc, dock);
    // tanh shrinks too, but far less than 4x a layer.
    const auto& layers = dock.chart()->layers();
    EXPECT_LT(layers.front().layer.size, layers.back().layer.size);
    EXPECT_LT(layers.back().layer.size / layers[28].layer.size, 2.0);
}

TEST(VanishingDemo, FollowsTheShippedExampleAndWeightEdits) {
    GraphDocument doc;
    VanishingDemoDock dock(&doc);
    loadExample(doc, "deep-sigmoid");
    EXPECT_EQ(dock.depthBox()->value(), 8);
    EXPECT_EQ(dock.activationBox()->currentData().toString(), QStringLiteral("sigmoid"));
    expectChartIsEngine(doc, dock);
    doc.editLeafValue(doc.graph().find("w5"), Matrix::Constant(1, 1, 6.0));
    expectChartIsEngine(doc, dock);
    EXPECT_EQ(doc.graph().node(doc.graph().find("w5")).leafValue()(0, 0), 6.0);  // the knobs did not rebuild
}

TEST(VanishingDemo, ADeadReluGradientIsPinnedToTheBottomWithItsValue) {
    GraphDocument doc;
    VanishingDemoDock dock(&doc);
    dock.depthBox()->setValue(6);
    dock.activationBox()->setCurrentIndex(dock.activationBox()->findData(QStringLiteral("relu")));
    dock.buildChain();
    // w3 = −1 and b = 0.1: z3 < 0, so relu passes nothing back to z3, z2, z1.
    doc.applyLeafValues({{doc.graph().find("w3"), Matrix::Constant(1, 1, -1.0)},
                         {doc.graph().find("b"), Matrix::Constant(1, 1, 0.1)}});
    expectChartIsEngine(doc, dock);
    const auto& layers = dock.chart()->layers();
    for (int k = 0; k < 3; ++k) {
        EXPECT_EQ(layers[k].layer.size, 0.0);
        EXPECT_TRUE(layers[k].offScale);
        EXPECT_EQ(layers[k].y, dock.chart()->yMin());
        EXPECT_TRUE(layers[k].label.contains(QStringLiteral("= 0"))) << layers[k].label.toStdString();
    }
    for (int k = 3; k < 6; ++k) EXPECT_FALSE(layers[k].offScale);
}

TEST(VanishingDemo, AsksBeforeReplacingTheGraphAndNamesTheChain) {
    GraphDocument doc;
    loadExample(doc, "deep-sigmoid");
    VanishingDemoDock dock(&doc);
    bool allow = false;
    int asked = 0;
    dock.setReplaceGuard([&] {
        ++asked;
        return allow;
    });
    QStringList names;
    QObject::connect(&dock, &VanishingDemoDock::chainBuilt, [&](const QString& name) { names << name; });
    // Declined (Cancel in "Save changes?"): the graph stays, and so do the knobs.
    dock.depthBox()->setValue(12);
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(recognizeDeepChain(doc.program())->depth, 8);
    EXPECT_EQ(dock.depthBox()->value(), 8);
    EXPECT_TRUE(names.isEmpty());
    allow = true;
    dock.depthBox()->setValue(12);
    EXPECT_EQ(recognizeDeepChain(doc.program())->depth, 12);
    EXPECT_EQ(names, QStringList{QStringLiteral("deep chain: sigmoid, depth 12")});
}

TEST(LayerGradientChart, InfinityAndNanArePinnedNotDropped) {
    LayerGradientChart chart;
    chart.setLayers({{1, "z1", kInf}, {2, "z2", kNaN}, {3, "z3", 1e-3}, {4, "z4", 0.5}}, "test");
    const auto& l = chart.layers();
    ASSERT_EQ(l.size(), 4u);
    EXPECT_TRUE(l[0].offScale);
    EXPECT_EQ(l[0].y, chart.yMax());
    EXPECT_TRUE(l[0].label.contains(QStringLiteral("inf")));
    EXPECT_TRUE(l[1].offScale);
    EXPECT_EQ(l[1].y, chart.yMin());
    EXPECT_TRUE(l[1].label.contains(QStringLiteral("nan")));
    EXPECT_FALSE(l[2].offScale);
    EXPECT_FALSE(l[3].offScale);
    EXPECT_DOUBLE_EQ(chart.yMin(), 1e-4);  // 1e-3 is a decade edge: one more decade below
    EXPECT_DOUBLE_EQ(chart.yMax(), 1.0);
}

TEST(LossCurveChart, LogOfZeroAndNonFiniteLossesArePinnedWithTheirValue) {
    LossCurveChart chart;
    chart.setLosses({0.5, 0.25, 0.0, -kInf, kNaN});
    // Linear: 0 is on the chart; −inf and nan are not.
    ASSERT_EQ(chart.points().size(), 5u);
    EXPECT_FALSE(chart.points()[2].offScale);
    EXPECT_TRUE(chart.points()[3].offScale);
    EXPECT_TRUE(chart.points()[4].offScale);
    chart.setLogScale(true);
    EXPECT_TRUE(chart.logScale());
    EXPECT_FALSE(chart.points()[0].offScale);
    EXPECT_TRUE(chart.points()[2].offScale);  // log 0
    EXPECT_EQ(chart.points()[2].y, chart.yMin());
    EXPECT_TRUE(chart.points()[3].offScale);
    const QString labels = chart.labelTexts().join(QLatin1Char('|'));
    EXPECT_TRUE(labels.contains(QStringLiteral("L2 = 0"))) << labels.toStdString();
    EXPECT_TRUE(labels.contains(QStringLiteral("L3 = -inf"))) << labels.toStdString();
    EXPECT_TRUE(labels.contains(QStringLiteral("L4 = nan"))) << labels.toStdString();
    chart.setLogScale(false);
    EXPECT_FALSE(chart.points()[2].offScale);
    chart.setLosses({});
    EXPECT_TRUE(chart.points().empty());
}

TEST(MainWindowCharts, TheThreeDocksAreTabsOfTheRightAreaAndInTheViewMenu) {
    MainWindow window;
    ASSERT_TRUE(window.sigmoidChartDock() && window.vanishingDemoDock() && window.trainingDock());
    // Hidden at the start (the canvas has the room), they open as tabs beside the inspector.
    for (QDockWidget* dock : std::initializer_list<QDockWidget*>{window.inspectorDock(), window.sigmoidChartDock(),
                                                                 window.vanishingDemoDock(), window.trainingDock()}) {
        EXPECT_TRUE(dock->isHidden());
        dock->show();
    }
    const QList<QDockWidget*> tabs = window.tabifiedDockWidgets(window.inspectorDock());
    EXPECT_TRUE(tabs.contains(window.sigmoidChartDock()));
    EXPECT_TRUE(tabs.contains(window.vanishingDemoDock()));
    EXPECT_TRUE(tabs.contains(window.trainingDock()));
    EXPECT_EQ(window.dockWidgetArea(window.trainingDock()), Qt::RightDockWidgetArea);
    QStringList viewActions;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction* a : menu->menu()->actions()) viewActions << a->text();
    EXPECT_TRUE(viewActions.contains(QStringLiteral("Sigmoid chart")));
    EXPECT_TRUE(viewActions.contains(QStringLiteral("Vanishing gradients")));
    EXPECT_TRUE(viewActions.contains(QStringLiteral("Training")));
}

}  // namespace
}  // namespace bp
