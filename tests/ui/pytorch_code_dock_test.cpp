// SPDX-License-Identifier: GPL-3.0-or-later
// The PyTorch panel: core's script of the current graph, following edits, saved as a student would.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

#include "core/language/parser.h"
#include "ui/document/graph_document.h"
#include "ui/panels/pytorch_code_dock.h"

namespace bp {
namespace {

// The PyTorch panel shows core's script and follows value edits.
TEST(PyTorchCodeDock, ShowsTheScriptAndFollowsEdits) {
    GraphDocument doc;
    const Program program = loadProgramFile(std::string(BPS_EXAMPLES) + "/chain-rule.bpg");
    doc.setProgram(program, QString());
    PyTorchCodeDock dock(&doc);
    dock.refreshNow();
    EXPECT_TRUE(dock.scriptText().contains(QStringLiteral("\nc = a + b\n"))) << dock.scriptText().toStdString();
    EXPECT_TRUE(dock.scriptText().contains(QStringLiteral("a = torch.tensor([[2.0]], requires_grad=True)")));
    doc.applyLeafValue(program.graph.find("a"), Matrix::Constant(1, 1, -3.5));
    dock.refreshNow();
    EXPECT_TRUE(dock.scriptText().contains(QStringLiteral("a = torch.tensor([[-3.5]], requires_grad=True)")))
        << dock.scriptText().toStdString();

    const QString path = QDir::temp().filePath(QStringLiteral("bps-pytorch-dock-test.py"));
    EXPECT_TRUE(dock.saveTo(path).isEmpty());
    QFile saved(path);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(saved.readAll()), dock.scriptText());
    saved.remove();
    EXPECT_FALSE(dock.saveTo(QStringLiteral("/nonexistent-dir/x.py")).isEmpty());
}

}  // namespace
}  // namespace bp
