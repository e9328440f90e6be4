// SPDX-License-Identifier: GPL-3.0-or-later
// The deep chain of the vanishing-gradient demo: the same graph as deep-sigmoid.bpg, its layer
// gradients against PyTorch (tests/data/training/make_training_reference.py), and the shrink of
// at least 4x per sigmoid layer that the demo is there to show.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/language/parser.h"
#include "core/train/deep_chain.h"
#include "test_support.h"

namespace bp {
namespace {

void expectSameGraph(const Program& a, const Program& b) {
    ASSERT_EQ(a.graph.size(), b.graph.size());
    for (NodeId id = 0; id < a.graph.size(); ++id) {
        const Node& x = a.graph.node(id);
        const Node& y = b.graph.node(id);
        SCOPED_TRACE("node " + std::to_string(id) + " " + x.name());
        EXPECT_EQ(x.named, y.named);
        if (x.named) {
            EXPECT_EQ(x.name(), y.name());
        }
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.op ? x.op->name : "", y.op ? y.op->name : "");
        EXPECT_EQ(x.inputs, y.inputs);
        EXPECT_EQ(x.shape, y.shape);
        if (x.isLeaf()) {
            EXPECT_EQ(x.leafValue(), y.leafValue());
        }
    }
    EXPECT_EQ(a.root, b.root);
    EXPECT_EQ(a.seed, b.seed);
}

TEST(DeepChain, DepthEightSigmoidIsTheShippedExample) {
    const Program shipped = loadProgramFile(test::examplePath("deep-sigmoid"));
    expectSameGraph(makeDeepChain(8, "sigmoid"), shipped);
}

TEST(DeepChain, WrittenTextParsesBackToTheSameGraph) {
    for (const std::string& act : deepChainActivations()) {
        const Program chain = makeDeepChain(5, act);
        expectSameGraph(parseProgram(writeProgram(chain), "chain.bpg"), chain);
    }
}

TEST(DeepChain, RefusesBadDepthsAndActivations) {
    EXPECT_THROW(makeDeepChain(0, "sigmoid"), std::invalid_argument);
    EXPECT_THROW(makeDeepChain(31, "sigmoid"), std::invalid_argument);
    EXPECT_THROW(makeDeepChain(-5, "relu"), std::invalid_argument);
    EXPECT_THROW(makeDeepChain(3, "exp"), std::invalid_argument);
    try {
        makeDeepChain(3, "softplus");
        FAIL() << "accepted softplus";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("softplus"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(makeDeepChain(1, "tanh"));
    EXPECT_NO_THROW(makeDeepChain(30, "relu"));
}

TEST(DeepChain, RecognizesChainsAndNothingElse) {
    const auto chain = recognizeDeepChain(makeDeepChain(12, "tanh"));
    ASSERT_TRUE(chain.has_value());
    EXPECT_EQ(chain->depth, 12);
    EXPECT_EQ(chain->activation, "tanh");
    EXPECT_FALSE(recognizeDeepChain(loadProgramFile(test::examplePath("mlp-1-2-2"))).has_value());
    EXPECT_FALSE(recognizeDeepChain(parseProgram("input x = 1\nz1 = x * 2\nh1 = exp(z1)\n")).has_value());
    EXPECT_FALSE(recognizeDeepChain(parseProgram("input x = 1\nz1 = x * 2\nh1 = sigmoid(z1)\n"
                                                 "z2 = h1 * 2\nh2 = relu(z2)\n"))
                     .has_value());
}

TEST(DeepChain, LayerGradientsMatchPyTorch) {
    const auto ref = test::readJson(test::dataPath("training/training-reference.json"))["chains"];
    ASSERT_GE(ref.size(), 9u);
    for (const auto& c : ref) {
        const int depth = c["depth"];
        const std::string act = c["activation"];
        SCOPED_TRACE(act + " depth " + std::to_string(depth));
        const Program p = makeDeepChain(depth, act);
        const Evaluation e = evaluate(p);
        EXPECT_NEAR(e.values[p.root](0, 0), c["loss"].get<double>(), 1e-15);
        const auto layers = layerGradients(p, e);
        ASSERT_EQ(layers.size(), std::size_t(depth));
        for (int k = 0; k < depth; ++k) {
            const double expected = std::abs(c["z_grads"][k].get<double>());
            EXPECT_EQ(layers[k].layer, k + 1);
            EXPECT_EQ(p.graph.node(layers[k].node).name(), "z" + std::to_string(k + 1));
            EXPECT_NEAR(layers[k].norm, expected, 1e-12 * expected) << "layer " << k + 1;
            // The size is the engine's gradient of z_k, nothing recomputed beside it.
            EXPECT_EQ(layers[k].norm, std::abs(e.grads[layers[k].node](0, 0)));
        }
    }
}

TEST(DeepChain, SigmoidShrinksAtLeastFourTimesPerLayer) {
    const Program p = makeDeepChain(30, "sigmoid");
    const auto layers = layerGradients(p, evaluate(p));
    for (std::size_t k = 0; k + 1 < layers.size(); ++k)
        EXPECT_GE(layers[k + 1].norm / layers[k].norm, 4.0) << "from z" << k + 2 << " to z" << k + 1;
    // ... while relu passes it unchanged here (every z_k = 0.5 > 0, every w = 1).
    const Program r = makeDeepChain(30, "relu");
    for (const LayerGradient& l : layerGradients(r, evaluate(r))) EXPECT_EQ(l.norm, 1.0);
}

TEST(DeepChain, LayerGradientSizeOfMatricesAndNonFiniteEntries) {
    Program p = parseProgram("param w = [[3, 0], [0, 4]]\ninput x = [1, 1]\nz1 = w @ x\nloss = sum(z1)\n");
    Evaluation e = evaluate(p);
    e.grads.matrix(p.graph.find("z1")) << 3, 4;
    EXPECT_DOUBLE_EQ(layerGradients(p, e)[0].norm, 5.0);
    e.grads.matrix(p.graph.find("z1")) << 1e300, 1e300;  // sqrt(2)·1e300: no overflow on the way
    EXPECT_NEAR(layerGradients(p, e)[0].norm, std::sqrt(2.0) * 1e300, 1e286);
    e.grads.matrix(p.graph.find("z1")) << 1, std::numeric_limits<double>::infinity();
    EXPECT_TRUE(std::isinf(layerGradients(p, e)[0].norm));
    e.grads.matrix(p.graph.find("z1")) << std::nan(""), 1;
    EXPECT_TRUE(std::isnan(layerGradients(p, e)[0].norm));
}

}  // namespace
}  // namespace bp
