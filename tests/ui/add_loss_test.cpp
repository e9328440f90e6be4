// SPDX-License-Identifier: GPL-3.0-or-later
// Graph > Add MSE loss: an imported model gets `const target = …` and `loss = mse(out, target)`,
// undoably, through the source; the numbers match PyTorch's MSELoss.
#include <gtest/gtest.h>

#include <QLineEdit>
#include <QRegularExpression>

#include "core/language/parser.h"
#include "ui/document/examples.h"
#include "ui/document/graph_document.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/source_editor.h"
#include "ui/window/add_loss.h"
#include "ui/window/add_loss_dialog.h"
#include "ui/window/main_window.h"

namespace bp {
namespace {

Matrix rowOf(std::initializer_list<double> values) {
    Matrix m(1, Eigen::Index(values.size()));
    int i = 0;
    for (double v : values) m(0, i++) = v;
    return m;
}

double rootValue(const GraphDocument& doc) { return doc.evaluation().values[doc.root()](0, 0); }

// The article's 1-2-2 network exported from PyTorch: its input is 1x1, its output 1x2.
struct Model2 {
    Model2() {
        const QString error = window.openFile(QStringLiteral(BPS_TEST_DATA "/onnx/model2.onnx"));
        EXPECT_TRUE(error.isEmpty()) << error.toStdString();
        input = doc().graph().find("x");  // onnx::MatMul_0
    }
    GraphDocument& doc() { return *window.document(); }
    MainWindow window;
    NodeId input = -1;
};

TEST(AddLoss, Model2AgainstOneZeroGivesTheArticlesLoss) {
    Model2 m;
    ASSERT_GE(m.input, 0);
    EXPECT_EQ(m.doc().graph().node(m.input).shape, (Shape{1, 1}));
    EXPECT_EQ(m.doc().graph().node(m.doc().root()).shape, (Shape{1, 2}));
    ASSERT_TRUE(m.doc().editLeafValue(m.input, Matrix::Constant(1, 1, 1.0)));
    const int undoBefore = m.doc().undoStack()->count();

    const LossAddition added = addMseLoss(m.doc(), rowOf({1, 0}));
    EXPECT_EQ(added.lossName, QStringLiteral("loss"));
    EXPECT_EQ(added.targetName, QStringLiteral("target"));
    EXPECT_EQ(m.doc().graph().node(m.doc().root()).name(), "loss");
    EXPECT_NEAR(rootValue(m.doc()), 0.4998743766, 1e-9);
    EXPECT_EQ(m.doc().undoStack()->count(), undoBefore + 1);
    EXPECT_EQ(m.doc().undoStack()->undoText(), QStringLiteral("Add MSE loss"));
    // The source says what was added, and no longer names the old root in a backward statement.
    const QString source = m.doc().sourceText();
    EXPECT_TRUE(source.contains(QStringLiteral("const target = [[1, 0]]"))) << source.toStdString();
    EXPECT_TRUE(source.contains(QStringLiteral("loss = mse(output, target)"))) << source.toStdString();
    EXPECT_FALSE(source.contains(QRegularExpression(QStringLiteral("^backward"), QRegularExpression::MultilineOption)));
    EXPECT_EQ(m.window.sourceDock()->editor()->toPlainText(), source);
    // A gradient reaches the weights now: PyTorch's w1.grad for this loss (reference/seed-values.json).
    const NodeId w1 = m.doc().graph().find("w1");  // onnx::MatMul_9
    EXPECT_NEAR(m.doc().evaluation().grads[w1](0, 0), 0.00012243265215948693, 1e-12);

    m.doc().undoStack()->undo();
    EXPECT_EQ(m.doc().graph().node(m.doc().root()).name(), "output");
    EXPECT_FALSE(m.doc().sourceText().contains(QStringLiteral("mse(")));
    EXPECT_EQ(m.doc().graph().node(m.input).leafValue()(0, 0), 1.0);  // the edit before stays
    m.doc().undoStack()->redo();
    EXPECT_NEAR(rootValue(m.doc()), 0.4998743766, 1e-9);
}

TEST(AddLoss, TakenNamesGetASuffix) {
    // mlp-1-2-2 already has `target` and `loss`.
    GraphDocument doc;
    const Example* e = findExample("mlp-1-2-2");
    doc.setProgram(parseProgram(e->source, "mlp-1-2-2.bpg"), QString::fromStdString(e->source));
    const LossAddition added = addMseLoss(doc, Matrix::Constant(1, 1, 0.25));
    EXPECT_EQ(added.targetName, QStringLiteral("target_2"));
    EXPECT_EQ(added.lossName, QStringLiteral("loss_2"));
    EXPECT_EQ(doc.graph().node(doc.root()).name(), "loss_2");
    const double loss = 0.4998743766;
    EXPECT_NEAR(rootValue(doc), (loss - 0.25) * (loss - 0.25), 1e-9);
    EXPECT_TRUE(doc.sourceText().contains(QStringLiteral("# One input x = 1")));  // the user's comments stay
}

TEST(AddLoss, BackwardStatementEndedBySemicolonIsReplaced) {
    GraphDocument doc;
    const QString text = QStringLiteral("input x = 2; y = x * 3; backward y; z = y + 1\n");
    doc.setProgram(parseProgram(text.toStdString()), text);
    ASSERT_EQ(doc.graph().node(doc.root()).name(), "y");
    const LossAddition added = addMseLoss(doc, Matrix::Constant(1, 1, 4.0));
    EXPECT_EQ(doc.graph().node(doc.root()).name(), "loss");
    EXPECT_NEAR(rootValue(doc), 4.0, 1e-12);  // (6 - 4)^2
    EXPECT_TRUE(added.source.contains(QStringLiteral("It replaces: backward y"))) << added.source.toStdString();
}

TEST(AddLoss, WrongShapeOrNoRootIsExplained) {
    Model2 m;
    try {
        sourceWithMseLoss(m.doc().program(), m.doc().sourceText(), rowOf({1, 0, 0}));
        FAIL() << "a 1x3 target for a 1x2 output was accepted";
    } catch (const std::runtime_error& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("1x3"), std::string::npos) << message;
        EXPECT_NE(message.find("1x2"), std::string::npos) << message;
    }
    EXPECT_THROW(sourceWithMseLoss(Program{}, QString(), Matrix::Zero(1, 1)), std::runtime_error);
}

TEST(AddLossDialog, PrefilledWithZerosAndKeepsBadInputOpen) {
    Model2 m;
    AddLossDialog dialog(&m.doc());
    EXPECT_EQ(dialog.targetEdit()->text(), QStringLiteral("[[0, 0]]"));
    const int undoBefore = m.doc().undoStack()->count();
    dialog.targetEdit()->setText(QStringLiteral("[[1, 0"));
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_FALSE(dialog.errorText().isEmpty());
    dialog.targetEdit()->setText(QStringLiteral("[1, 0]"));  // a 2x1 column: the wrong shape
    dialog.accept();
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("2x1"))) << dialog.errorText().toStdString();
    EXPECT_EQ(m.doc().undoStack()->count(), undoBefore);
    dialog.targetEdit()->setText(QStringLiteral("[[1, 0]]"));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.addedLoss(), QStringLiteral("loss"));
    EXPECT_EQ(m.doc().undoStack()->count(), undoBefore + 1);
}

}  // namespace
}  // namespace bp
