// SPDX-License-Identifier: GPL-3.0-or-later
// The engine against PyTorch: the reference numbers of the shipped examples, and a set of graphs
// generated with python3-torch (tests/data/make_golden.py) covering every op, broadcasting,
// fan-out, vector roots with seeds and SGD with momentum.
#include <gtest/gtest.h>

#include "core/language/parser.h"
#include "core/trace/evaluation.h"
#include "core/train/sgd.h"
#include "test_support.h"

namespace bp {
namespace {

using test::matrixNear;

Program loadExample(const std::string& name) { return loadProgramFile(test::examplePath(name)); }

void expectNamed(const Program& p, const Evaluation& e, const nlohmann::json& expected, bool grads, double rel) {
    for (const auto& [name, value] : expected.items()) {
        const NodeId id = p.graph.find(name);
        ASSERT_GE(id, 0) << name;
        const Matrix& actual = grads ? e.grads[id] : e.values[id];
        EXPECT_TRUE(matrixNear(actual, matrixFromJson(value), rel)) << (grads ? "grad of " : "value of ") << name;
    }
}

TEST(SeedValues, ChainRuleMatchesPyTorch) {
    const auto ref = test::readJson(test::dataPath("seed-values.json"))["chain-rule"];
    const Program p = loadExample("chain-rule");
    const Evaluation e = evaluate(p);
    expectNamed(p, e, ref["values"], false, 1e-12);
    expectNamed(p, e, ref["grads"], true, 1e-12);
}

TEST(SeedValues, Mlp122MatchesPyTorch) {
    const auto ref = test::readJson(test::dataPath("seed-values.json"))["mlp-1-2-2"];
    const Program p = loadExample("mlp-1-2-2");
    const Evaluation e = evaluate(p);
    expectNamed(p, e, ref["values"], false, 1e-9);
    expectNamed(p, e, ref["grads"], true, 1e-9);
    EXPECT_NEAR(e.values[p.root](0, 0), 0.4998743766, 1e-10);
}

TEST(SeedValues, Mlp122OneSgdStepMatchesPyTorch) {
    const auto ref = test::readJson(test::dataPath("seed-values.json"))["mlp-1-2-2"]["after_one_sgd_step_lr_1"];
    Program p = loadExample("mlp-1-2-2");
    train(p, 1, 1.0);
    for (const auto& [name, value] : ref.items())
        EXPECT_TRUE(matrixNear(p.graph.node(p.graph.find(name)).leafValue, matrixFromJson(value), 1e-9)) << name;
}

TEST(SeedValues, VjpBothForms) {
    const auto ref = test::readJson(test::dataPath("seed-values.json"))["vjp"];
    const Program p = loadExample("vjp");
    const Evaluation e = evaluate(p);
    expectNamed(p, e, ref["values"], false, 1e-12);
    expectNamed(p, e, ref["grads"], true, 1e-12);

    // backward t with [7, 8, 9]: the same gradients for x and y.
    Program seeded = parseProgram("input x = [1, 2, 3]\ninput y = [4, 5, 6]\nt = x + y\nbackward t with [7, 8, 9]\n");
    const Evaluation es = evaluate(seeded);
    expectNamed(seeded, es, ref["backward_t_with_z"]["grads"], true, 1e-12);
}

TEST(SeedValues, XorLossFallsByMoreThanHalf) {
    Program p = loadExample("xor");
    const TrainResult r = train(p, 300, 0.5);
    EXPECT_LT(r.losses.back(), r.losses.front() / 2) << r.losses.front() << " -> " << r.losses.back();
}

TEST(SeedValues, DeepSigmoidShrinksAtLeastFourTimesPerLayer) {
    const Program p = loadExample("deep-sigmoid");
    const Evaluation e = evaluate(p);
    for (int layer = 8; layer > 1; --layer) {
        const double outer = std::abs(e.grads[p.graph.find("z" + std::to_string(layer))](0, 0));
        const double inner = std::abs(e.grads[p.graph.find("z" + std::to_string(layer - 1))](0, 0));
        EXPECT_GE(outer / inner, 4.0) << "z" << layer;
    }
}

class GoldenCase : public ::testing::TestWithParam<std::string> {
protected:
    static const nlohmann::json& golden() {
        static const nlohmann::json j = test::readJson(test::dataPath("golden/golden.json"));
        return j;
    }
};

TEST_P(GoldenCase, ValuesAndGradientsMatchPyTorch) {
    const auto& c = golden()["cases"][GetParam()];
    const Program p = loadProgramFile(test::dataPath("golden/" + c["file"].get<std::string>()));
    EXPECT_EQ(p.graph.node(p.root).name, c["root"].get<std::string>());
    EXPECT_TRUE(matrixNear(p.seed, matrixFromJson(c["seed"]), 0));
    for (const auto& [name, kind] : c["kinds"].items())
        EXPECT_EQ(kindName(p.graph.node(p.graph.find(name)).kind), kind.get<std::string>()) << name;
    const Evaluation e = evaluate(p);
    expectNamed(p, e, c["values"], false, 1e-10);
    expectNamed(p, e, c["grads"], true, 1e-9);
}

class GoldenTraining : public GoldenCase {};

TEST_P(GoldenTraining, SgdAndMomentumMatchPyTorch) {
    const auto& c = golden()["cases"][GetParam()];
    ASSERT_TRUE(c.contains("train"));
    for (const auto& run : c["train"]) {
        Program p = loadProgramFile(test::dataPath("golden/" + c["file"].get<std::string>()));
        const TrainResult r = train(p, run["steps"], run["lr"], run["momentum"]);
        ASSERT_EQ(r.losses.size(), run["loss"].size());
        for (std::size_t i = 0; i < r.losses.size(); ++i)
            EXPECT_NEAR(r.losses[i], run["loss"][i].get<double>(), 1e-9 * std::abs(run["loss"][i].get<double>()))
                << "loss " << i << " momentum " << run["momentum"];
        for (const auto& [name, value] : run["params"].items())
            EXPECT_TRUE(matrixNear(p.graph.node(p.graph.find(name)).leafValue, matrixFromJson(value), 1e-9))
                << name << " momentum " << run["momentum"];
    }
}

// The cases of golden.json; with `training` only those that have SGD reference runs.
std::vector<std::string> goldenNames(bool training) {
    std::vector<std::string> names;
    const nlohmann::json golden = test::readJson(test::dataPath("golden/golden.json"));
    for (const auto& [name, c] : golden["cases"].items())
        if (!training || c.contains("train")) names.push_back(name);
    return names;
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
    std::string n = info.param;
    for (char& ch : n)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return n;
}

INSTANTIATE_TEST_SUITE_P(PyTorch, GoldenCase, ::testing::ValuesIn(goldenNames(false)), testName);
INSTANTIATE_TEST_SUITE_P(PyTorch, GoldenTraining, ::testing::ValuesIn(goldenNames(true)), testName);

TEST(Accumulation, BackwardTwiceWithoutZeroGradDoublesLeafGradients) {
    const Program p = loadExample("chain-rule");
    Evaluation e;
    runForward(p.graph, e);
    zeroGrad(p.graph, e);
    runBackward(p.graph, p.root, p.seed, e);
    runBackward(p.graph, p.root, p.seed, e);
    EXPECT_DOUBLE_EQ(e.grads[p.graph.find("b")](0, 0), 10.0);  // 5 + 5, as PyTorch's leaf .grad
    EXPECT_DOUBLE_EQ(e.grads[p.graph.find("a")](0, 0), 4.0);
    EXPECT_DOUBLE_EQ(e.grads[p.graph.find("c")](0, 0), 2.0);  // an op's gradient is that of the latest pass
    zeroGrad(p.graph, e);
    EXPECT_DOUBLE_EQ(e.grads[p.graph.find("b")](0, 0), 0.0);
}

}  // namespace
}  // namespace bp
