// SPDX-License-Identifier: GPL-3.0-or-later
// An imported ONNX model reads with short labels that Add MSE loss keeps; the Inspector names the
// file's original; F2 renames the selected node on the canvas and in the Source text as one undo
// step, and refuses a name that cannot be taken, saying why.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <map>

#include "ui/canvas/graph_scene.h"
#include "ui/canvas/graph_view.h"
#include "ui/canvas/node_item.h"
#include "ui/document/graph_document.h"
#include "ui/panels/inspector_dock.h"
#include "ui/panels/source_dock.h"
#include "ui/panels/source_editor.h"
#include "ui/window/add_loss.h"
#include "ui/window/main_window.h"
#include "ui/window/rename_dialog.h"

namespace bp {
namespace {

std::map<std::string, std::string> labelsByName(const Graph& g) {
    std::map<std::string, std::string> out;
    for (NodeId id = 0; id < g.size(); ++id)
        if (g.node(id).named) out[g.node(id).name()] = g.node(id).label();
    return out;
}

struct Imported {
    explicit Imported(const char* file) {
        window.resize(1280, 720);
        const QString error = window.openFile(QStringLiteral(BPS_TEST_DATA "/onnx/") + QString::fromLatin1(file));
        EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    }
    GraphDocument& doc() { return *window.document(); }
    MainWindow window;
};

// Waits for the next rename dialog, types `name` into it and presses OK; what it said stays in
// `said`. A dialog that stays open (the name refused) is then cancelled when `cancelAfter`.
void answerRename(const QString& name, QString* said, bool cancelAfter = false) {
    auto* timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, [=] {
        auto* dialog = qobject_cast<RenameDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        timer->stop();
        timer->deleteLater();
        dialog->nameEdit()->setText(name);
        dialog->accept();
        *said = dialog->errorText();
        if (cancelAfter && dialog->isVisible()) dialog->reject();
    });
    timer->start(10);
}

TEST(OnnxLabels, AreShortAfterImport) {
    for (const char* file : {"model2.onnx", "gemm_tanh.onnx", "matmul_add_relu_3d.onnx", "activations.onnx"}) {
        Imported m(file);
        const Graph& g = m.doc().graph();
        ASSERT_GT(g.size(), 0) << file;
        for (NodeId id = 0; id < g.size(); ++id) {
            const std::string& label = g.node(id).label();
            EXPECT_EQ(label.find("onnx::"), std::string::npos) << file << ": " << label;
            EXPECT_NE(label.front(), '/') << file << ": " << label;
            EXPECT_LE(label.size(), 16u) << file << ": " << label;
        }
        EXPECT_EQ(g.node(m.doc().root()).label(), "output") << file;
    }
}

TEST(OnnxLabels, OnnxLabelsSurviveAddMseLoss) {
    for (const char* file : {"model2.onnx", "gemm_tanh.onnx"}) {
        Imported m(file);
        const auto before = labelsByName(m.doc().graph());
        const Shape out = m.doc().graph().node(m.doc().root()).shape;
        addMseLoss(m.doc(), Matrix::Zero(out.rows, out.cols));
        ASSERT_EQ(m.doc().graph().node(m.doc().root()).name(), "loss") << file;
        const auto after = labelsByName(m.doc().graph());
        for (const auto& [name, label] : before) {
            ASSERT_TRUE(after.count(name)) << file << ": " << name << " is gone";
            EXPECT_EQ(after.at(name), label) << file << ": " << name;
        }
        // and the Inspector still names the file's original
        const NodeId w = m.doc().graph().find(std::string(file) == "model2.onnx" ? "w1" : "_0_weight");
        ASSERT_GE(w, 0);
        EXPECT_FALSE(m.doc().originalName(w).isEmpty()) << file;
    }
}

TEST(OnnxLabels, InspectorShowsTheOriginalName) {
    Imported m("model2.onnx");
    const NodeId w1 = m.doc().graph().find("w1");
    ASSERT_GE(w1, 0);
    m.doc().setSelectedNode(w1);
    const QString header = m.window.inspectorDock()->headerText();
    EXPECT_TRUE(header.contains(QStringLiteral("<b>w1</b>"))) << header.toStdString();
    EXPECT_TRUE(header.contains(QStringLiteral("onnx::MatMul_9"))) << header.toStdString();

    Imported g("gemm_tanh.onnx");
    g.doc().setSelectedNode(g.doc().graph().find("_0_weight"));
    const QString weight = g.window.inspectorDock()->headerText();
    EXPECT_TRUE(weight.contains(QStringLiteral("<b>0.weight</b>"))) << weight.toStdString();
    EXPECT_TRUE(weight.contains(QStringLiteral("_0_weight"))) << weight.toStdString();  // its name in the source
}

TEST(OnnxLabels, F2RenamesOnTheCanvasAndInTheSourceAndUndoRestores) {
    Imported m("model2.onnx");
    GraphDocument& doc = m.doc();
    const NodeId w1 = doc.graph().find("w1");
    ASSERT_GE(w1, 0);
    doc.setSelectedNode(w1);
    const QPointF where = m.window.scene()->nodeItem(w1)->pos();
    const QString sourceBefore = doc.sourceText();
    ASSERT_TRUE(sourceBefore.contains(QStringLiteral("w1")));
    const int undoBefore = doc.undoStack()->count();

    m.window.show();
    m.window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&m.window));
    QString said;
    answerRename(QStringLiteral("hidden_weight"), &said);
    QTest::keyClick(m.window.view(), Qt::Key_F2);  // the canvas has the focus
    EXPECT_TRUE(said.isEmpty()) << said.toStdString();
    EXPECT_EQ(doc.graph().node(w1).name(), "hidden_weight");
    EXPECT_EQ(doc.graph().node(w1).label(), "hidden_weight");  // what the canvas writes as its title
    EXPECT_EQ(doc.selectedNode(), w1);
    EXPECT_EQ(m.window.scene()->nodeItem(w1)->pos(), where);
    const QString source = m.window.sourceDock()->editor()->toPlainText();
    EXPECT_EQ(source, doc.sourceText());
    EXPECT_FALSE(source.contains(QRegularExpression(QStringLiteral("\\bw1\\b")))) << source.toStdString();
    EXPECT_GE(source.count(QStringLiteral("hidden_weight")), 2) << source.toStdString();  // declared and used
    EXPECT_EQ(doc.undoStack()->count(), undoBefore + 1);
    EXPECT_EQ(doc.originalName(w1), QStringLiteral("onnx::MatMul_9"));

    doc.undoStack()->undo();
    EXPECT_EQ(doc.graph().node(w1).name(), "w1");
    EXPECT_EQ(doc.sourceText(), sourceBefore);
    EXPECT_EQ(m.window.sourceDock()->editor()->toPlainText(), sourceBefore);
    EXPECT_EQ(m.window.scene()->nodeItem(w1)->pos(), where);
    doc.undoStack()->redo();
    EXPECT_EQ(doc.graph().node(w1).name(), "hidden_weight");
}

TEST(OnnxLabels, AnInvalidNameIsRefusedWithAMessage) {
    Imported m("model2.onnx");
    GraphDocument& doc = m.doc();
    const NodeId w1 = doc.graph().find("w1");
    doc.setSelectedNode(w1);
    const QString sourceBefore = doc.sourceText();
    const int undoBefore = doc.undoStack()->count();
    const std::map<QString, QString> refused{{QStringLiteral("w2"), QStringLiteral("Another node is already called “w2”")},
                                             {QStringLiteral("0.weight"), QStringLiteral("is not a name")},
                                             {QStringLiteral("param"), QStringLiteral("is a word of the language")},
                                             {QString(), QStringLiteral("Type a name")}};
    for (const auto& [name, reason] : refused) {
        QString said;
        answerRename(name, &said, true);
        m.window.renameAction()->trigger();
        EXPECT_TRUE(said.contains(reason)) << name.toStdString() << ": " << said.toStdString();
        EXPECT_EQ(doc.graph().node(w1).name(), "w1");
    }
    EXPECT_EQ(doc.sourceText(), sourceBefore);
    EXPECT_EQ(doc.undoStack()->count(), undoBefore);
}

}  // namespace
}  // namespace bp
