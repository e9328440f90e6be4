// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas and stepping: one item per node and edge, the shown numbers follow the trace exactly,
// the cursor clamps, one signal per step, and the chain-rule panel writes the sum.
#include <gtest/gtest.h>

#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include "core/language/parser.h"
#include "ui/canvas/edge_item.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/canvas/node_item.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/panels/inspector_dock.h"
#include "ui/window/main_window.h"
#include "ui/window/step_toolbar.h"

namespace bp {
namespace {

Program example(const std::string& name) { return parseProgram(findExample(name)->source, name + ".bpg"); }

TEST(Canvas, OneItemPerNodeAndPerEdge) {
    for (const char* name : {"chain-rule", "mlp-1-2-2", "vjp", "deep-sigmoid", "xor"}) {
        GraphDocument doc;
        doc.setProgram(example(name), {});
        GraphScene scene(&doc);
        EXPECT_EQ(scene.nodeItemCount(), doc.graph().size()) << name;
        EXPECT_EQ(int(scene.edgeItems().size()), doc.graph().edgeCount()) << name;
        int nodes = 0, copies = 0, edges = 0;
        for (QGraphicsItem* item : scene.items()) {
            const auto* node = dynamic_cast<NodeItem*>(item);
            nodes += node && !node->isCopy();
            copies += node && node->isCopy();
            edges += dynamic_cast<EdgeItem*>(item) != nullptr;
        }
        EXPECT_EQ(nodes, doc.graph().size()) << name;
        EXPECT_EQ(copies, int(scene.copyItems().size())) << name;
        EXPECT_EQ(edges, doc.graph().edgeCount()) << name;
    }
}

// deep-sigmoid's b feeds all eight layers: it is drawn beside each use (a copy by z2 .. z8, whose
// edges start at the copy), and a click on a copy selects b itself.
TEST(Canvas, SharedLeafIsDrawnBesideEachUseAndACopySelectsTheNode) {
    MainWindow window;
    window.openExample(QStringLiteral("deep-sigmoid"));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    GraphScene* scene = window.scene();
    const Graph& g = window.document()->graph();
    const NodeId b = g.find("b");
    ASSERT_EQ(scene->copyItems().size(), 7u);
    for (const NodeItem* copy : scene->copyItems()) {
        EXPECT_EQ(copy->nodeId(), b);
        EXPECT_FALSE(copy->flags() & QGraphicsItem::ItemIsMovable);
    }
    int fromCopies = 0;
    for (const EdgeItem* e : scene->edgeItems()) {
        if (g.node(e->consumer()).inputs[e->slot()] != b) continue;
        const NodeItem* from = e->source();
        ASSERT_NE(from, nullptr);
        fromCopies += from->isCopy();
        // beside its use: the edge from b (or its copy) to its z is short
        const QPointF d = scene->nodeItem(e->consumer())->pos() - from->pos();
        EXPECT_LT(std::abs(d.x()), 400) << g.node(e->consumer()).name();
        EXPECT_LT(std::abs(d.y()), 400) << g.node(e->consumer()).name();
    }
    EXPECT_EQ(fromCopies, 7);
    // The graph's box holds the copies.
    for (const NodeItem* copy : scene->copyItems()) EXPECT_TRUE(scene->graphRect().contains(copy->sceneBoundingRect()));
    window.document()->setSelectedNode(g.find("x"));
    NodeItem* copy = scene->copyItems().back();
    window.view()->ensureVisible(copy);
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {}, window.view()->mapFromScene(copy->scenePos()));
    EXPECT_EQ(window.document()->selectedNode(), b);
    EXPECT_TRUE(scene->nodeItem(b)->isSelected());
    EXPECT_FALSE(copy->isSelected());
}

TEST(Canvas, NodesDoNotOverlap) {
    GraphDocument doc;
    doc.setProgram(example("xor"), {});
    GraphScene scene(&doc);
    for (int a = 0; a < doc.graph().size(); ++a)
        for (int b = a + 1; b < doc.graph().size(); ++b) {
            const QRectF ra = scene.nodeItem(a)->sceneBoundingRect().adjusted(4, 4, -4, -4);
            const QRectF rb = scene.nodeItem(b)->sceneBoundingRect().adjusted(4, 4, -4, -4);
            EXPECT_FALSE(ra.intersects(rb)) << a << " and " << b;
        }
}

TEST(Stepping, ShownGradientsAndHighlightFollowTheTrace) {
    GraphDocument doc;
    doc.setProgram(example("mlp-1-2-2"), {});
    GraphScene scene(&doc);
    doc.toStart();
    const Evaluation& e = doc.evaluation();
    const int forward = int(e.trace.forward.size());
    for (int k = 1; k <= forward; ++k) {
        doc.stepForward();
        const NodeId active = e.trace.forward[k - 1];
        EXPECT_TRUE(scene.lookOf(active).activeForward);
        EXPECT_TRUE(scene.lookOf(active).value.has_value());
        if (k < forward) {
            EXPECT_FALSE(scene.lookOf(e.trace.forward[k]).value.has_value());
        }
        EXPECT_FALSE(scene.lookOf(active).grad.has_value());
    }
    // Backward: the gradient shown at every node equals the sum of the contributions so far.
    std::vector<Matrix> sums(doc.graph().size());
    for (int k = 0; k < int(e.trace.backward.size()); ++k) {
        doc.stepForward();
        const BackwardEvent& ev = e.trace.backward[k];
        const Matrix contribution = e.contribution(ev);
        sums[ev.to] = sums[ev.to].size() ? Matrix(sums[ev.to] + contribution) : contribution;
        EXPECT_TRUE(scene.lookOf(ev.to).receivingGradient);
        EXPECT_TRUE(scene.lookOf(ev.from).passingGradient);
        for (NodeId id = 0; id < doc.graph().size(); ++id) {
            const ShownMatrix shown = scene.lookOf(id).grad;
            if (id == doc.root()) {
                ASSERT_TRUE(shown.has_value());
                EXPECT_EQ((*shown)(0, 0), 1.0);
            } else if (sums[id].size() == 0) {
                EXPECT_FALSE(shown.has_value()) << "node " << id << " at event " << k;
            } else {
                ASSERT_TRUE(shown.has_value());
                EXPECT_TRUE(shown->isApprox(sums[id], 1e-15)) << "node " << id << " at event " << k;
            }
        }
    }
}

TEST(Stepping, CursorClampsAndEmitsOneSignalPerStep) {
    GraphDocument doc;
    doc.setProgram(example("chain-rule"), {});
    QSignalSpy spy(&doc, &GraphDocument::cursorChanged);
    doc.toEnd();
    EXPECT_EQ(spy.count(), 0);  // already at the end after opening
    doc.stepForward();
    EXPECT_EQ(spy.count(), 0);  // clamped: no change, no signal
    doc.stepBack();
    EXPECT_EQ(spy.count(), 1);
    doc.toStart();
    EXPECT_EQ(spy.count(), 2);
    doc.stepBack();
    EXPECT_EQ(spy.count(), 2);
    EXPECT_EQ(doc.cursor().position(), 0);
    for (int i = 1; i <= 5; ++i) {
        doc.stepForward();
        EXPECT_EQ(spy.count(), 2 + i);
    }
}

TEST(Stepping, ChainRulePanelWritesTheSumForB) {
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    GraphDocument* doc = window.document();
    const NodeId b = doc->graph().find("b");
    const auto& into = doc->cursor().eventsInto(b);
    ASSERT_EQ(into.size(), 2u);
    doc->setCursorPosition(doc->cursor().forwardCount() + into[0] + 1);
    EXPECT_DOUBLE_EQ((*window.scene()->lookOf(b).grad)(0, 0), 3.0);
    EXPECT_TRUE(window.chainRuleDock()->bodyText().contains(QStringLiteral("= 3·1 + …")));
    doc->setCursorPosition(doc->cursor().forwardCount() + into[1] + 1);
    EXPECT_DOUBLE_EQ((*window.scene()->lookOf(b).grad)(0, 0), 5.0);
    EXPECT_TRUE(window.chainRuleDock()->bodyText().contains(QStringLiteral("= 3·1 + 2·1\n= 5")))
        << window.chainRuleDock()->bodyText().toStdString();
    EXPECT_TRUE(window.stepToolBar()->counterText().startsWith(QStringLiteral("Backward")));
}

// mlp-1-2-2's matrices written out with their numbers; a click on an entry of the result shows
// that entry's own chain.
TEST(Stepping, ChainRulePanelWritesMatricesOutAndDrillsIntoAnEntry) {
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    GraphDocument* doc = window.document();
    ChainRuleDock* dock = window.chainRuleDock();
    doc->setCursorPosition(3);  // forward 3: z2 = w2 @ y1
    EXPECT_TRUE(dock->bodyText().startsWith(
        QStringLiteral("z2 = w2 @ y1 = [3·0.7311 + 4·0.8808, 5·0.7311 + 6·0.8808] = [5.716, 8.94]")))
        << dock->bodyText().toStdString();
    const auto& into = doc->cursor().eventsInto(doc->graph().find("w2"));
    ASSERT_EQ(into.size(), 1u);
    doc->setCursorPosition(doc->cursor().forwardCount() + into[0] + 1);
    dock->drillInto(0, 1);
    EXPECT_TRUE(dock->bodyText().contains(
        QStringLiteral("∂loss/∂w2[1, 2] = ∂loss/∂z2[1]·y1[2] = -1.073e-05 × 0.8808 = -9.45e-06")))
        << dock->bodyText().toStdString();
    doc->stepForward();  // another step: the drill-down closes
    EXPECT_FALSE(dock->drilled() && dock->bodyText().contains(QStringLiteral("∂loss/∂w2[1, 2]")));
}

// Down to one entry from the canvas: a click on an entry of y1's gradient writes its own chain in
// the panel, and the entries of the operands that took part are marked on their nodes.
TEST(Stepping, ClickOnAGradientEntryOnTheCanvasShowsItsOwnChain) {
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    GraphDocument* doc = window.document();
    GraphScene* scene = window.scene();
    const Graph& g = doc->graph();
    const NodeId y1 = g.find("y1"), w2 = g.find("w2"), z2 = g.find("z2");
    doc->toEnd();
    NodeItem* item = scene->nodeItem(y1);
    window.view()->ensureVisible(item);
    const QPointF local = nodepaint::gradCellRect(g.node(y1), {1, 0}).center();
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {}, window.view()->mapFromScene(item->mapToScene(local)));
    ASSERT_TRUE(doc->hasEntryFocus());
    EXPECT_EQ(doc->entryFocus(), (GraphDocument::EntryFocus{y1, 1, 0}));
    const QString body = window.chainRuleDock()->bodyText();
    EXPECT_TRUE(body.contains(QStringLiteral("One entry of the gradient of y1, its own chain:"))) << body.toStdString();
    EXPECT_TRUE(body.contains(QStringLiteral("along z2 → y1: ∂loss/∂y1[2] = w2[1, 2]·∂loss/∂z2[1] + w2[2, 2]·∂loss/∂z2[2] = "
                                             "4 × (-1.073e-05) + 6 × 0.000131 = 0.000743")))
        << body.toStdString();
    using Marks = std::vector<std::pair<int, int>>;
    EXPECT_EQ(scene->lookOf(w2).markedValues, (Marks{{0, 1}, {1, 1}}));
    EXPECT_EQ(scene->lookOf(z2).markedGrads, (Marks{{0, 0}, {1, 0}}));
    EXPECT_EQ(scene->lookOf(y1).markedGrads, (Marks{{1, 0}}));
    EXPECT_TRUE(scene->lookOf(g.find("x")).markedValues.empty());
    // A second click on the same entry closes it; a step clears it and its marks.
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {}, window.view()->mapFromScene(item->mapToScene(local)));
    EXPECT_FALSE(doc->hasEntryFocus());
    doc->toggleEntryFocus(y1, 1, 0);
    doc->stepBack();
    EXPECT_FALSE(doc->hasEntryFocus());
    EXPECT_TRUE(scene->lookOf(w2).markedValues.empty());
    EXPECT_FALSE(window.chainRuleDock()->bodyText().contains(QStringLiteral("One entry of the gradient")));
}

// Down to one entry from the Inspector: a click on an entry of the gradient table; b of the
// chain rule sums two edges, and the panel says so with the numbers.
TEST(Stepping, ClickOnAGradientEntryInTheInspectorShowsItsOwnChain) {
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    GraphDocument* doc = window.document();
    doc->toEnd();
    doc->setSelectedNode(doc->graph().find("b"));
    QTableWidget* grads = window.inspectorDock()->gradientTable();
    ASSERT_EQ(grads->rowCount(), 1);
    QTest::mouseClick(grads->viewport(), Qt::LeftButton, {}, grads->visualItemRect(grads->item(0, 0)).center());
    EXPECT_EQ(doc->entryFocus(), (GraphDocument::EntryFocus{doc->graph().find("b"), 0, 0}));
    const QString body = window.chainRuleDock()->bodyText();
    EXPECT_TRUE(body.contains(QStringLiteral("along d → b: ∂e/∂b += ∂e/∂d·∂d/∂b = 3 × 1 = 3\n"
                                             "along c → b: ∂e/∂b += ∂e/∂c·∂c/∂b = 2 × 1 = 2\n∂e/∂b = 3 + 2 = 5")))
        << body.toStdString();
    EXPECT_EQ(window.scene()->lookOf(doc->graph().find("d")).markedGrads, (std::vector<std::pair<int, int>>{{0, 0}}));
    // The panel's own drill-down (an entry of the step's result) replaces it.
    window.chainRuleDock()->drillInto(0, 0);
    EXPECT_FALSE(doc->hasEntryFocus());
}

// After "Backward again" the gradients hold two passes: the step into w1 and one entry's own chain
// both say what was there before and what this pass added.
TEST(Stepping, AfterBackwardAgainThePanelSaysWhatWasThereAndWhatWasAdded) {
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    GraphDocument* doc = window.document();
    const NodeId w1 = doc->graph().find("w1");
    doc->backwardAgain();
    ASSERT_EQ(doc->backwardPasses(), 2);
    doc->setCursorPosition(doc->cursor().forwardCount() + doc->cursor().eventsInto(w1).at(0) + 1);
    QString body = window.chainRuleDock()->bodyText();
    EXPECT_TRUE(body.contains(QStringLiteral("∂loss/∂w1 = [0.0001224, 7.801e-05] + [0.0001224, 7.801e-05] = "
                                             "[0.0002449, 0.000156]")))
        << body.toStdString();
    EXPECT_TRUE(body.contains(QStringLiteral("([0.0001224, 7.801e-05] held from the previous backward pass)")));
    doc->toggleEntryFocus(w1, 1, 0);
    body = window.chainRuleDock()->bodyText();
    EXPECT_TRUE(body.contains(QStringLiteral("∂loss/∂w1[2] = 7.801e-05   (7.801e-05 held from the previous backward pass)\n"
                                             "along z1 → w1: ∂loss/∂w1[2] += ∂loss/∂z1[2]·x = 7.801e-05 × 1 = 7.801e-05\n"
                                             "∂loss/∂w1[2] = 7.801e-05 + 7.801e-05 = 0.000156")))
        << body.toStdString();
}

TEST(Stepping, KeysMoveTheCursor) {
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    GraphDocument* doc = window.document();
    QTest::keyClick(&window, Qt::Key_Home);
    EXPECT_EQ(doc->cursor().position(), 0);
    QTest::keyClick(&window, Qt::Key_Right);
    QTest::keyClick(&window, Qt::Key_Space);
    EXPECT_EQ(doc->cursor().position(), 2);
    QTest::keyClick(&window, Qt::Key_Left);
    EXPECT_EQ(doc->cursor().position(), 1);
    QTest::keyClick(&window, Qt::Key_End);
    EXPECT_EQ(doc->cursor().position(), doc->cursor().last());
    QTest::keyClick(&window, Qt::Key_Backspace);
    EXPECT_EQ(doc->cursor().position(), doc->cursor().last() - 1);
}

// At the last step Right has nothing to do: the canvas must not scroll instead (it did: the view
// took the key its disabled action left over).
TEST(Stepping, StepKeysNeverScrollTheCanvas) {
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    window.resize(900, 700);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    GraphView* view = window.view();
    view->setTransform(QTransform::fromScale(2.5, 2.5));  // the scene larger than the view
    view->centerOn(window.scene()->graphRect().center());
    view->setFocus();
    const QPointF center = view->mapToScene(view->viewport()->rect().center());
    QTest::keyClick(view, Qt::Key_End);
    for (Qt::Key key : {Qt::Key_Right, Qt::Key_Space, Qt::Key_PageDown, Qt::Key_End}) QTest::keyClick(view, key);
    EXPECT_EQ(window.document()->cursor().position(), window.document()->cursor().last());
    EXPECT_EQ(view->mapToScene(view->viewport()->rect().center()), center);
    QTest::keyClick(view, Qt::Key_Home);
    for (Qt::Key key : {Qt::Key_Left, Qt::Key_Backspace, Qt::Key_PageUp, Qt::Key_Home}) QTest::keyClick(view, key);
    EXPECT_EQ(window.document()->cursor().position(), 0);
    EXPECT_EQ(view->mapToScene(view->viewport()->rect().center()), center);
}

// Two pixels alike to the eye: every channel within 2 of 255. A plain edge is stroked as short
// lines by the raster engine's line rasterizer, which rounds a pixel cut by the border of the part
// repainted one step differently (an antialiased rim's 0x7d against 0x7c); anything left stale
// from an earlier step differs by far more.
bool alike(QRgb a, QRgb b) {
    return std::abs(qRed(a) - qRed(b)) <= 2 && std::abs(qGreen(a) - qGreen(b)) <= 2 && std::abs(qBlue(a) - qBlue(b)) <= 2;
}

// A step repaints only the items it changed (issue 8); what the window shows must still be what a
// full repaint would show, at every step: the backing store against a new view's render.
TEST(Stepping, PartialRepaintsLeaveNothingStale) {
    GraphDocument doc;
    doc.setProgram(example("mlp-1-2-2"), {});
    GraphScene scene(&doc);
    GraphView view(&scene);
    view.resize(1000, 700);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.fitGraph();
    QScreen* screen = view.screen();
    // Every step in order, then jumps (Home, End, the slider) across many gradients at once.
    std::vector<int> positions;
    for (int position = 0; position <= doc.cursor().last(); ++position) positions.push_back(position);
    const int last = doc.cursor().last(), forward = doc.cursor().forwardCount();
    for (int position : {forward + 1, last, forward + 2, last - 1, 0, last, forward + 3, forward}) positions.push_back(position);
    for (int position : positions) {
        doc.setCursorPosition(position);
        QCoreApplication::processEvents();
        const QImage shown = screen->grabWindow(view.winId()).toImage().convertToFormat(QImage::Format_RGB32);
        GraphScene freshScene(&doc);  // new items, nothing cached
        GraphView freshView(&freshScene);
        freshView.resize(view.size());
        freshView.grab();  // its first resize (which fits the graph) done before the view is copied
        freshView.setTransform(view.transform());
        // The same scroll position, exactly (centring on a point can land a pixel off).
        freshView.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value());
        freshView.verticalScrollBar()->setValue(view.verticalScrollBar()->value());
        const QImage fresh = freshView.grab().toImage().convertToFormat(QImage::Format_RGB32);
        ASSERT_EQ(shown.size(), fresh.size());
        int differing = 0;
        for (int y = 0; y < shown.height(); ++y)
            for (int x = 0; x < shown.width(); ++x) differing += !alike(shown.pixel(x, y), fresh.pixel(x, y));
        EXPECT_EQ(differing, 0) << "at step " << position;


    }
}

}  // namespace
}  // namespace bp
