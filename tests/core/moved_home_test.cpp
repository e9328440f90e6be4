// SPDX-License-Identifier: GPL-3.0-or-later
// Plain logic that lived in the ui and was tested only through widget tests, tested here on its
// own: the source patch of a live edit, the effect of an edit on the loss, scrubbing a value.
#include <gtest/gtest.h>

#include <cmath>

#include "core/graph/value_scrub.h"
#include "core/language/literal_text.h"
#include "core/language/parser.h"
#include "core/language/source_patch.h"
#include "core/trace/edit_effect.h"
#include "core/trace/evaluation.h"

namespace bp {
namespace {

TEST(SourcePatch, RewritesOnlyTheLiteralAndKeepsCommentsAndLayout) {
    std::string source = "# weights\nparam w = [[1],   [2]]  # as written\ninput x = 3\ny = sum(w * x)\n";
    Program p = parseProgram(source, "t.bpg");
    const NodeId w = p.graph.find("w");
    const NodeId x = p.graph.find("x");
    const Matrix before = p.graph.node(w).leafValue();
    p.graph.setLeafValue(w, (Matrix(2, 1) << 1.5, 2).finished());
    LiteralSpellings spellings;
    ASSERT_TRUE(spellings.rewrite(source, p.graph, w, before));
    // In the literal's own layout: only the numbers change.
    EXPECT_EQ(source, "# weights\nparam w = [[1.5],   [2]]  # as written\ninput x = 3\ny = sum(w * x)\n");
    // The positions after the edit moved with the text: x's literal is still found.
    p.graph.setLeafValue(x, Matrix::Constant(1, 1, 4));
    ASSERT_TRUE(spellings.rewrite(source, p.graph, x, Matrix::Constant(1, 1, 3)));
    EXPECT_EQ(source, "# weights\nparam w = [[1.5],   [2]]  # as written\ninput x = 4\ny = sum(w * x)\n");
    // Back to the value as first written: the spelling as first written.
    p.graph.setLeafValue(w, before);
    ASSERT_TRUE(spellings.rewrite(source, p.graph, w, (Matrix(2, 1) << 1.5, 2).finished()));
    EXPECT_EQ(source, "# weights\nparam w = [[1],   [2]]  # as written\ninput x = 4\ny = sum(w * x)\n");
    EXPECT_EQ(parseProgram(source, "t.bpg").graph.node(x).leafValue()(0, 0), 4);
}

// Trained weights are written where they stood, in the shortest text that reads back exactly: a
// matrix written over several lines (with a comment inside) stays so, and the program parses
// back to the trained values bit for bit.
TEST(SourcePatch, TrainedWeightsKeepTheLayoutOfTheirLiterals) {
    std::string source =
        "input x = [[1], [-2]]\n"
        "param w = [[0.5, -0.25],   # first row\n"
        "           [1,    2]]\n"
        "param b = 0.1\n"
        "loss = sum(sigmoid(w @ x + b))\n";
    Program p = parseProgram(source, "t.bpg");
    const NodeId w = p.graph.find("w"), b = p.graph.find("b");
    const Evaluation e = evaluate(p, TraceMode::Skip);
    LiteralSpellings spellings;
    for (NodeId id : {w, b}) {
        const Matrix before = p.graph.node(id).leafValue();
        p.graph.setLeafValue(id, before - 0.37 * e.grads[id]);
        ASSERT_TRUE(spellings.rewrite(source, p.graph, id, before));
    }
    const Matrix& nw = p.graph.node(w).leafValue();
    const std::string expected = "input x = [[1], [-2]]\n"
                                 "param w = [[" + numberText(nw(0, 0)) + ", " + numberText(nw(0, 1)) +
                                 "],   # first row\n"
                                 "           [" + numberText(nw(1, 0)) + ",    " + numberText(nw(1, 1)) + "]]\n"
                                 "param b = " + numberText(p.graph.node(b).leafValue()(0, 0)) + "\n"
                                 "loss = sum(sigmoid(w @ x + b))\n";
    EXPECT_EQ(source, expected);
    const Program back = parseProgram(source, "t.bpg");
    EXPECT_EQ(back.graph.node(back.graph.find("w")).leafValue(), nw);
    EXPECT_EQ(back.graph.node(back.graph.find("b")).leafValue(), p.graph.node(b).leafValue());
    // The shortest text: no 17-digit spelling where fewer digits read back the same.
    EXPECT_EQ(numberText(0.75), "0.75");
}

TEST(SourcePatch, RefusesWhenTheTextNoLongerHoldsTheLiteral) {
    std::string source = "param w = 2\ny = w * w\n";
    Program p = parseProgram(source, "t.bpg");
    std::string other = "something else entirely\n";
    EXPECT_FALSE(patchLeafLiteral(other, p.graph, p.graph.find("w")));
    EXPECT_EQ(other, "something else entirely\n");
}

TEST(EditEffect, PredictsTheFirstOrderChangeAndMeasuresTheActualOne) {
    // L = w², at w = 3: g = 6; w → 3.1 predicts ΔL ≈ 0.6, actually 9.61 − 9 = 0.61.
    Program p = parseProgram("param w = 3\nL = w ^ 2\n", "t.bpg");
    const NodeId w = p.graph.find("w");
    EditEffect effect = effectBefore(p, evaluate(p), false, w, -1);
    p.graph.setLeafValue(w, Matrix::Constant(1, 1, 3.1));
    finishEffect(effect, p, evaluate(p));
    ASSERT_TRUE(effect.valid());
    EXPECT_NEAR(effect.predicted(), 0.6, 1e-12);
    EXPECT_NEAR(effect.actual(), 0.61, 1e-12);
    EXPECT_FALSE(effect.continuedBy(w, -1));
}

TEST(ValueScrub, StepsFollowTheSizeAndLandOnTheStepsDecimals) {
    EXPECT_EQ(scrubStep(6), 0.01);
    EXPECT_EQ(scrubStep(-42), 0.1);
    EXPECT_EQ(scrubStep(250), 1);
    EXPECT_EQ(scrubbed(6, 2, 0.01), 6.02);
    EXPECT_EQ(scrubbed(0.1, 2, 0.1), 0.3);  // not 0.30000000000000004
    ValueScrub drag;
    drag.start = (Matrix(1, 2) << 6, 7).finished();
    drag.col = 1;
    drag.pressX = 100;
    const Matrix moved = drag.valueAt(105);
    EXPECT_EQ(moved(0, 0), 6);
    EXPECT_NE(moved(0, 1), 7);
    EXPECT_TRUE(std::isfinite(moved(0, 1)));
}

}  // namespace
}  // namespace bp
