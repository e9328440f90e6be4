// SPDX-License-Identifier: GPL-3.0-or-later
// Live editing, as a lecturer does it on mlp-1-2-2 in the middle of the backward pass: through the
// canvas's in-place editor, the inspector's table, a slider and a Shift+drag on the canvas, the
// engine's values and gradients change to exactly what a fresh evaluation gives, the shown text
// follows, the step stays, undo and redo restore every number bit for bit, a drag is one undo
// step, and the predict aid reports g·Δw beside the real change of the loss.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLineEdit>
#include <QSlider>
#include <QTableWidget>
#include <QTest>

#include "core/text/number_format.h"
#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/canvas/node_item.h"
#include "ui/canvas/node_painter.h"
#include "ui/canvas/value_editor.h"
#include "core/graph/value_scrub.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "core/language/source_patch.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/panels/inspector_dock.h"
#include "ui/panels/leaf_sliders.h"
#include "ui/panels/predict_dock.h"
#include "ui/window/main_window.h"

// Readable failures: gtest prints a QString as its text.
static void PrintTo(const QString& text, std::ostream* out) { *out << '"' << text.toStdString() << '"'; }

namespace bp {
namespace {

struct Numbers {
    NodeMatrices values, grads;
    bool operator==(const Numbers& o) const { return values == o.values && grads == o.grads; }
};

Numbers numbersOf(const Evaluation& e) { return {e.values, e.grads}; }

// What the engine computes from scratch for mlp-1-2-2 with w2 set to `w2`.
Numbers freshWith(const Graph& shape, const Matrix& w2) {
    Program p = parseProgram(findExample("mlp-1-2-2")->source, "mlp-1-2-2.bpg");
    p.graph.setLeafValue(p.graph.find("w2"), w2);
    EXPECT_EQ(p.graph.size(), shape.size());
    return numbersOf(evaluate(p));
}

// The window on mlp-1-2-2, shown, in the middle of the backward pass.
class LiveEditing : public ::testing::Test {
protected:
    void SetUp() override {
        window.openExample(QStringLiteral("mlp-1-2-2"));
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        doc = window.document();
        w2 = doc->graph().find("w2");
        loss = doc->graph().find("loss");
        ASSERT_GE(w2, 0);
        const StepCursor& c = doc->cursor();
        middle = c.forwardCount() + c.backwardCount() / 2;
        doc->setCursorPosition(middle);
        ASSERT_EQ(c.position(), middle);
        before = numbersOf(doc->evaluation());
        w2Before = doc->graph().node(w2).leafValue();
    }

    // Where entry (row, col) of w2's value is drawn, in the view's viewport.
    QPoint cellOnScreen(NodeId id, int row, int col) {
        NodeItem* item = window.scene()->nodeItem(id);
        const QPointF local = nodepaint::valueCellRect(doc->graph().node(id), {row, col}).center();
        window.view()->ensureVisible(item);
        return window.view()->mapFromScene(item->mapToScene(local));
    }
    QPoint headerOnScreen(NodeId id) {
        NodeItem* item = window.scene()->nodeItem(id);
        return window.view()->mapFromScene(item->mapToScene(QPointF(0, item->boundingRect().top() + 14)));
    }

    void selectInInspector(NodeId id) {
        doc->setSelectedNode(id);
        ASSERT_EQ(doc->selectedNode(), id);
    }

    MainWindow window;
    GraphDocument* doc = nullptr;
    NodeId w2 = -1, loss = -1;
    int middle = 0;
    Numbers before;
    Matrix w2Before;
};

TEST_F(LiveEditing, CanvasEditorChangesEveryNumberKeepsTheStepAndUndoes) {
    const QString chainBefore = window.chainRuleDock()->bodyText();
    const int undoCount = doc->undoStack()->count();
    QTest::mouseDClick(window.view()->viewport(), Qt::LeftButton, {}, cellOnScreen(w2, 1, 1));
    ValueEditor* editor = window.scene()->valueEditor();
    ASSERT_TRUE(editor->isOpen());
    EXPECT_EQ(editor->node(), w2);
    ASSERT_NE(editor->lineEdit(), nullptr);
    EXPECT_EQ(editor->lineEdit()->text(), QStringLiteral("6"));  // the entry under the click
    QTest::keyClicks(editor->lineEdit(), QStringLiteral("-2.5"));  // replaces the selected text
    QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
    EXPECT_FALSE(editor->isOpen());

    Matrix expected = w2Before;
    expected(1, 1) = -2.5;
    EXPECT_EQ(doc->graph().node(w2).leafValue(), expected);
    const Numbers after = numbersOf(doc->evaluation());
    EXPECT_TRUE(after == freshWith(doc->graph(), expected));
    EXPECT_FALSE(after == before);
    EXPECT_NE(after.values[loss](0, 0), before.values[loss](0, 0));
    EXPECT_EQ(doc->cursor().position(), middle);
    EXPECT_EQ(doc->undoStack()->count(), undoCount + 1);
    // What is shown follows: the chain rule's numbers and the inspector's table.
    EXPECT_NE(window.chainRuleDock()->bodyText(), chainBefore);
    selectInInspector(w2);
    EXPECT_EQ(window.inspectorDock()->valueTable()->item(1, 1)->text(), QStringLiteral("-2.5"));
    // The source says what the canvas shows, its comments kept.
    EXPECT_TRUE(doc->sourceText().contains(QStringLiteral("param w2 = [[3, 4], [5, -2.5]]")));
    EXPECT_TRUE(doc->sourceText().contains(QStringLiteral("# outputs")));

    doc->undoStack()->undo();
    EXPECT_TRUE(numbersOf(doc->evaluation()) == before);
    EXPECT_EQ(doc->graph().node(w2).leafValue(), w2Before);
    EXPECT_EQ(doc->cursor().position(), middle);
    EXPECT_EQ(window.chainRuleDock()->bodyText(), chainBefore);
    EXPECT_EQ(window.inspectorDock()->valueTable()->item(1, 1)->text(), QStringLiteral("6"));
    EXPECT_EQ(doc->sourceText(), QString::fromStdString(findExample("mlp-1-2-2")->source));
    doc->undoStack()->redo();
    EXPECT_TRUE(numbersOf(doc->evaluation()) == after);
}

TEST_F(LiveEditing, CanvasEditorExplainsBadInputAndEscapeCancels) {
    const int undoCount = doc->undoStack()->count();
    QTest::mouseDClick(window.view()->viewport(), Qt::LeftButton, {}, cellOnScreen(w2, 0, 1));
    ValueEditor* editor = window.scene()->valueEditor();
    ASSERT_TRUE(editor->isOpen());
    QTest::keyClicks(editor->lineEdit(), QStringLiteral("four"));
    QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
    EXPECT_TRUE(editor->isOpen());  // stays open to be corrected
    EXPECT_TRUE(editor->errorText().startsWith(QStringLiteral("Not a number"))) << editor->errorText().toStdString();
    EXPECT_TRUE(numbersOf(doc->evaluation()) == before);
    editor->lineEdit()->setText(QStringLiteral("[1, 2]"));
    QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
    EXPECT_TRUE(editor->errorText().contains(QStringLiteral("one number"))) << editor->errorText().toStdString();
    QTest::keyClick(editor->lineEdit(), Qt::Key_Escape);
    EXPECT_FALSE(editor->isOpen());
    EXPECT_TRUE(numbersOf(doc->evaluation()) == before);
    EXPECT_EQ(doc->undoStack()->count(), undoCount);
}

TEST_F(LiveEditing, CanvasEditorTakesAWholeLiteralOfTheRightShape) {
    QTest::mouseDClick(window.view()->viewport(), Qt::LeftButton, {}, headerOnScreen(w2));
    ValueEditor* editor = window.scene()->valueEditor();
    ASSERT_TRUE(editor->isOpen());
    EXPECT_EQ(editor->lineEdit()->text(), QStringLiteral("[[3, 4], [5, 6]]"));
    editor->lineEdit()->setText(QStringLiteral("[1, 2]"));
    QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
    EXPECT_TRUE(editor->errorText().contains(QStringLiteral("2x2"))) << editor->errorText().toStdString();
    EXPECT_TRUE(editor->errorText().contains(QStringLiteral("2x1"))) << editor->errorText().toStdString();
    editor->lineEdit()->setText(QStringLiteral("[[3, 4], [5.5, 6]]"));
    QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
    EXPECT_FALSE(editor->isOpen());
    Matrix expected = w2Before;
    expected(1, 0) = 5.5;
    EXPECT_TRUE(numbersOf(doc->evaluation()) == freshWith(doc->graph(), expected));
}

TEST_F(LiveEditing, ComputedNodesAreNotEditable) {
    const NodeId z2 = doc->graph().find("z2");
    EXPECT_FALSE(window.scene()->valueEditor()->open(z2, window.scene()->nodeItem(z2)->pos()));
    EXPECT_FALSE(window.scene()->valueEditor()->isOpen());
}

TEST_F(LiveEditing, AnOpenEditorClosesWhenTheGraphIsReplaced) {
    ValueEditor* editor = window.scene()->valueEditor();
    ASSERT_TRUE(editor->open(w2, window.scene()->nodeItem(w2)->pos()));
    window.openExample(QStringLiteral("chain-rule"));  // the items, the editor's among them, go
    EXPECT_FALSE(editor->isOpen());
    EXPECT_EQ(editor->lineEdit(), nullptr);
    EXPECT_FALSE(editor->apply());
    editor->cancel();
    EXPECT_EQ(doc->undoStack()->count(), 0);
}

TEST_F(LiveEditing, InspectorTableEditAndItsRefusal) {
    selectInInspector(w2);
    QTableWidget* table = window.inspectorDock()->valueTable();
    ASSERT_EQ(table->rowCount(), 2);
    table->item(0, 0)->setText(QStringLiteral("2.25"));  // as the table's editor commits it
    Matrix expected = w2Before;
    expected(0, 0) = 2.25;
    EXPECT_TRUE(numbersOf(doc->evaluation()) == freshWith(doc->graph(), expected));
    EXPECT_EQ(doc->cursor().position(), middle);
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("2.25"));
    const QString gradShown = window.inspectorDock()->gradientTable()->item(0, 0)->text();
    EXPECT_EQ(gradShown.isEmpty(), doc->cursor().shownGrad(w2) == nullptr);

    const Numbers edited = numbersOf(doc->evaluation());
    table->item(1, 0)->setText(QStringLiteral("five"));
    EXPECT_TRUE(numbersOf(doc->evaluation()) == edited);
    EXPECT_TRUE(window.inspectorDock()->errorText().contains(QStringLiteral("five")));
    EXPECT_EQ(table->item(1, 0)->text(), QStringLiteral("5"));  // the old value is back

    doc->undoStack()->undo();
    EXPECT_TRUE(numbersOf(doc->evaluation()) == before);
}

TEST_F(LiveEditing, SliderDragIsOneUndoStepAndUndoRestoresExactly) {
    selectInInspector(w2);
    LeafSliders* sliders = window.inspectorDock()->sliders();
    ASSERT_EQ(sliders->sliderCount(), 4);
    EXPECT_EQ(sliders->entryLabel(3), QStringLiteral("w2[1][1]"));
    QSlider* slider = sliders->slider(3);
    const int undoCount = doc->undoStack()->count();
    slider->setSliderDown(true);  // the press that starts the drag
    for (int position : {10, 40, -30, -120, 75}) {
        slider->setValue(position);
        Matrix expected = w2Before;
        expected(1, 1) = scrubbed(6, position, 0.01);
        // Every value and gradient follows at once, and the step stays.
        EXPECT_TRUE(numbersOf(doc->evaluation()) == freshWith(doc->graph(), expected)) << position;
        EXPECT_EQ(doc->cursor().position(), middle);
    }
    slider->setSliderDown(false);
    EXPECT_EQ(doc->graph().node(w2).leafValue()(1, 1), 6.75);
    EXPECT_EQ(doc->undoStack()->count(), undoCount + 1);
    EXPECT_TRUE(window.inspectorDock()->valueTable()->item(1, 1)->text() == QStringLiteral("6.75"));

    doc->undoStack()->undo();
    EXPECT_TRUE(numbersOf(doc->evaluation()) == before);
    EXPECT_EQ(slider->value(), 0);  // the slider follows the undo
    doc->undoStack()->redo();
    EXPECT_EQ(doc->graph().node(w2).leafValue()(1, 1), 6.75);

    // A second drag is a second step.
    slider->setSliderDown(true);
    slider->setValue(slider->value() - 5);
    slider->setSliderDown(false);
    EXPECT_EQ(doc->undoStack()->count(), undoCount + 2);
    EXPECT_EQ(doc->graph().node(w2).leafValue()(1, 1), 6.7);
}

TEST_F(LiveEditing, ShiftDragOnTheCanvasScrubsAsOneUndoStep) {
    const int undoCount = doc->undoStack()->count();
    QWidget* viewport = window.view()->viewport();
    const QPoint start = cellOnScreen(w2, 1, 1);
    const QPointF nodeAt = window.scene()->nodeItem(w2)->pos();
    QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, start);
    for (int dx : {5, 20, 50, 30}) {
        QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(dx, 0)), viewport->mapToGlobal(QPointF(start + QPoint(dx, 0))),
                         Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        QApplication::sendEvent(viewport, &move);
        EXPECT_EQ(doc->graph().node(w2).leafValue()(1, 1), scrubbed(6, dx, 0.01)) << dx;
        EXPECT_EQ(doc->cursor().position(), middle);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, start + QPoint(30, 0));
    Matrix expected = w2Before;
    expected(1, 1) = 6.3;
    EXPECT_TRUE(numbersOf(doc->evaluation()) == freshWith(doc->graph(), expected));
    EXPECT_EQ(doc->undoStack()->count(), undoCount + 1);
    EXPECT_EQ(window.scene()->nodeItem(w2)->isSelected(), true);
    // The node did not move: a Shift+drag on a number scrubs, it does not drag the node.
    EXPECT_EQ(window.scene()->nodeItem(w2)->pos(), nodeAt);
    doc->undoStack()->undo();
    EXPECT_TRUE(numbersOf(doc->evaluation()) == before);
}

TEST_F(LiveEditing, PredictAidComparesGradientTimesChangeWithTheRealChange) {
    const double g = before.grads[w2](1, 1);
    const double lossBefore = before.values[loss](0, 0);
    ASSERT_TRUE(doc->editLeafValue(w2, [&] {
        Matrix m = w2Before;
        m(1, 1) = 6.01;
        return m;
    }()));
    const EditEffect& e = doc->lastEdit();
    ASSERT_TRUE(e.valid());
    EXPECT_DOUBLE_EQ(e.predicted(), g * (6.01 - 6));
    EXPECT_EQ(e.actual(), doc->evaluation().values[loss](0, 0) - lossBefore);
    // A small nudge: the slope predicts the change to within a few percent.
    EXPECT_NE(e.actual(), 0);
    EXPECT_LT(std::abs(e.predicted() - e.actual()), 0.05 * std::abs(e.actual()));
    const QString text = window.predictDock()->plainText();
    EXPECT_TRUE(text.contains(QString::fromStdString(formatNumber(e.predicted(), 4)))) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromStdString(formatNumber(e.actual(), 4)))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("w2[1][1]"))) << text.toStdString();

    // A drag is measured from where it started, however many steps it took.
    const int key = doc->newMergeKey();
    const Numbers start = numbersOf(doc->evaluation());
    for (double v : {7.0, 9.0, 12.0}) {
        Matrix m = doc->graph().node(w2).leafValue();
        m(1, 1) = v;
        doc->editLeafValue(w2, m, key);
    }
    EXPECT_DOUBLE_EQ(doc->lastEdit().predicted(), start.grads[w2](1, 1) * (12.0 - 6.01));
    EXPECT_EQ(doc->lastEdit().actual(), doc->evaluation().values[loss](0, 0) - start.values[loss](0, 0));
    // Undo leaves no stale prediction behind.
    doc->undoStack()->undo();
    EXPECT_FALSE(doc->lastEdit().valid());
}

TEST(LiveEditsInTheSource, OnlyTheLiteralIsRewrittenAndLaterPositionsFollow) {
    const std::string source =
        "# weights\n"
        "input x = 1\n"
        "param w = [[1, 2],   # first row\n"
        "           [3, 4]]\n"
        "param b = 0.5; const k = 2\n"
        "y = sum(w @ [1, 1] * k) + b * 3 * x - -2 ^ 2\n";
    Program p = parseProgram(source);
    std::string text = source;
    const NodeId w = p.graph.find("w");
    p.graph.setLeafValue(w, (Matrix(2, 2) << 1, 2, 3, -4.25).finished());
    ASSERT_TRUE(patchLeafLiteral(text, p.graph, w));
    // Only the numbers change: the rows stay on their lines, the comment between them stays.
    EXPECT_EQ(text.substr(0, text.find("const k")),
              "# weights\ninput x = 1\nparam w = [[1, 2],   # first row\n           [3, -4.25]]\nparam b = 0.5; ");
    // Positions after the literal moved along the line: the next patches still find their literals.
    const NodeId k = p.graph.find("k");
    p.graph.setLeafValue(k, Matrix::Constant(1, 1, -7));
    ASSERT_TRUE(patchLeafLiteral(text, p.graph, k));
    NodeId three = -1, two = -1;
    for (NodeId id = 0; id < p.graph.size(); ++id) {
        const Node& n = p.graph.node(id);
        if (n.kind == NodeKind::Const && !n.named && n.leafValue().size() == 1 && n.leafValue()(0, 0) == 3) three = id;
        if (n.kind == NodeKind::Const && !n.named && n.leafValue().size() == 1 && n.leafValue()(0, 0) == 2) two = id;
    }
    ASSERT_GE(three, 0);
    ASSERT_GE(two, 0);  // the 2 of `-2 ^ 2`, which is -(2^2)
    p.graph.setLeafValue(three, Matrix::Constant(1, 1, -1.5));
    ASSERT_TRUE(patchLeafLiteral(text, p.graph, three));
    p.graph.setLeafValue(two, Matrix::Constant(1, 1, -3));
    ASSERT_TRUE(patchLeafLiteral(text, p.graph, two));
    EXPECT_EQ(text.substr(text.find("param b")),
              "param b = 0.5; const k = -7\ny = sum(w @ [1, 1] * k) + b * (-1.5) * x - -(-3) ^ 2\n");
    // The text reads back as the same graph with the new numbers.
    const Program back = parseProgram(text);
    ASSERT_EQ(back.graph.size(), p.graph.size());
    for (NodeId id = 0; id < p.graph.size(); ++id) {
        EXPECT_EQ(back.graph.node(id).name(), p.graph.node(id).name());
        EXPECT_EQ(back.graph.node(id).leafValue(), p.graph.node(id).leafValue()) << id;
    }
    EXPECT_EQ(evaluate(back).values[back.root], evaluate(p).values[p.root]);
}

TEST(LiveEditsInTheSource, TextWithoutPositionsIsWrittenAfresh) {
    GraphDocument doc;
    Program p = parseProgram("param a = 2\nb = a * a\n");
    clearSourcePositions(p.graph);  // as for a model imported from ONNX
    doc.setProgram(std::move(p), QStringLiteral("whatever was shown"));
    ASSERT_TRUE(doc.editLeafValue(0, Matrix::Constant(1, 1, 3)));
    const Program back = parseProgram(doc.sourceText().toStdString());
    EXPECT_EQ(back.graph.node(back.graph.find("a")).leafValue()(0, 0), 3);
}

TEST(LiveEditsInTheSource, RefusesWrongShapesAndNonLeaves) {
    GraphDocument doc;
    doc.setProgram(parseProgram("param a = [1, 2]\nb = sum(a)\n"), QStringLiteral("param a = [1, 2]\nb = sum(a)\n"));
    EXPECT_FALSE(doc.editLeafValue(0, Matrix::Constant(1, 1, 3)));
    EXPECT_FALSE(doc.editLeafValue(1, Matrix::Constant(1, 1, 3)));
    EXPECT_FALSE(doc.editLeafValue(99, Matrix::Constant(1, 1, 3)));
    EXPECT_EQ(doc.undoStack()->count(), 0);
}

}  // namespace
}  // namespace bp
