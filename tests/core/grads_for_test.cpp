// SPDX-License-Identifier: GPL-3.0-or-later
// An optimizer step asks the backward pass only for the gradients of what depends on a param:
// the params' gradients come out bit for bit as from a full pass, and a batch of inputs costs
// nothing (its gradient is not computed, so it stays zero).
#include <gtest/gtest.h>

#include "core/language/parser.h"
#include "core/trace/evaluation.h"
#include "test_support.h"

namespace bp {
namespace {

Evaluation backward(const Program& p, GradsFor which) {
    Evaluation eval;
    runForward(p.graph, eval);
    zeroGrad(p.graph, eval);
    runBackward(p.graph, p.root, p.seed, eval, TraceMode::Skip, which);
    return eval;
}

TEST(GradsFor, ParamsGivesTheParamsGradientsAndSkipsTheInputs) {
    for (const char* name : {"mlp-1-2-2", "xor", "spirals", "deep-sigmoid"}) {
        SCOPED_TRACE(name);
        const Program p = parseProgram(test::readFile(test::examplePath(name)), std::string(name) + ".bpg");
        const Evaluation every = backward(p, GradsFor::Every), params = backward(p, GradsFor::Params);
        int checked = 0, skipped = 0;
        for (NodeId id = 0; id < p.graph.size(); ++id) {
            const Node& node = p.graph.node(id);
            if (node.kind == NodeKind::Param) {
                EXPECT_EQ(params.grads[id], every.grads[id]) << node.name();  // exactly
                ++checked;
            } else if (node.isLeaf()) {
                EXPECT_TRUE(params.grads[id].isZero(0)) << node.name();
                skipped += !every.grads[id].isZero(0);
            }
        }
        EXPECT_GT(checked, 0);
        EXPECT_GT(skipped, 0);  // an input whose gradient the full pass computes
        EXPECT_TRUE(params.trace.backward.empty());
    }
}

// The trace needs every edge: recording ignores GradsFor::Params.
TEST(GradsFor, RecordingAlwaysComputesEveryGradient) {
    const Program p = parseProgram(test::readFile(test::examplePath("mlp-1-2-2")), "mlp-1-2-2.bpg");
    Evaluation eval;
    runForward(p.graph, eval);
    zeroGrad(p.graph, eval);
    runBackward(p.graph, p.root, p.seed, eval, TraceMode::Record, GradsFor::Params);
    EXPECT_FALSE(eval.grads[p.graph.find("x")].isZero(0));
    EXPECT_EQ(eval.trace.backward.size(), std::size_t(8));
}

}  // namespace
}  // namespace bp
