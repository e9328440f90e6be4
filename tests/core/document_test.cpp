// SPDX-License-Identifier: GPL-3.0-or-later
// The opened graph without Qt: its text, its numbers and its step agree after every change.
#include <gtest/gtest.h>

#include "core/document/document.h"
#include "core/language/parser.h"
#include "test_support.h"

namespace bp {
namespace {

const char* kChain = "param a = 2\nparam b = 1\nc = a + b\nd = b + 1\ne = c * d\n";

Document open(const std::string& text) {
    Document doc;
    doc.setProgram(parseProgram(text, "chain"), text);
    return doc;
}

Matrix scalar(double x) { return Matrix::Constant(1, 1, x); }

TEST(Document, OpensAtTheEndWithEveryGradient) {
    const Document doc = open(kChain);
    EXPECT_EQ(doc.cursor().position(), doc.cursor().last());
    EXPECT_EQ(doc.selectedNode(), -1);
    EXPECT_EQ(doc.evaluation().values[doc.root()](0, 0), 6.0);
    EXPECT_EQ(doc.evaluation().grads[doc.graph().find("b")](0, 0), 5.0);  // (b+1) + (a+b)
    EXPECT_EQ(doc.backwardPasses(), 1);
}

TEST(Document, AnEditGivesTheNumbersOfAFreshEvaluationAndRewritesTheLiteral) {
    Document doc = open(kChain);
    const NodeId a = doc.graph().find("a");
    doc.setCursorPosition(2);
    doc.applyLeafValues({{a, scalar(3)}});
    Program fresh = parseProgram("param a = 3\nparam b = 1\nc = a + b\nd = b + 1\ne = c * d\n");
    const Evaluation expected = evaluate(fresh);
    for (NodeId id = 0; id < doc.graph().size(); ++id) {
        EXPECT_EQ(doc.evaluation().values[id], expected.values[id]) << id;
        EXPECT_EQ(doc.evaluation().grads[id], expected.grads[id]) << id;
    }
    EXPECT_EQ(doc.source(), "param a = 3\nparam b = 1\nc = a + b\nd = b + 1\ne = c * d\n");
    EXPECT_EQ(doc.cursor().position(), 2);  // the step stays
    ASSERT_TRUE(doc.previousValue(doc.root()).has_value());
    EXPECT_EQ((*doc.previousValue(doc.root()))(0, 0), 6.0);
    EXPECT_FALSE(doc.lastEdit().valid());  // not begun as the user's edit
}

TEST(Document, TheUsersEditMeasuresWhatTheGradientPredicted) {
    Document doc = open(kChain);
    const NodeId b = doc.graph().find("b");
    doc.beginEdit(b, -1);
    doc.applyLeafValues({{b, scalar(1.5)}}, true);
    ASSERT_TRUE(doc.lastEdit().valid());
    EXPECT_DOUBLE_EQ(doc.lastEdit().predicted(), 5.0 * 0.5);
    EXPECT_DOUBLE_EQ(doc.lastEdit().actual(), 3.5 * 2.5 - 6.0);
}

TEST(Document, ReworkedInPlaceItKeepsTheStepAndTheSelectedNodeByName) {
    Document doc = open(kChain);
    doc.setCursorPosition(doc.cursor().forwardCount() + 2);  // Backward 2
    doc.setSelectedNode(doc.graph().find("d"));
    const std::string text = "input x = 5\nparam a = 2\nparam b = 1\nc = a + b\nd = b + 1\ne = c * d\n";
    doc.replaceProgramInPlace(parseProgram(text), text);
    EXPECT_TRUE(doc.replacedInPlace());
    EXPECT_EQ(doc.cursor().phase(), Phase::Backward);
    EXPECT_EQ(doc.cursor().indexInPhase(), 2);
    EXPECT_EQ(doc.selectedNode(), doc.graph().find("d"));
    EXPECT_EQ(doc.source(), text);
}

TEST(Document, BackwardAgainAddsLeafGradientsAndZeroGradClearsThem) {
    Document doc = open(kChain);
    const NodeId b = doc.graph().find("b");
    doc.backwardAgain();
    EXPECT_EQ(doc.evaluation().grads[b](0, 0), 10.0);
    EXPECT_TRUE(doc.gradientsAccumulated());
    doc.zeroGradients();
    EXPECT_EQ(doc.evaluation().grads[b](0, 0), 0.0);
    EXPECT_EQ(doc.backwardPasses(), 0);
    EXPECT_EQ(doc.cursor().backwardCount(), 0);
    doc.recompute();
    EXPECT_EQ(doc.evaluation().grads[b](0, 0), 5.0);
    EXPECT_EQ(doc.backwardPasses(), 1);
}

}  // namespace
}  // namespace bp
