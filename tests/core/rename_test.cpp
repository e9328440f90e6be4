// SPDX-License-Identifier: GPL-3.0-or-later
// Renaming a node: every use in the source is rewritten (and nothing else), the graph keeps its
// nodes, values and step; a name that cannot be taken is refused with the reason, changing nothing.
#include <gtest/gtest.h>

#include "core/document/document.h"
#include "core/io/onnx_import.h"
#include "core/language/parser.h"
#include "core/language/source_rename.h"

namespace bp {
namespace {

const char* kText = "# w times x: w is the weight\ninput x = 2\nparam w = 3\nwx = w * x\ny = wx + w  # w again\n";

Document open(const std::string& text) {
    Document doc;
    doc.setProgram(parseProgram(text, "t.bpg"), text);
    return doc;
}

TEST(RenameInSource, RewritesEveryUseAndNothingElse) {
    int count = 0;
    const std::string out = renameInSource(kText, "w", "weight", &count);
    EXPECT_EQ(count, 3);
    EXPECT_EQ(out, "# w times x: w is the weight\ninput x = 2\nparam weight = 3\nwx = weight * x\ny = wx + weight  # w again\n");
    EXPECT_EQ(renameInSource(kText, "v", "q", &count), kText);
    EXPECT_EQ(count, 0);
}

TEST(DocumentRename, RenamesTheNodeAndTheSourceKeepingTheNumbersAndTheStep) {
    Document doc = open(kText);
    const NodeId w = doc.graph().find("w");
    doc.setSelectedNode(w);
    doc.setCursorPosition(2);
    const double y = doc.evaluation().values[doc.root()](0, 0);
    ASSERT_EQ(doc.renameNode(w, "weight"), RenameRefusal::None);
    EXPECT_EQ(doc.graph().find("weight"), w);
    EXPECT_EQ(doc.graph().find("w"), -1);
    EXPECT_EQ(doc.graph().node(w).label(), "weight");
    EXPECT_NE(doc.source().find("y = wx + weight"), std::string::npos) << doc.source();
    EXPECT_EQ(doc.selectedNode(), w);
    EXPECT_EQ(doc.cursor().position(), 2);
    EXPECT_EQ(doc.evaluation().values[doc.root()](0, 0), y);
    // The text reads back as the same graph, with the node where the text now puts it.
    const Program reread = parseProgram(doc.source(), "again");
    ASSERT_GE(reread.graph.find("weight"), 0);
    EXPECT_EQ(reread.graph.node(reread.graph.find("weight")).pos.line, doc.graph().node(w).pos.line);
    EXPECT_EQ(reread.graph.node(reread.graph.find("y")).pos.column, doc.graph().node(doc.graph().find("y")).pos.column);
    // Back, with a label that is no name.
    ASSERT_EQ(doc.renameNode(w, "w", "w (the weight)"), RenameRefusal::None);
    EXPECT_EQ(doc.source(), kText);
    EXPECT_EQ(doc.graph().node(w).label(), "w (the weight)");
}

TEST(DocumentRename, RefusesWhatCannotBeANameChangingNothing) {
    Document doc = open(kText);
    const NodeId w = doc.graph().find("w");
    EXPECT_EQ(doc.renameNode(w, ""), RenameRefusal::Empty);
    EXPECT_EQ(doc.renameNode(w, "2w"), RenameRefusal::NotAName);
    EXPECT_EQ(doc.renameNode(w, "w.b"), RenameRefusal::NotAName);
    EXPECT_EQ(doc.renameNode(w, "a b"), RenameRefusal::NotAName);
    EXPECT_EQ(doc.renameNode(w, "param"), RenameRefusal::Keyword);
    EXPECT_EQ(doc.renameNode(w, "x"), RenameRefusal::Taken);
    EXPECT_EQ(doc.renameNode(w, "w"), RenameRefusal::None);  // its own name: nothing to do
    EXPECT_EQ(doc.source(), kText);
    EXPECT_EQ(doc.graph().find("w"), w);
    // An inner node of an expression has no name to rewrite.
    Document inner = open("input x = 2\ny = x * x + 1\n");
    NodeId anonymous = -1;
    for (NodeId id = 0; id < inner.graph().size(); ++id)
        if (!inner.graph().node(id).named && !inner.graph().node(id).isLeaf()) anonymous = id;
    ASSERT_GE(anonymous, 0);
    EXPECT_EQ(inner.renameNode(anonymous, "xx"), RenameRefusal::Anonymous);
}

TEST(DocumentRename, AFunctionsNameThatTheTextCannotTakeIsRefused) {
    Document doc = open(kText);
    const NodeId w = doc.graph().find("w");
    // Whatever the language reads a name as, the rename is refused or the text still parses.
    for (const char* name : {"sigmoid", "mse", "relu", "sum"}) {
        const RenameRefusal r = doc.renameNode(w, name);
        if (r == RenameRefusal::None) {
            EXPECT_NO_THROW(parseProgram(doc.source(), "renamed")) << name;
            ASSERT_EQ(doc.renameNode(w, "w"), RenameRefusal::None);
        } else {
            EXPECT_EQ(r, RenameRefusal::NotInText) << name;
        }
        EXPECT_EQ(doc.source().find("w = 3") != std::string::npos, true) << name;
    }
}

// An imported model's labels and original names survive the text being applied again (what Add
// MSE loss does), and a rename carries the original name along.
TEST(DocumentRename, ImportedLabelsSurviveTheSourceAppliedAgain) {
    const Program imported = importOnnxFile(std::string(BPS_TEST_DATA) + "/onnx/gemm_tanh.onnx");
    Document doc;
    doc.setProgram(imported, writeProgram(imported));
    const std::string text = doc.source() + "\nconst target = [[0, 0]]\nloss = mse(output, target)\n";
    doc.replaceProgramInPlace(parseProgram(text, "source"), text);
    for (NodeId id = 0; id < imported.graph.size(); ++id) {
        const Node& before = imported.graph.node(id);
        if (!before.named) continue;
        const NodeId now = doc.graph().find(before.name());
        ASSERT_GE(now, 0) << before.name();
        EXPECT_EQ(doc.graph().node(now).label(), before.label());
        EXPECT_EQ(doc.originalName(now), imported.originalNames.at(before.name()));
    }
    const NodeId w = doc.graph().find("_0_weight");
    ASSERT_GE(w, 0);
    EXPECT_EQ(doc.graph().node(w).label(), "0.weight");
    ASSERT_EQ(doc.renameNode(w, "fc1_weight"), RenameRefusal::None);
    EXPECT_EQ(doc.originalName(w), "0.weight");
    EXPECT_EQ(doc.graph().node(w).label(), "fc1_weight");
}

}  // namespace
}  // namespace bp
