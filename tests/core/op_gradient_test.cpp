// SPDX-License-Identifier: GPL-3.0-or-later
// Every op of the table against central finite differences, at several points and shapes,
// broadcasting included; and a negative control: a wrong derivative must fail the check.
#include <gtest/gtest.h>

#include <random>

#include "core/language/parser.h"
#include "core/ops/op_table.h"
#include "core/trace/evaluation.h"
#include "core/train/gradient_check.h"

namespace bp {
namespace {

struct OpCase {
    std::string op;
    std::vector<Shape> shapes;
    OpAttrs attrs{};
    bool positive = false;  // inputs kept away from 0 (log, sqrt, pow with fractional exponents, div)
    std::string label;
    int indexSlot = -1;     // this input holds class indices 0..classes-1 (cross_entropy, nll, one_hot)
    long classes = 0;
};

// A random point away from the kinks of relu and abs, positive where the op needs it.
Matrix randomMatrix(Shape s, std::mt19937& rng, bool positive) {
    std::uniform_real_distribution<double> mag(0.3, 1.7);
    std::bernoulli_distribution sign(0.5);
    Matrix m(s.rows, s.cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = (positive || sign(rng) ? 1 : -1) * mag(rng);
    return m;
}

// loss = sum(W ∘ op(inputs)) with fixed random weights W, so every output entry matters differently.
Program programFor(const OpCase& c, unsigned seed) {
    std::mt19937 rng(seed);
    Program p;
    std::vector<NodeId> inputs;
    for (Shape s : c.shapes) {
        Matrix value = randomMatrix(s, rng, c.positive);
        if (static_cast<int>(inputs.size()) == c.indexSlot)
            for (Eigen::Index i = 0; i < value.size(); ++i) value(i) = static_cast<double>(rng() % c.classes);
        inputs.push_back(p.graph.addLeaf(NodeKind::Param, value));
    }
    const NodeId y = p.graph.addOp(op(c.op), inputs, c.attrs, "y");
    const NodeId w = p.graph.addLeaf(NodeKind::Const, randomMatrix(p.graph.node(y).shape, rng, false), "W");
    const NodeId weighted = p.graph.addOp(op("mul"), {y, w});
    p.root = p.graph.addOp(op("sum"), {weighted}, {}, "loss");
    p.seed = Matrix::Ones(1, 1);
    return p;
}

std::vector<OpCase> opCases() {
    const Shape s23{2, 3}, s13{1, 3}, s21{2, 1}, s11{1, 1}, s32{3, 2}, s31{3, 1};
    std::vector<OpCase> cases;
    for (const char* binary : {"add", "sub", "mul", "div"}) {
        const bool positive = std::string(binary) == "div";
        for (auto shapes : std::vector<std::vector<Shape>>{{s23, s23}, {s23, s13}, {s13, s23}, {s23, s21},
                                                           {s21, s23}, {s23, s11}, {s11, s23}, {s13, s21}})
            cases.push_back({binary, shapes, {}, positive, ""});
    }
    cases.push_back({"matmul", {s23, s32}, {}, false, ""});
    cases.push_back({"matmul", {s13, s31}, {}, false, ""});
    cases.push_back({"matmul", {s31, s13}, {}, false, ""});
    for (double p : {2.0, 3.0, 0.5, -1.0, 0.0}) {
        OpAttrs a;
        a.exponent = p;
        cases.push_back({"pow", {s23}, a, p != 2.0 && p != 3.0, ""});
    }
    for (const char* unary : {"neg", "transpose", "sigmoid", "tanh", "exp", "relu", "abs", "sum", "mean", "identity", "softplus"})
        cases.push_back({unary, {s23}, {}, false, ""});
    for (const char* positiveUnary : {"log", "sqrt"}) cases.push_back({positiveUnary, {s23}, {}, true, ""});
    cases.push_back({"mse", {s23, s23}, {}, false, ""});
    cases.push_back({"mse", {s23, s13}, {}, false, ""});
    cases.push_back({"mse", {s21, s21}, {}, false, ""});
    for (const char* unary : {"sin", "cos", "gelu", "erf", "detach", "max", "min"}) cases.push_back({unary, {s23}, {}, false, ""});
    OpAttrs leaky;
    leaky.slope = 0.1;
    cases.push_back({"leaky_relu", {s23}, leaky, false, ""});
    OpAttrs bounds;
    bounds.low = -0.9;
    bounds.high = 1.1;
    cases.push_back({"clamp", {s23}, bounds, false, ""});
    for (const char* binary : {"maximum", "minimum", "pow_node"})
        for (auto shapes : std::vector<std::vector<Shape>>{{s23, s23}, {s23, s13}, {s11, s23}})
            cases.push_back({binary, shapes, {}, std::string(binary) == "pow_node", ""});
    for (int axis : {0, 1}) {
        OpAttrs a;
        a.axis = axis;
        for (const char* along : {"softmax", "log_softmax", "logsumexp", "sum_axis", "mean_axis", "max_axis", "min_axis"})
            cases.push_back({along, {s23}, a, false, ""});
        cases.push_back({"concat", {s23, axis == 0 ? s13 : s21}, a, false, ""});
    }
    const Shape s43{4, 3}, s41{4, 1};
    cases.push_back({"cross_entropy", {s43, s41}, {}, false, "", 1, 3});
    cases.push_back({"nll", {s43, s41}, {}, false, "", 1, 3});
    cases.push_back({"cross_entropy_probs", {s43, s43}, {}, true, ""});
    cases.push_back({"bce_with_logits", {s23, s23}, {}, false, ""});
    OpAttrs hot;
    hot.classes = 4;
    cases.push_back({"one_hot", {s31}, hot, false, "", 0, 4});
    OpAttrs block;  // rows 0:2, columns 1:3
    block.rowStop = 2;
    block.colStart = 1;
    block.colStop = 3;
    cases.push_back({"slice", {s23}, block, false, ""});
    OpAttrs entry;  // the entry [1, 0]
    entry.rowStart = 1;
    entry.rowStop = 2;
    entry.colStop = 1;
    cases.push_back({"slice", {s23}, entry, false, ""});
    OpAttrs r;
    r.shape = {3, 2};
    cases.push_back({"reshape", {s23}, r, false, ""});
    r.shape = {6, 1};
    cases.push_back({"reshape", {s23}, r, false, ""});
    for (std::size_t i = 0; i < cases.size(); ++i) {
        std::string l = cases[i].op;
        for (Shape s : cases[i].shapes) l += "_" + std::to_string(s.rows) + "x" + std::to_string(s.cols);
        cases[i].label = l + "_" + std::to_string(i);
    }
    return cases;
}

class OpGradient : public ::testing::TestWithParam<OpCase> {};

TEST_P(OpGradient, AgreesWithCentralDifferencesAtSeveralPoints) {
    for (unsigned seed : {1u, 2u, 3u}) {
        const Program p = programFor(GetParam(), seed);
        for (const LeafCheck& c : checkGradients(p))
            EXPECT_TRUE(c.ok) << GetParam().label << " seed " << seed << " leaf " << p.graph.node(c.leaf).name()
                              << " max error " << c.maxError << "\nanalytic\n" << c.analytic << "\nnumeric\n" << c.numeric;
    }
}

INSTANTIATE_TEST_SUITE_P(EveryOp, OpGradient, ::testing::ValuesIn(opCases()),
                         [](const auto& info) { return info.param.label; });

TEST(OpTable, EveryOpHasACase) {
    const auto cases = opCases();
    for (const OpDef& def : allOps()) {
        bool found = false;
        for (const auto& c : cases) found = found || c.op == def.name;
        EXPECT_TRUE(found) << def.name << " has no gradient-check case";
    }
}

// The negative control: sigmoid with a derivative that is off by a factor of two.
void wrongSigmoidVjp(int, MatrixRefs, const Matrix& y, const Matrix& g, const OpAttrs&, Matrix& c) {
    c = 2.0 * g.array() * y.array() * (1.0 - y.array());
}

TEST(GradientCheck, AWrongDerivativeFails) {
    OpDef wrong = op("sigmoid");
    wrong.vjp = wrongSigmoidVjp;
    Program p;
    const NodeId x = p.graph.addLeaf(NodeKind::Param, Matrix::Constant(2, 1, 0.3), "x");
    const NodeId s = p.graph.addOp(wrong, {x});
    p.root = p.graph.addOp(op("sum"), {s}, {}, "loss");
    p.seed = Matrix::Ones(1, 1);
    const auto checks = checkGradients(p);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_FALSE(checks[0].ok);
}

TEST(Sigmoid, IsStableAtExtremes) {
    Program p;
    Matrix x(4, 1);
    x << 800, -800, 1e-300, 0;
    const NodeId a = p.graph.addLeaf(NodeKind::Param, x, "a");
    const NodeId s = p.graph.addOp(op("sigmoid"), {a}, {}, "s");
    p.root = p.graph.addOp(op("sum"), {s}, {}, "loss");
    p.seed = Matrix::Ones(1, 1);
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[s](0), 1.0);
    EXPECT_EQ(e.values[s](1), 0.0);
    EXPECT_DOUBLE_EQ(e.values[s](2), 0.5);
    EXPECT_DOUBLE_EQ(e.grads[a](3), 0.25);
    EXPECT_TRUE(e.grads[a].allFinite());
}

// Reference: torch.nn.functional.softplus in float64, and its .grad under sum().
TEST(Softplus, MatchesPyTorchAndIsStableAtExtremes) {
    Program p;
    Matrix x(4, 1);
    x << 1.0, -2.5, 800, -800;
    const NodeId a = p.graph.addLeaf(NodeKind::Param, x, "a");
    const NodeId s = p.graph.addOp(op("softplus"), {a}, {}, "s");
    p.root = p.graph.addOp(op("sum"), {s}, {}, "loss");
    p.seed = Matrix::Ones(1, 1);
    const Evaluation e = evaluate(p);
    EXPECT_NEAR(e.values[s](0), 1.3132616875182228, 1e-15);
    EXPECT_NEAR(e.values[s](1), 0.07888973429254963, 1e-15);
    EXPECT_EQ(e.values[s](2), 800.0);
    EXPECT_EQ(e.values[s](3), 0.0);
    EXPECT_NEAR(e.grads[a](0), 0.7310585786300049, 1e-15);
    EXPECT_NEAR(e.grads[a](1), 0.07585818002124356, 1e-15);
    EXPECT_EQ(e.grads[a](2), 1.0);
    EXPECT_EQ(e.grads[a](3), 0.0);
}

// The extreme inputs where the formulas written out by hand overflow; the numbers are PyTorch's
// (float64): F.cross_entropy([[1000, 0]], [0]) = 0, F.binary_cross_entropy_with_logits(-800, 1) = 800.
Evaluation evaluateText(const std::string& text) { return evaluate(parseProgram(text)); }

TEST(Classification, CrossEntropyOfAThousandToZeroIsZeroAsPyTorch) {
    const Program p = parseProgram("param z = [[1000, 0]]\nloss = cross_entropy(z, [0])\n");
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[p.root](0, 0), 0.0);
    EXPECT_EQ(e.grads[p.graph.find("z")](0, 0), 0.0);
    EXPECT_EQ(e.grads[p.graph.find("z")](0, 1), 0.0);
    // Written out by hand, softmax then log: the same 0, because softmax itself is stable.
    const Program q = parseProgram("param z = [[1000, 0]]\np = softmax(z, 1)\nloss = -log(sum(p * [[1, 0]]))\n");
    EXPECT_EQ(evaluate(q).values[q.root](0, 0), 0.0);
    // The other class: 1000, its gradient (softmax − onehot) = [1, −1].
    const Program r = parseProgram("param z = [[1000, 0]]\nloss = cross_entropy(z, [1])\n");
    const Evaluation er = evaluate(r);
    EXPECT_EQ(er.values[r.root](0, 0), 1000.0);
    EXPECT_EQ(er.grads[r.graph.find("z")](0, 0), 1.0);
    EXPECT_EQ(er.grads[r.graph.find("z")](0, 1), -1.0);
}

TEST(Classification, BceWithLogitsOfMinusEightHundredIsEightHundred) {
    const Program p = parseProgram("param x = -800\nloss = bce_with_logits(x, [1])\n");
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[p.root](0, 0), 800.0);
    EXPECT_EQ(e.grads[p.graph.find("x")](0, 0), -1.0);  // σ(−800) − 1
    EXPECT_EQ(evaluateText("param x = 800\nloss = bce_with_logits(x, [0])\n").values.back()(0, 0), 800.0);
}

TEST(Classification, LogSumExpAndLogSoftmaxStayFinite) {
    const Program p = parseProgram("param z = [[1000, 1000], [-1000, -1000]]\nl = logsumexp(z, 1)\n"
                                   "m = log_softmax(z, 1)\nloss = sum(l) + sum(m)\n");
    const Evaluation e = evaluate(p);
    const Matrix& l = e.values[p.graph.find("l")];
    EXPECT_DOUBLE_EQ(l(0, 0), 1000.0 + std::log(2.0));
    EXPECT_DOUBLE_EQ(l(1, 0), -1000.0 + std::log(2.0));
    EXPECT_DOUBLE_EQ(e.values[p.graph.find("m")](0, 0), -std::log(2.0));
    EXPECT_TRUE(e.grads[p.graph.find("z")].allFinite());
}

TEST(Classification, IndexOutsideTheClassesGivesNanNotACrash) {
    const Evaluation e = evaluateText("param z = [[1, 2]]\nloss = cross_entropy(z, [2])\n");
    EXPECT_TRUE(std::isnan(e.values.back()(0, 0)));
    const Evaluation h = evaluateText("input t = [0.4, 7]\nh = one_hot(t, 3)\nloss = sum(h)\n");
    EXPECT_TRUE(std::isnan(h.values.back()(0, 0)));
}

TEST(Classification, DetachPassesTheValueAndStopsTheGradient) {
    const Program p = parseProgram("param x = [[2, 3]]\nd = detach(x)\nloss = sum(d * x)\n");
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[p.root](0, 0), 13.0);
    EXPECT_EQ(e.grads[p.graph.find("x")](0, 0), 2.0);  // only the direct path, as PyTorch
    for (const LeafCheck& c : checkGradients(p)) EXPECT_TRUE(c.ok) << c.maxError;
}

TEST(Numerics, LogOfZeroAndNanFlowWithoutThrowing) {
    Program p;
    Matrix x(2, 1);
    x << 0, std::nan("");
    const NodeId a = p.graph.addLeaf(NodeKind::Param, x, "a");
    const NodeId l = p.graph.addOp(op("log"), {a}, {}, "l");
    p.root = p.graph.addOp(op("sum"), {l}, {}, "loss");
    p.seed = Matrix::Ones(1, 1);
    const Evaluation e = evaluate(p);
    EXPECT_EQ(e.values[l](0), -INFINITY);
    EXPECT_TRUE(std::isnan(e.values[l](1)));
    EXPECT_EQ(e.grads[a](0), INFINITY);
    EXPECT_TRUE(std::isnan(e.values[p.root](0)));
}

TEST(Shapes, MismatchNamesBothShapes) {
    Graph g;
    const NodeId a = g.addLeaf(NodeKind::Input, Matrix::Zero(2, 3));
    const NodeId b = g.addLeaf(NodeKind::Input, Matrix::Zero(3, 2));
    try {
        g.addOp(op("add"), {a, b});
        FAIL();
    } catch (const GraphError& e) {
        EXPECT_NE(std::string(e.what()).find("2x3"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("3x2"), std::string::npos);
    }
    EXPECT_THROW(g.addOp(op("matmul"), {a, a}), GraphError);
    EXPECT_NO_THROW(g.addOp(op("matmul"), {a, b}));
}

}  // namespace
}  // namespace bp
