// SPDX-License-Identifier: GPL-3.0-or-later
// The source panel: a parse error is marked at its line with its message and leaves the graph
// and the canvas untouched; applying (Ctrl+Return, or as you type after a pause) is one undo
// step that keeps the step and the places of the nodes that survive; live value edits show up in
// the text without clobbering what the user is typing.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QElapsedTimer>
#include <QMenuBar>
#include <QTest>
#include <QTextBlock>

#include "core/language/parser.h"
#include "ui/canvas/graph_scene.h"
#include "ui/canvas/node_item.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/panels/chain_rule_dock.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/source_editor.h"
#include "ui/window/main_window.h"
#include "ui/window/undo_actions.h"

// Readable failures: gtest prints a QString as its text.
static void PrintTo(const QString& text, std::ostream* out) { *out << '"' << text.toStdString() << '"'; }

namespace bp {
namespace {

QString mlpSource() { return QString::fromStdString(findExample("mlp-1-2-2")->source); }

// The 1-based line of `text` that starts with `start`.
int lineStarting(const QString& text, const QString& start) {
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].startsWith(start)) return i + 1;
    return 0;
}

// `text` with `line` inserted before the line starting with `before`.
QString inserted(const QString& text, const QString& before, const QString& line) {
    QString out = text;
    out.insert(out.indexOf(QLatin1Char('\n') + before) + 1, line + QLatin1Char('\n'));
    return out;
}

bool sameNumbers(const Evaluation& a, const Evaluation& b) {
    if (a.values.size() != b.values.size()) return false;
    for (std::size_t i = 0; i < a.values.size(); ++i)
        if (a.values[i] != b.values[i] || a.grads[i] != b.grads[i]) return false;
    return true;
}

class SourcePanel : public ::testing::Test {
protected:
    void SetUp() override {
        doc.setProgram(parseProgram(mlpSource().toStdString(), "mlp-1-2-2.bpg"), mlpSource());
        const StepCursor& c = doc.cursor();
        middle = c.forwardCount() + c.backwardCount() / 2;
        doc.setCursorPosition(middle);
        original = doc.evaluation();
    }
    QPointF positionOf(const char* name) { return scene.nodeItem(doc.graph().find(name))->pos(); }

    GraphDocument doc;
    GraphScene scene{&doc};
    SourceDock dock{&doc};
    int middle = 0;
    Evaluation original;
};

TEST_F(SourcePanel, ShowsTheDocumentsText) {
    EXPECT_EQ(dock.editor()->toPlainText(), mlpSource());
    EXPECT_FALSE(dock.hasError());
}

TEST_F(SourcePanel, AnErrorIsMarkedAtItsLineAndTheGraphStays) {
    const std::vector<QPointF> positions = scene.nodePositions();
    const int line = lineStarting(mlpSource(), QStringLiteral("y1 = sigmoid(z1)"));
    ASSERT_GT(line, 0);
    QString broken = mlpSource();
    broken.replace(QStringLiteral("y1 = sigmoid(z1)"), QStringLiteral("y1 = sigmoid(z9)"));
    dock.editor()->setPlainText(broken);
    EXPECT_FALSE(dock.apply());

    EXPECT_TRUE(dock.hasError());
    EXPECT_EQ(dock.editor()->errorLine(), line);
    const QList<QTextEdit::ExtraSelection> marks = dock.editor()->extraSelections();
    ASSERT_FALSE(marks.isEmpty());
    EXPECT_EQ(marks.front().cursor.block().blockNumber() + 1, line);
    EXPECT_EQ(marks.back().cursor.selectedText(), QStringLiteral("z9)"));  // the token at the column
    const QString message = dock.messageText();
    EXPECT_TRUE(message.contains(QStringLiteral("Line %1, column 14").arg(line))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("z9"))) << message.toStdString();

    // Nothing changed: the text, the numbers, the step, the canvas.
    EXPECT_EQ(doc.sourceText(), mlpSource());
    EXPECT_TRUE(sameNumbers(doc.evaluation(), original));
    EXPECT_EQ(doc.cursor().position(), middle);
    EXPECT_EQ(scene.nodeItemCount(), doc.graph().size());
    EXPECT_EQ(scene.nodePositions(), positions);
    EXPECT_EQ(doc.undoStack()->count(), 0);
    // The editor keeps what was typed, to be corrected.
    EXPECT_EQ(dock.editor()->toPlainText(), broken);

    // Corrected, it applies and the mark goes.
    dock.editor()->setPlainText(mlpSource());
    EXPECT_TRUE(dock.apply());
    EXPECT_FALSE(dock.hasError());
    EXPECT_EQ(dock.editor()->errorLine(), 0);
}

TEST_F(SourcePanel, AProgramWithNothingToEvaluateIsRefused) {
    dock.editor()->setPlainText(QStringLiteral("# nothing yet\n"));
    EXPECT_FALSE(dock.apply());
    EXPECT_TRUE(dock.messageText().contains(QStringLiteral("nothing to evaluate"))) << dock.messageText().toStdString();
    EXPECT_EQ(doc.graph().size(), int(original.values.size()));
}

TEST_F(SourcePanel, MalformedTextIsExplainedAndNeverChangesTheGraph) {
    const std::vector<QPointF> positions = scene.nodePositions();
    const QString cases[] = {
        QString(100000, QLatin1Char('(')),                             // nesting past the limit
        QString::fromLatin1("x = \x01\x02\xff"),                       // bytes that are no token
        QStringLiteral("param w = [[1, 2], [3]]\nloss = sum(w)"),        // a ragged literal
        QStringLiteral("param w = [1, 2]\nloss = sum(w @ w)"),           // shapes that do not fit
        QStringLiteral("param w = [1, 2]\nw = w * 2"),                   // a name defined twice
        QStringLiteral("param w = [1, 2]\nt = w * 2"),                   // a 2x1 root without a seed
    };
    for (const QString& text : cases) {
        dock.editor()->setPlainText(text);
        EXPECT_FALSE(dock.apply()) << text.left(40).toStdString();
        EXPECT_TRUE(dock.hasError());
        EXPECT_FALSE(dock.messageText().isEmpty());
        EXPECT_TRUE(sameNumbers(doc.evaluation(), original));
        EXPECT_EQ(scene.nodePositions(), positions);
    }
    EXPECT_EQ(doc.undoStack()->count(), 0);
    EXPECT_TRUE(dock.messageText().contains(QStringLiteral("seed"))) << dock.messageText().toStdString();
}

TEST_F(SourcePanel, ApplyingKeepsSurvivorsWhereTheyWereAndTheStep) {
    const NodeId w2 = doc.graph().find("w2");
    scene.nodeItem(w2)->setPos(1234, 567);  // moved by hand
    std::map<std::string, QPointF> before;
    for (const Node& n : doc.graph().nodes()) before[n.name()] = positionOf(n.name().c_str());
    const int oldSize = doc.graph().size();
    const int backwardIndex = doc.cursor().indexInPhase();

    dock.editor()->setPlainText(inserted(mlpSource(), QStringLiteral("loss ="), QStringLiteral("extra = w1 * 2")));
    ASSERT_TRUE(dock.apply());
    ASSERT_GE(doc.graph().find("extra"), 0);
    EXPECT_EQ(doc.graph().size(), oldSize + 2);  // the constant 2 and the product
    // One more forward step, the same backward step ("Backward 4 / 8" stays so).
    EXPECT_EQ(doc.cursor().phase(), Phase::Backward);
    EXPECT_EQ(doc.cursor().indexInPhase(), backwardIndex);
    EXPECT_EQ(doc.cursor().position(), middle + 1);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    for (const auto& [name, pos] : before) {
        ASSERT_GE(doc.graph().find(name), 0) << name;
        EXPECT_EQ(positionOf(name.c_str()), pos) << name;
    }
    // The new nodes are laid out clear of every other node.
    for (NodeId a = 0; a < doc.graph().size(); ++a) {
        if (before.count(doc.graph().node(a).name())) continue;
        for (NodeId b = 0; b < doc.graph().size(); ++b) {
            if (a == b) continue;
            EXPECT_FALSE(scene.nodeItem(a)->sceneBoundingRect().intersects(scene.nodeItem(b)->sceneBoundingRect()))
                << doc.graph().node(a).name() << " overlaps " << doc.graph().node(b).name();
        }
    }

    doc.undoStack()->undo();
    EXPECT_EQ(doc.graph().size(), oldSize);
    EXPECT_EQ(doc.sourceText(), mlpSource());
    EXPECT_EQ(dock.editor()->toPlainText(), mlpSource());
    EXPECT_TRUE(sameNumbers(doc.evaluation(), original));
    EXPECT_EQ(doc.cursor().position(), middle);
    EXPECT_EQ(positionOf("w2"), QPointF(1234, 567));
    doc.undoStack()->redo();
    EXPECT_GE(doc.graph().find("extra"), 0);
}

TEST_F(SourcePanel, TheStepIsClampedWhenTheTraceShrinks) {
    QString shorter = mlpSource();
    shorter.replace(QStringLiteral("loss = mse(y2, target)"), QStringLiteral("loss = sum(z1)"));
    dock.editor()->setPlainText(shorter);
    ASSERT_TRUE(dock.apply());
    // Backward 4 of 8 does not exist any more: the last backward step (3 of 3) is shown.
    EXPECT_EQ(doc.cursor().phase(), Phase::Backward);
    EXPECT_EQ(doc.cursor().position(), doc.cursor().last());
    EXPECT_LT(doc.cursor().last(), middle);

    doc.undoStack()->undo();
    doc.toEnd();
    dock.editor()->setPlainText(shorter);
    ASSERT_TRUE(dock.apply());  // the shorter text again, from the end: stays at the end
    EXPECT_EQ(doc.cursor().position(), doc.cursor().last());
    doc.undoStack()->undo();
    EXPECT_EQ(doc.cursor().position(), doc.cursor().last());
}

TEST_F(SourcePanel, UndoGivesBackValuesEditedBeforeTheApply) {
    const NodeId w1 = doc.graph().find("w1");
    ASSERT_TRUE(doc.editLeafValue(w1, (Matrix(2, 1) << 1.5, 2).finished()));
    // The live edit shows in the editor at once, the rest of the text as it was.
    EXPECT_EQ(dock.editor()->toPlainText(), doc.sourceText());
    EXPECT_TRUE(dock.editor()->toPlainText().contains(QStringLiteral("param w1 = [[1.5], [2]]")));
    const Evaluation edited = doc.evaluation();

    dock.editor()->setPlainText(inserted(dock.editor()->toPlainText(), QStringLiteral("loss ="), QStringLiteral("extra = w1 * 2")));
    ASSERT_TRUE(dock.apply());
    EXPECT_EQ(doc.graph().node(doc.graph().find("w1")).leafValue()(0, 0), 1.5);
    doc.undoStack()->undo();
    EXPECT_TRUE(sameNumbers(doc.evaluation(), edited));
    doc.undoStack()->undo();
    EXPECT_TRUE(sameNumbers(doc.evaluation(), original));
    EXPECT_EQ(doc.sourceText(), mlpSource());
    EXPECT_EQ(dock.editor()->toPlainText(), mlpSource());
}

TEST_F(SourcePanel, TypingIsNotClobberedByALiveEdit) {
    dock.applyAsYouType()->setChecked(false);
    QTextCursor cursor(dock.editor()->document());
    cursor.insertText(QStringLiteral("# my note\n"));
    EXPECT_TRUE(dock.messageText().contains(QStringLiteral("Ctrl+Return")));
    ASSERT_TRUE(doc.editLeafValue(doc.graph().find("w1"), (Matrix(2, 1) << 7, 2).finished()));
    EXPECT_TRUE(dock.editor()->toPlainText().startsWith(QStringLiteral("# my note\n")));
    EXPECT_TRUE(dock.messageText().contains(QStringLiteral("changed while you were typing")));
    dock.revert();
    EXPECT_EQ(dock.editor()->toPlainText(), doc.sourceText());
    EXPECT_TRUE(doc.sourceText().contains(QStringLiteral("param w1 = [[7], [2]]")));
}

TEST_F(SourcePanel, ApplyAsYouTypeWaitsForAPause) {
    ASSERT_TRUE(dock.applyAsYouType()->isChecked());
    const QTextBlock lossLine = dock.editor()->document()->findBlockByNumber(lineStarting(mlpSource(), QStringLiteral("loss =")) - 1);
    QTextCursor cursor(lossLine);
    QElapsedTimer clock;
    clock.start();
    cursor.insertText(QStringLiteral("extra = w1 * 2\n"));
    EXPECT_LT(doc.graph().find("extra"), 0);  // not at once
    QTest::qWait(SourceDock::kDebounceMs / 2);
    EXPECT_LT(doc.graph().find("extra"), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return doc.graph().find("extra") >= 0; }, 5000));
    EXPECT_GE(clock.elapsed(), SourceDock::kDebounceMs);
    EXPECT_EQ(doc.undoStack()->count(), 1);

    // Typing an error: marked after the pause, the graph stays.
    const int size = doc.graph().size();
    QTextCursor end(dock.editor()->document());
    end.movePosition(QTextCursor::End);
    end.insertText(QStringLiteral("oops = w1 @@ w2\n"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return dock.hasError(); }, 5000));
    EXPECT_EQ(dock.editor()->errorLine(), dock.editor()->document()->blockCount() - 1);
    EXPECT_EQ(doc.graph().size(), size);
}

TEST(SourcePanelInTheWindow, CtrlReturnAppliesAndTheEditMenuUndoes) {
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    GraphDocument* doc = window.document();
    SourceDock* dock = window.sourceDock();
    ASSERT_NE(dock, nullptr);
    // Beside the canvas, or (a small screen) a tab under it.
    EXPECT_TRUE(window.dockWidgetArea(dock) == Qt::LeftDockWidgetArea ||
                window.tabifiedDockWidgets(window.chainRuleDock()).contains(dock));
    dock->raise();
    dock->applyAsYouType()->setChecked(false);
    dock->editor()->setPlainText(inserted(mlpSource(), QStringLiteral("loss ="), QStringLiteral("extra = w1 * 2")));
    window.activateWindow();
    dock->editor()->setFocus();
    QTest::keyClick(dock->editor(), Qt::Key_Return, Qt::ControlModifier);
    EXPECT_GE(doc->graph().find("extra"), 0);
    EXPECT_FALSE(dock->editor()->toPlainText().contains(QStringLiteral("\n\n\n")));  // no newline typed

    QAction* undo = nullptr;
    QAction* redo = nullptr;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction* a : menu->menu()->actions()) {
                if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Z)) undo = a;
                if (a->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z))) redo = a;
            }
    ASSERT_NE(undo, nullptr);
    ASSERT_NE(redo, nullptr);
    EXPECT_TRUE(undo->isEnabled());
    undo->trigger();
    EXPECT_LT(doc->graph().find("extra"), 0);
    EXPECT_TRUE(redo->isEnabled());
    redo->trigger();
    EXPECT_GE(doc->graph().find("extra"), 0);
}

// One undo: Ctrl+Z in the Source panel does what Edit → Undo says. While typed text is not
// applied it undoes the typing (the menu says "Undo typing"); once the text is the graph's, it
// undoes the graph's last edit (the menu names it), never the editor's stale typing.
TEST(SourcePanelInWindow, CtrlZDoesWhatTheEditMenuSays) {
    MainWindow window;
    window.openExample(QStringLiteral("mlp-1-2-2"));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    GraphDocument* doc = window.document();
    SourceDock* dock = window.sourceDock();
    dock->raise();
    dock->applyAsYouType()->setChecked(false);
    SourceEditor* editor = dock->editor();
    QAction* undo = window.undoActions()->undoAction();
    QAction* redo = window.undoActions()->redoAction();
    EXPECT_FALSE(undo->isEnabled());  // nothing done yet
    const QString shown = editor->toPlainText();

    // Typing: the menu offers the typing, and Ctrl+Z in the editor takes it back.
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, QStringLiteral("# note"));
    ASSERT_TRUE(editor->toPlainText().endsWith(QStringLiteral("# note")));
    EXPECT_TRUE(undo->isEnabled());
    EXPECT_EQ(undo->text(), QStringLiteral("&Undo typing"));
    for (int i = 0; i < 10 && editor->toPlainText() != shown; ++i) QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(editor->toPlainText(), shown);
    EXPECT_FALSE(undo->isEnabled());  // the typing is gone and the graph has no edit
    EXPECT_EQ(redo->text(), QStringLiteral("&Redo typing"));
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(editor->toPlainText().endsWith(QStringLiteral("# note")));

    // Applied, the text is the graph's: Ctrl+Z in the editor undoes the apply, as the menu says.
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_EQ(doc->sourceText(), editor->toPlainText());
    EXPECT_TRUE(undo->text().startsWith(QStringLiteral("&Undo ")));
    EXPECT_NE(undo->text(), QStringLiteral("&Undo typing"));
    EXPECT_EQ(undo->text(), QStringLiteral("&Undo ") + doc->undoStack()->undoText());
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(doc->undoStack()->index(), 0);
    EXPECT_EQ(editor->toPlainText(), shown);

    // An edit on the canvas: Ctrl+Z in the editor undoes it (not the editor's old typing).
    const NodeId x = doc->graph().find("x");
    ASSERT_TRUE(doc->editLeafValue(x, Matrix::Constant(1, 1, 3)));
    const QString edited = editor->toPlainText();
    EXPECT_NE(edited, shown);
    EXPECT_EQ(undo->text(), QStringLiteral("&Undo ") + doc->undoStack()->undoText());
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(doc->graph().node(x).leafValue()(0, 0), 1);
    EXPECT_EQ(editor->toPlainText(), shown);
    // And Ctrl+Shift+Z redoes it.
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(doc->graph().node(x).leafValue()(0, 0), 3);
}

}  // namespace
}  // namespace bp
