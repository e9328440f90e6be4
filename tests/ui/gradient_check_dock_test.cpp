// SPDX-License-Identifier: GPL-3.0-or-later
// The gradient check dock, read as a student reads it: one row per leaf entry with the analytic
// and numeric gradient side by side and a mark, and a summary line.
#include <gtest/gtest.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

#include "core/text/number_format.h"
#include "core/language/parser.h"
#include "core/ops/op_table.h"
#include "core/trace/evaluation.h"
#include "ui/document/graph_document.h"
#include "ui/panels/gradient_check_dock.h"

namespace bp {
namespace {

QString cellText(const QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

// Clicks the button and waits for the worker thread to finish.
bool runAndWait(GradientCheckDock& dock) {
    QSignalSpy finished(&dock, &GradientCheckDock::checkFinished);
    dock.runButton()->click();
    return finished.count() > 0 || finished.wait(30'000);
}

TEST(GradientCheckDock, AllRowsAgreeForTheDefaultExample) {
    GraphDocument doc;
    const Program program = loadProgramFile(std::string(BPS_EXAMPLES) + "/mlp-1-2-2.bpg");
    doc.setProgram(program, QString());
    GradientCheckDock dock(&doc);
    EXPECT_EQ(dock.table()->rowCount(), 0);
    ASSERT_TRUE(runAndWait(dock));
    EXPECT_TRUE(dock.runButton()->isEnabled());

    // x (1 entry), w1 (2), w2 (4), target (2): every leaf entry, in node order.
    const QTableWidget* t = dock.table();
    ASSERT_EQ(t->rowCount(), 9);
    const QStringList leaves{"x", "w1", "w1", "w2", "w2", "w2", "w2", "target", "target"};
    const QStringList entries{"[0, 0]", "[0, 0]", "[1, 0]", "[0, 0]", "[0, 1]", "[1, 0]", "[1, 1]", "[0, 0]", "[1, 0]"};
    for (int row = 0; row < 9; ++row) {
        EXPECT_EQ(cellText(t, row, GradientCheckDock::LeafColumn), leaves[row]) << row;
        EXPECT_EQ(cellText(t, row, GradientCheckDock::EntryColumn), entries[row]) << row;
        EXPECT_EQ(cellText(t, row, GradientCheckDock::MarkColumn), QStringLiteral("✓")) << row;
        const double analytic = cellText(t, row, GradientCheckDock::AnalyticColumn).toDouble();
        const double numeric = cellText(t, row, GradientCheckDock::NumericColumn).toDouble();
        EXPECT_NEAR(analytic, numeric, 1e-6 + 1e-4 * std::abs(analytic)) << row;
        EXPECT_LT(cellText(t, row, GradientCheckDock::ErrorColumn).toDouble(), 1e-6) << row;
    }
    // The analytic column is the engine's gradient: ∂loss/∂w1[0,0], 1.2243265216e-4 in PyTorch
    // (tests/data/seed-values.json).
    const Evaluation e = evaluate(program);
    const Matrix& gw1 = e.grads[program.graph.find("w1")];
    EXPECT_EQ(cellText(t, 1, GradientCheckDock::AnalyticColumn), QString::fromStdString(formatNumber(gw1(0, 0), 10)));
    EXPECT_NEAR(gw1(0, 0), 0.00012243265215948693, 1e-15);
    EXPECT_TRUE(dock.summaryText().contains(QStringLiteral("All 9 leaf entries agree"))) << dock.summaryText().toStdString();

    // An edit makes the shown check out of date, and says so.
    doc.applyLeafValue(program.graph.find("x"), Matrix::Constant(1, 1, 2.0));
    EXPECT_TRUE(dock.summaryText().contains(QStringLiteral("run it again"))) << dock.summaryText().toStdString();
}

// relu has a kink at 0: the backward pass says 0 (as PyTorch), the central difference 1/2, the
// one-sided slopes 0 and 1. The entry is named as a kink, not counted as a disagreement.
TEST(GradientCheckDock, AKinkIsNamedAsAKink) {
    GraphDocument doc;
    doc.setProgram(parseProgram("param x = [0, 2]\ny = relu(x)\nl = sum(y * y + y)\n"), QString());
    GradientCheckDock dock(&doc);
    ASSERT_TRUE(runAndWait(dock));
    const QTableWidget* t = dock.table();
    ASSERT_EQ(t->rowCount(), 2);
    EXPECT_EQ(cellText(t, 0, GradientCheckDock::MarkColumn), QStringLiteral("kink"));
    EXPECT_EQ(cellText(t, 0, GradientCheckDock::AnalyticColumn), QStringLiteral("0"));
    EXPECT_NEAR(cellText(t, 0, GradientCheckDock::NumericColumn).toDouble(), 0.5, 1e-4);
    EXPECT_EQ(cellText(t, 1, GradientCheckDock::MarkColumn), QStringLiteral("✓"));
    EXPECT_EQ(cellText(t, 1, GradientCheckDock::AnalyticColumn), QStringLiteral("5"));  // 2y + 1 at y = 2
    EXPECT_TRUE(dock.summaryText().contains(QStringLiteral("All 2 leaf entries agree"))) << dock.summaryText().toStdString();
    EXPECT_TRUE(dock.summaryText().contains(QStringLiteral("Entries at a kink (relu or abs at 0): 1.")))
        << dock.summaryText().toStdString();
}

// A division by zero gives inf and nan: a failure, never agreement.
TEST(GradientCheckDock, NonFiniteGradientsDisagree) {
    GraphDocument doc;
    doc.setProgram(parseProgram("param a = 1\nparam b = 0\ny = a / b\n"), QString());
    GradientCheckDock dock(&doc);
    ASSERT_TRUE(runAndWait(dock));
    EXPECT_EQ(cellText(dock.table(), 0, GradientCheckDock::MarkColumn), QStringLiteral("✗"));
    EXPECT_TRUE(dock.summaryText().contains(QStringLiteral("2 of 2 entries disagree"))) << dock.summaryText().toStdString();
}

// Past 20,000 leaf entries the dock asks first; saying no runs nothing.
TEST(GradientCheckDock, ALargeGraphAsksBeforeChecking) {
    GraphDocument doc;
    Program p;
    const NodeId w = p.graph.addLeaf(NodeKind::Param, Matrix::Constant(150, 150, 0.01), "W");
    const NodeId x = p.graph.addLeaf(NodeKind::Input, Matrix::Ones(150, 1), "x");
    const NodeId y = p.graph.addOp(op("matmul"), {w, x}, {}, "y");
    p.root = p.graph.addOp(op("sum"), {y}, {}, "l");
    p.seed = Matrix::Ones(1, 1);
    doc.setProgram(std::move(p), QString());
    GradientCheckDock dock(&doc);
    QString asked;
    dock.setConfirmation([&](const QString& question) {
        asked = question;
        return false;
    });
    dock.runButton()->click();
    EXPECT_FALSE(dock.isRunning());
    EXPECT_TRUE(QString(asked).remove(QLatin1Char(',')).contains(QStringLiteral("22650"))) << asked.toStdString();
    EXPECT_TRUE(dock.summaryText().startsWith(QStringLiteral("Not run"))) << dock.summaryText().toStdString();
    EXPECT_EQ(dock.table()->rowCount(), 0);
}

}  // namespace
}  // namespace bp
