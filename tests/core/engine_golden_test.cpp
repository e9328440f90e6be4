// SPDX-License-Identifier: GPL-3.0-or-later
// The engine against PyTorch: the reference numbers of the shipped examples, and a set of graphs
// generated with python3-torch (tests/data/make_golden.py) covering every op, broadcasting,
// fan-out, vector roots with seeds and SGD with momentum.
#include <gtest/gtest.h>

#include "core/language/parser.h"
#include "core/trace/evaluation.h"
#include "core/train/accuracy.h"
#include "core/train/decision_regions.h"
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
        EXPECT_TRUE(matrixNear(p.graph.node(p.graph.find(name)).leafValue(), matrixFromJson(value), 1e-9)) << name;
}

// The optimizer returns the update and leaves the graph alone; applied, it is PyTorch's step.
TEST(SeedValues, Mlp122SgdStepReturnsTheUpdateOfEveryParam) {
    const auto ref = test::readJson(test::dataPath("seed-values.json"))["mlp-1-2-2"]["after_one_sgd_step_lr_1"];
    const Program p = loadExample("mlp-1-2-2");
    const Evaluation e = evaluate(p, TraceMode::Skip);
    const Matrix w2Before = p.graph.node(p.graph.find("w2")).leafValue();
    SgdOptimizer optimizer(1.0);
    const LeafValues updates = optimizer.step(p.graph, e);
    EXPECT_EQ(p.graph.node(p.graph.find("w2")).leafValue(), w2Before);
    std::size_t params = 0;
    for (const Node& n : p.graph.nodes()) params += n.kind == NodeKind::Param;
    EXPECT_EQ(updates.size(), params);
    for (const auto& [id, value] : updates) {
        const std::string& name = p.graph.node(id).name();
        ASSERT_TRUE(ref.contains(name)) << name;
        EXPECT_TRUE(matrixNear(value, matrixFromJson(ref[name]), 1e-9)) << name;
    }
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

// The classification example: 500 steps of SGD (lr 0.5, momentum 0.9) as PyTorch takes them
// (float64, torch.optim.SGD on F.cross_entropy), and the accuracy beside the loss reaches 100%.
TEST(SeedValues, SpiralsTrainToFullAccuracyAsPyTorch) {
    Program p = loadExample("spirals");
    const TrainResult r = train(p, 500, 0.5, 0.9);
    ASSERT_EQ(r.losses.size(), 501u);
    ASSERT_EQ(r.accuracies.size(), 501u);
    EXPECT_NEAR(r.losses[0], 1.2083559796001997, 1e-12);
    EXPECT_NEAR(r.accuracies[0], 43.0 / 120.0, 1e-12);
    EXPECT_NEAR(r.losses[100], 0.3633380775855332, 1e-8);
    EXPECT_NEAR(r.accuracies[200], 0.975, 1e-12);
    EXPECT_NEAR(r.losses[500], 0.020062641290089736, 1e-8);
    EXPECT_GE(r.accuracies.back(), 0.95);
    EXPECT_EQ(r.accuracies.back(), 1.0);

    // The decision regions of the trained network: the class of the grid cell under each data
    // point is mostly its own (a cell near a boundary may be the neighbour's).
    const auto regions = decisionRegions(p, 64);
    ASSERT_TRUE(regions.has_value());
    EXPECT_EQ(regions->classCount, 3);
    EXPECT_EQ(regions->classes.size(), 64u * 64u);
    EXPECT_EQ(regions->points.rows(), 120);
    int own = 0;
    for (Eigen::Index i = 0; i < 120; ++i) {
        const int col = int((regions->points(i, 0) - regions->xMin) / (regions->xMax - regions->xMin) * 64);
        const int row = int((regions->yMax - regions->points(i, 1)) / (regions->yMax - regions->yMin) * 64);
        own += regions->classes[std::size_t(row * 64 + col)] == regions->labels[std::size_t(i)];
    }
    EXPECT_GE(own, 110);
    EXPECT_EQ(std::count(regions->classes.begin(), regions->classes.end(), 0) > 400, true);
    EXPECT_FALSE(decisionRegions(loadExample("mlp-1-2-2"), 64).has_value());
    EXPECT_FALSE(decisionRegions(loadExample("xor"), 64).has_value());
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
    EXPECT_EQ(p.graph.node(p.root).name(), c["root"].get<std::string>());
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
        LrSchedule schedule;
        if (run.contains("schedule")) {
            const auto& s = run["schedule"];
            schedule.kind = s["kind"] == "step" ? LrSchedule::Kind::Step : LrSchedule::Kind::Exponential;
            schedule.stepSize = s.value("step_size", 1);
            schedule.gamma = s["gamma"];
        }
        const TrainResult r = train(p, run["steps"], run["lr"], run["momentum"], nullptr, schedule);
        ASSERT_EQ(r.losses.size(), run["loss"].size());
        for (std::size_t i = 0; i < r.losses.size(); ++i)
            EXPECT_NEAR(r.losses[i], run["loss"][i].get<double>(), 1e-9 * std::abs(run["loss"][i].get<double>()))
                << "loss " << i << " momentum " << run["momentum"];
        for (const auto& [name, value] : run["params"].items())
            EXPECT_TRUE(matrixNear(p.graph.node(p.graph.find(name)).leafValue(), matrixFromJson(value), 1e-9))
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

// Accuracy beside the loss for a classifier: the rows whose largest score is the target class.
TEST(Accuracy, CountsTheRowsWhoseLargestScoreIsTheTarget) {
    Program p = parseProgram("param z = [[2, 1, 0], [0, 3, 1], [1, 0, 5], [4, 0, 0]]\ninput t = [0, 2, 2, 1]\n"
                             "loss = cross_entropy(z, t)\n");
    const Evaluation e = evaluate(p);
    EXPECT_DOUBLE_EQ(*classifierAccuracy(p.graph, p.root, e), 0.5);
    const Program q = parseProgram("param a = [[2, -1], [-3, 0.5]]\nloss = bce_with_logits(a, [[1, 1], [0, 0]])\n");
    EXPECT_DOUBLE_EQ(*classifierAccuracy(q.graph, q.root, evaluate(q)), 0.5);
    const Program m = loadExample("mlp-1-2-2");
    EXPECT_FALSE(classifierAccuracy(m.graph, m.root, evaluate(m)).has_value());
    const TrainResult r = train(p, 3, 0.5);
    EXPECT_EQ(r.accuracies.size(), r.losses.size());
    EXPECT_EQ(r.rates, (std::vector<double>{0.5, 0.5, 0.5}));
}

TEST(LrSchedule, StepAndExponentialAsPyTorch) {
    LrSchedule step{LrSchedule::Kind::Step, 2, 0.5};
    EXPECT_EQ(step.rate(1.0, 0), 1.0);
    EXPECT_EQ(step.rate(1.0, 1), 1.0);
    EXPECT_EQ(step.rate(1.0, 2), 0.5);
    EXPECT_EQ(step.rate(1.0, 5), 0.25);
    LrSchedule exponential{LrSchedule::Kind::Exponential, 1, 0.5};
    EXPECT_EQ(exponential.rate(2.0, 3), 0.25);
    EXPECT_EQ(LrSchedule{}.rate(0.3, 7), 0.3);
}

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
