// SPDX-License-Identifier: GPL-3.0-or-later
// The lecture hall: every shipped example opens filling the canvas or with its numbers at the
// least readable size around the current step; nothing covers a number (the legend, the active
// edge's label); two edges into one node never cross at its side; a training step shows.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDoubleSpinBox>
#include <QFontMetricsF>
#include <QUndoStack>
#include <QLineF>
#include <QLineEdit>
#include <QGraphicsProxyWidget>
#include <QPushButton>
#include <QTest>
#include <algorithm>

#include "core/language/parser.h"
#include "ui/canvas/canvas_style.h"
#include "ui/canvas/edge_item.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/canvas/node_item.h"
#include "ui/canvas/node_painter.h"
#include "ui/canvas/value_editor.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/panels/training_dock.h"
#include "ui/window/main_window.h"

namespace bp {
namespace {

void showAt(MainWindow& window, QSize size) {
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.resize(size);
    QApplication::processEvents();
}

// The node boxes as the viewport shows them.
std::vector<QRect> shownNodeBoxes(const MainWindow& window) {
    std::vector<QRect> boxes;
    for (NodeId id = 0; id < window.document()->graph().size(); ++id)
        boxes.push_back(window.view()->mapFromScene(window.scene()->nodeBox(id)).boundingRect());
    return boxes;
}

// The backward step's arithmetic on its edge is in view, whole, when it fits with the node.
void expectStepLabelShown(MainWindow& window, const std::string& where) {
    const StepCursor& c = window.document()->cursor();
    if (!c.activeEvent()) return;
    GraphView* view = window.view();
    const QRect box = view->mapFromScene(window.scene()->nodeBox(c.activeEvent()->to)).boundingRect();
    for (const EdgeItem* e : window.scene()->edgesInto(c.activeEvent()->from)) {
        if (e->slot() != c.activeEvent()->slot || e->labelSceneRect().isEmpty()) continue;
        const QRect label = view->mapFromScene(e->labelSceneRect()).boundingRect();
        const QRect both = label.united(box);
        if (both.width() + 40 <= view->viewport()->width() && both.height() + 40 <= view->viewport()->height()) {
            EXPECT_TRUE(view->viewport()->rect().contains(label.adjusted(-4, -4, 4, 4))) << where;  // not touching the edge
        }
    }
}

TEST(LectureHall, EveryExampleFillsTheCanvasOrShowsReadableNumbersAt1280x720) {
    for (const Example& example : shippedExamples()) {
        SCOPED_TRACE(example.name);
        MainWindow window;
        window.openExample(QString::fromStdString(example.name));
        showAt(window, QSize(1280, 720));
        GraphView* view = window.view();
        const QRect canvas = view->viewport()->rect();
        const QRect graph = view->mapFromScene(window.scene()->graphRect()).boundingRect();
        const bool fills = graph.width() >= 0.7 * canvas.width() || graph.height() >= 0.7 * canvas.height();
        EXPECT_GE(view->numberPixels(), view->minNumberPixels() - 1e-9);
        expectStepLabelShown(window, "on opening");
        if (fills) continue;
        // Too large to fit readably: the least readable zoom, around the current step.
        EXPECT_TRUE(view->followsStep());
        EXPECT_NEAR(view->numberPixels(), view->minNumberPixels(), 1e-9);
        const StepCursor& c = window.document()->cursor();
        NodeId id = c.activeForwardNode();
        if (c.activeEvent()) id = c.activeEvent()->to;
        if (id >= 0) {
            EXPECT_TRUE(canvas.intersects(view->mapFromScene(window.scene()->nodeBox(id)).boundingRect()));
        }
    }
}

TEST(LectureHall, ASmallWindowShowsTheNumbersAtTheReadableSizeAndFollowsTheStep) {
    MainWindow window;
    window.openExample(QStringLiteral("deep-sigmoid"));
    showAt(window, QSize(700, 500));
    GraphView* view = window.view();
    ASSERT_TRUE(view->followsStep());
    EXPECT_NEAR(view->numberPixels(), 11, 1e-9);
    expectStepLabelShown(window, "on opening");
    GraphDocument* doc = window.document();
    for (int position = 0; position <= doc->cursor().last(); ++position) {
        doc->setCursorPosition(position);
        QApplication::processEvents();
        const StepCursor& c = doc->cursor();
        NodeId id = c.activeEvent() ? c.activeEvent()->to : c.activeForwardNode();
        if (id < 0) continue;
        const QRect box = view->mapFromScene(window.scene()->nodeBox(id)).boundingRect();
        EXPECT_TRUE(view->viewport()->rect().intersects(box)) << "step " << position;
        expectStepLabelShown(window, "step " + std::to_string(position));
    }
    // Zooming is the user's choice: a resize keeps it.
    view->zoomIn();
    const double zoomed = view->zoom();
    window.resize(900, 600);
    QApplication::processEvents();
    EXPECT_EQ(view->zoom(), zoomed);
}

TEST(LectureHall, NoLegendOrEdgeLabelCoversANodeAtAnyStepOfAnyExample) {
    for (const Example& example : shippedExamples()) {
        SCOPED_TRACE(example.name);
        MainWindow window;
        window.openExample(QString::fromStdString(example.name));
        showAt(window, QSize(1280, 720));
        GraphDocument* doc = window.document();
        GraphScene* scene = window.scene();
        const QRect legend = window.view()->legendRect();
        ASSERT_FALSE(legend.isEmpty());
        int labels = 0;
        for (int position = 0; position <= doc->cursor().last(); ++position) {
            doc->setCursorPosition(position);
            QApplication::processEvents();
            const QRect viewport = window.view()->viewport()->rect();
            for (const QRect& box : shownNodeBoxes(window)) {
                // The legend lies outside the viewport (in its margin), so no shown part of a node
                // can be under it.
                const QRect shown = (box & viewport).translated(window.view()->viewport()->pos());
                EXPECT_FALSE(legend.intersects(shown)) << "step " << position;
            }
            for (const EdgeItem* edge : scene->edgeItems()) {
                const QRectF label = edge->labelSceneRect();
                if (label.isEmpty()) continue;
                ++labels;
                for (NodeId id = 0; id < doc->graph().size(); ++id)
                    EXPECT_FALSE(label.intersects(scene->nodeBox(id))) << "step " << position << " node " << id;
            }
        }
        EXPECT_EQ(labels, doc->cursor().backwardCount());  // one label on every backward step
    }
}

TEST(LectureHall, TheLegendCanBeHidden) {
    MainWindow window;
    window.openExample(QStringLiteral("chain-rule"));
    showAt(window, QSize(1280, 720));
    GraphView* view = window.view();
    const int withLegend = view->viewport()->height();
    view->setLegendVisible(false);
    QApplication::processEvents();
    EXPECT_TRUE(view->legendRect().isEmpty());
    EXPECT_GT(view->viewport()->height(), withLegend);  // the strip's room goes to the graph
}

TEST(LectureHall, EdgesIntoANodeEnterInTheOrderTheyArriveIn) {
    for (const Example& example : shippedExamples()) {
        SCOPED_TRACE(example.name);
        GraphDocument doc;
        doc.setProgram(parseProgram(example.source, example.name + ".bpg"), {});
        GraphScene scene(&doc);
        for (NodeId id = 0; id < doc.graph().size(); ++id) {
            std::vector<EdgeItem*> into = scene.edgesInto(id);
            std::sort(into.begin(), into.end(), [](const EdgeItem* a, const EdgeItem* b) { return a->port() < b->port(); });
            for (std::size_t i = 1; i < into.size(); ++i)
                EXPECT_LE(into[i - 1]->approach().y(), into[i]->approach().y()) << "node " << id;
        }
    }
}

// One SGD step with lr = 1 moves w2 by about 1e-5: written with four digits it would still read
// 3 4 5 6, as if nothing happened.
TEST(LectureHall, OneSgdStepChangesTheShownTextOfW2) {
    GraphDocument doc;
    doc.setProgram(parseProgram(findExample("mlp-1-2-2")->source, "mlp-1-2-2.bpg"), {});
    GraphScene scene(&doc);
    TrainingDock dock(&doc);
    dock.learningRateBox()->setValue(1.0);
    const NodeId w2 = doc.graph().find("w2");
    ASSERT_GE(w2, 0);
    auto shown = [&] {
        const NodeLook look = scene.lookOf(w2);
        QStringList texts;
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c) texts << nodepaint::valueEntryText(look, r, c);
        return texts;
    };
    const QStringList before = shown();
    EXPECT_EQ(before, (QStringList{"3", "4", "5", "6"}));
    dock.stepButton()->click();
    const QStringList after = shown();
    for (int i = 0; i < 4; ++i) EXPECT_NE(before[i], after[i]) << after.join(' ').toStdString();
    EXPECT_EQ(after[0], QStringLiteral("3.00001"));  // 3.0000078433: six digits tell it from 3
    // Undo shows the change back.
    doc.undoStack()->undo();
    EXPECT_EQ(shown()[0], QStringLiteral("3"));
    // A new program has no "before".
    doc.setProgram(parseProgram(findExample("mlp-1-2-2")->source, "mlp-1-2-2.bpg"), {});
    EXPECT_FALSE(scene.lookOf(w2).previous.has_value());
}

// The 1 of d = b + 1 is read as 1 on the canvas and in the panels, not as the program's %1; an
// edit of it shows the new value.
TEST(LectureHall, AnInlineConstantIsLabelledWithItsValue) {
    GraphDocument doc;
    doc.setProgram(parseProgram(findExample("chain-rule")->source, "chain-rule.bpg"), {});
    const NodeId one = doc.graph().find("%1");
    ASSERT_GE(one, 0);
    EXPECT_EQ(doc.graph().node(one).label(), "1");
    EXPECT_EQ(doc.graph().node(doc.graph().find("b")).label(), "b");  // named nodes keep their names
    ASSERT_TRUE(doc.editLeafValue(one, Matrix::Constant(1, 1, 2.5)));
    EXPECT_EQ(doc.graph().node(one).label(), "2.5");
}

// deep-sigmoid's b feeds every layer: beside each use after the first it is a small copy (its
// name and value, like a constant written inline), at most half its node's area, overlapping no
// node; clicking one selects b.
TEST(LectureHall, SharedLeavesAreSmallCopiesBesideEachUse) {
    MainWindow window;
    window.openExample(QStringLiteral("deep-sigmoid"));
    showAt(window, QSize(1280, 720));
    GraphScene* scene = window.scene();
    const NodeId b = window.document()->graph().find("b");
    ASSERT_GE(b, 0);
    ASSERT_GE(scene->copyItems().size(), 7u);
    const QRectF node = scene->nodeItem(b)->nodeRect();
    for (const NodeItem* copy : scene->copyItems()) {
        EXPECT_EQ(copy->nodeId(), b);
        const QRectF rect = copy->nodeRect();
        EXPECT_LE(rect.width() * rect.height(), 0.5 * node.width() * node.height());
        EXPECT_GE(rect.height(), QFontMetricsF(style::numberFont()).height());  // its value's row fits
        const QRectF placed = copy->mapRectToScene(rect);
        for (NodeId id = 0; id < window.document()->graph().size(); ++id)
            EXPECT_FALSE(placed.intersects(scene->nodeBox(id))) << window.document()->graph().node(id).name();
    }
    window.document()->setSelectedNode(-1);
    NodeItem* copy = scene->copyItems().back();
    window.view()->centerOn(copy);
    QApplication::processEvents();
    const QPoint at = window.view()->mapFromScene(copy->sceneBoundingRect().center());
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {}, at);
    EXPECT_EQ(window.document()->selectedNode(), b);
}

// A copy of b far from b itself: double-clicking it types b's value there, over the copy (b may
// be out of view), and the edit changes b, one undo step.
TEST(LectureHall, DoubleClickingACopyEditsTheLeafWhereTheCopyIs) {
    MainWindow window;
    window.openExample(QStringLiteral("deep-sigmoid"));
    showAt(window, QSize(1280, 720));
    GraphDocument* doc = window.document();
    const NodeId b = doc->graph().find("b");
    NodeItem* copy = window.scene()->copyItems().back();
    window.view()->centerOn(copy);
    QApplication::processEvents();
    const QRectF copyRect = copy->mapRectToScene(copy->nodeRect());
    QTest::mouseDClick(window.view()->viewport(), Qt::LeftButton, {},
                       window.view()->mapFromScene(copyRect.center()));
    ValueEditor* editor = window.scene()->valueEditor();
    ASSERT_TRUE(editor->isOpen());
    EXPECT_EQ(editor->node(), b);
    QGraphicsProxyWidget* proxy = editor->lineEdit()->window()->graphicsProxyWidget();
    ASSERT_NE(proxy, nullptr);
    EXPECT_LE(QLineF(proxy->scenePos(), copyRect.topLeft()).length(), 8.0) << "the editor opens over the copy";
    const int undo = doc->undoStack()->count();
    editor->lineEdit()->setText(QStringLiteral("0.25"));
    QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
    EXPECT_FALSE(editor->isOpen());
    EXPECT_EQ(doc->graph().node(b).leafValue()(0, 0), 0.25);
    EXPECT_EQ(doc->undoStack()->count(), undo + 1);
}

}  // namespace
}  // namespace bp
