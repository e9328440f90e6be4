// SPDX-License-Identifier: GPL-3.0-or-later
// The written-out steps: each op's explanation terms (from its row of the op table) at known
// steps with scalar, vector, matrix and broadcast operands; every written equation of every
// shipped example evaluated from its own numbers; trace --json's entries summing to the
// contributions.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "core/io/json_report.h"
#include "core/language/parser.h"
#include "core/ops/op_table.h"
#include "core/trace/step_text.h"
#include "tests/core/test_support.h"
#include "tests/core/written_equation.h"

namespace bp {
namespace {

// Per op of the table, a program using it (with the operands named). A new op gets a case here.
const std::map<std::string, std::string>& opCases() {
    static const std::map<std::string, std::string> cases{
        {"add", "param a = [[1, -2], [3, 4]]\nparam b = [[0.5, -1.5]]\ny = a + b\nl = sum(y * y)\n"},  // broadcast rows
        {"sub", "param a = [1, 2, 3]\nparam s = 0.5\ny = a - s\nl = sum(y * y)\n"},                  // scalar broadcast
        {"mul", "param a = [[1, 2], [3, 4]]\nparam b = [[0.5, -1], [2, 0.25]]\ny = a * b\nl = sum(y)\n"},
        {"div", "param a = [[1, 2], [3, 4]]\nparam b = [2, 4]\ny = a / b\nl = sum(y)\n"},  // broadcast columns
        {"neg", "param a = [1, -2]\ny = -a\nl = sum(y * y)\n"},
        {"matmul", "param a = [[1, 2, 3], [4, 5, 6]]\nparam b = [[1, 0], [0.5, -1], [2, 1]]\ny = a @ b\nl = sum(y)\n"},
        {"pow", "param a = [1.5, -2]\ny = a ^ 3\nl = sum(y)\n"},
        {"transpose", "param a = [[1, 2, 3], [4, 5, 6]]\nparam b = [[1, 2], [3, 4]]\ny = a.T @ b\nl = sum(y)\n"},
        {"sigmoid", "param a = [1, 2]\ny = sigmoid(a)\nl = sum(y)\n"},
        {"tanh", "param a = [0.5, -1]\ny = tanh(a)\nl = sum(y)\n"},
        {"exp", "param a = [0.5, -1]\ny = exp(a)\nl = sum(y)\n"},
        {"log", "param a = [0.5, 3]\ny = log(a)\nl = sum(y)\n"},
        {"relu", "param a = [1.5, -1, 0]\ny = relu(a)\nl = sum(y * a)\n"},
        {"abs", "param a = [1.5, -1]\ny = abs(a)\nl = sum(y)\n"},
        {"sqrt", "param a = [4, 2]\ny = sqrt(a)\nl = sum(y)\n"},
        {"sum", "param a = [[1, 2], [3, 4]]\nl = sum(a)\n"},
        {"mean", "param a = [[1, 2], [3, 4]]\nl = mean(a)\n"},
        {"mse", "param a = [0.9, 0.2]\nconst t = [1, 0]\nl = mse(a, t)\n"},
        {"softplus", "param a = [1, -2]\ny = softplus(a)\nl = sum(y)\n"},
        {"reshape", "param a = [[1, 2, 3], [4, 5, 6]]\nparam b = [[1, 2], [3, 4], [5, 6]]\ny = reshape(a, 3, 2)\nl = sum(y * b)\n"},
        {"slice", "param a = [[1, 2, 3], [4, 5, 6]]\ny = a[1, 1:]\nl = sum(y * y)\n"},
        {"identity", "param a = 2\ny = identity(a)\nl = y * y\n"},
        {"sin", "param a = [0.5, -1]\ny = sin(a)\nl = sum(y * y)\n"},
        {"cos", "param a = [0.5, -1]\ny = cos(a)\nl = sum(y * y)\n"},
        {"gelu", "param a = [0.5, -1]\ny = gelu(a)\nl = sum(y * y)\n"},
        {"erf", "param a = [0.5, -1]\ny = erf(a)\nl = sum(y * y)\n"},
        {"leaky_relu", "param a = [1.5, -2]\ny = leaky_relu(a, 0.1)\nl = sum(y * y)\n"},
        {"clamp", "param a = [1.5, -2, 0.25]\ny = clamp(a, -1, 1)\nl = sum(y * a)\n"},
        {"detach", "param a = [1.5, -2]\ny = detach(a)\nl = sum(y * a)\n"},
        {"maximum", "param a = [[1, -2], [3, 4]]\nparam b = [[2, -2]]\ny = max(a, b)\nl = sum(y * y)\n"},  // a tie
        {"minimum", "param a = [[1, -2], [3, 4]]\nparam b = [2, 0]\ny = min(a, b)\nl = sum(y * y)\n"},
        {"pow_node", "param a = [[1.5, 2], [0.5, 3]]\nparam b = [[2, -1]]\ny = a ^ b\nl = sum(y)\n"},
        {"sum_axis", "param a = [[1, 2], [3, 4]]\ny = sum(a, 1)\nl = sum(y * y)\n"},
        {"mean_axis", "param a = [[1, 2], [3, 4]]\ny = mean(a, 0)\nl = sum(y * y)\n"},
        {"max", "param a = [[1, 5], [3, 4]]\nl = max(a)\n"},
        {"max_axis", "param a = [[1, 5], [3, 4]]\ny = max(a, 1)\nl = sum(y * y)\n"},
        {"min", "param a = [[1, 5], [3, 4]]\nl = min(a)\n"},
        {"min_axis", "param a = [[1, 5], [3, 4]]\ny = min(a, 0)\nl = sum(y * y)\n"},
        {"logsumexp", "param a = [[1, 2], [3, 4]]\ny = logsumexp(a, 1)\nl = sum(y * y)\n"},
        {"softmax", "param a = [[1, 2], [3, 5]]\ny = softmax(a, 1)\nl = sum(y * [[1, 0], [0, 2]])\n"},
        {"log_softmax", "param a = [[1, 2], [3, 5]]\ny = log_softmax(a, 1)\nl = sum(y * [[1, 0], [0, 2]])\n"},
        {"cross_entropy", "param z = [[1, 2, 0.5], [0, -1, 2]]\nconst t = [[1], [2]]\nl = cross_entropy(z, t)\n"},
        {"cross_entropy_probs", "param z = [[1, 2], [0, -1]]\nparam p = [[0.25, 0.75], [1, 0]]\nl = cross_entropy(z, p)\n"},
        {"nll", "param a = [[-1, -2, -0.5], [-3, -1, -2]]\nconst t = [[1], [2]]\nl = nll(a, t)\n"},
        {"bce_with_logits", "param a = [[1, -2]]\nparam t = [[1, 0.25]]\nl = bce_with_logits(a, t)\n"},
        {"one_hot", "const t = [[1], [0]]\nparam w = [[1, 2, 3], [4, 5, 6]]\nl = sum(one_hot(t, 3) * w)\n"},
        {"concat", "param a = [[1, 2]]\nparam b = [[3, 4], [5, 6]]\ny = concat(a, b, 0)\nl = sum(y * y)\n"},
    };
    return cases;
}

struct Stepped {
    Program program;
    Evaluation eval;
    StepCursor cursor;
    explicit Stepped(const std::string& source) : program(parseProgram(source)), eval(evaluate(program)) {
        cursor.attach(program.graph, eval);
    }
    StepTerms at(int position, EntryChoice choice = {}) {
        cursor.setPosition(position);
        return stepTerms(program.graph, eval, cursor, choice);
    }
    std::vector<std::string> lines(int position) {
        std::vector<std::string> out;
        for (const TextLine& l : writeStep(program.graph, at(position)).lines) out.push_back(lineText(l));
        return out;
    }
    // The position of the forward step computing `name`, or of the backward event into it from `from`.
    int forward(const std::string& name) const {
        const auto& f = eval.trace.forward;
        return int(std::find(f.begin(), f.end(), program.graph.find(name)) - f.begin()) + 1;
    }
    int backward(const std::string& from, const std::string& to) const {
        const auto& b = eval.trace.backward;
        for (std::size_t k = 0; k < b.size(); ++k)
            if (b[k].from == program.graph.find(from) && b[k].to == program.graph.find(to))
                return cursor.forwardCount() + int(k) + 1;
        return -1;
    }
};

// What an entry's terms add up to, by the op's arithmetic, computed independently of the writer.
double entryTotal(const StepTerms& t, const EntryTerms& e) {
    if (t.kind == StepKind::Backward) return sumOfProducts(e);
    switch (t.op->explain.arithmetic) {
    case Arithmetic::MatMul:
    case Arithmetic::Sum: return sumOfProducts(e);
    case Arithmetic::Mean: return sumOfProducts(e) / t.n;
    case Arithmetic::MeanSquare: {
        double s = 0;
        for (const Product& p : e.products) s += (p[0].value - p[1].value) * (p[0].value - p[1].value);
        return s / t.n;
    }
    case Arithmetic::Move: return e.products.at(0).at(0).value;
    case Arithmetic::General: return e.value;  // nothing written per entry
    case Arithmetic::Elementwise: {
        std::vector<Matrix> m;
        for (const Factor& f : e.products.at(0)) m.push_back(Matrix::Constant(1, 1, f.value));
        std::vector<const Matrix*> refs;
        for (const Matrix& x : m) refs.push_back(&x);
        Matrix y;
        t.op->forward(MatrixRefs(refs.data(), refs.size()), t.attrs, y);
        return y(0, 0);
    }
    }
    return NAN;
}

TEST(StepTerms, EveryOpOfTheTableHasACaseAndItsTermsAddUp) {
    for (const OpDef& op : allOps()) {
        SCOPED_TRACE(std::string(op.name));
        ASSERT_TRUE(opCases().count(std::string(op.name)))
            << "op " << op.name << " has no case in opCases(): add one, its explanation is checked here";
        EXPECT_FALSE(op.explain.written.empty());
        for (int slot = 0; slot < op.arity; ++slot) EXPECT_FALSE(op.explain.vjp[slot].empty());
        const bool general = op.explain.arithmetic == Arithmetic::General;
        const Arithmetic kind = op.explain.arithmetic;
        const bool needsLocal = kind != Arithmetic::General && kind != Arithmetic::Move && kind != Arithmetic::MatMul;
        EXPECT_EQ(op.explain.local != nullptr, needsLocal);
        Stepped s(opCases().at(std::string(op.name)));
        bool sawOp = false;
        for (int pos = 1; pos <= s.cursor.last(); ++pos) {
            const StepTerms t = s.at(pos);
            sawOp = sawOp || t.op == &op;
            ASSERT_TRUE(t.wholeResult);
            ASSERT_EQ(t.entries.size(), std::size_t(t.shape.size()));
            for (const EntryTerms& e : t.entries) {
                EXPECT_EQ(e.value, t.result(e.row, e.col));
                // A General op's forward step is its formula and the recorded result: no products to
                // add up; its backward step sums G times the derivative of every output entry reached.
                if (t.op->explain.arithmetic == Arithmetic::General && !writesEntryArithmetic(t)) {
                    EXPECT_TRUE(e.products.empty());
                    continue;
                }
                EXPECT_NEAR(entryTotal(t, e), e.value, 1e-12 * std::max(1.0, std::abs(e.value)))
                    << "position " << pos << " entry " << e.row << "," << e.col;
            }
            if (t.op == &op && general) {  // the written line ends with the recorded result
                const std::vector<std::string> lines = s.lines(pos);
                const auto shown = test::WrittenEquation::evaluate(lines.at(0).substr(lines.at(0).rfind(" = ") + 3));
                ASSERT_TRUE(shown) << "position " << pos << ": " << lines.at(0);
                ASSERT_EQ(shown->size(), std::size_t(t.result.size())) << lines.at(0);
                for (int r = 0, k = 0; r < t.result.rows(); ++r)
                    for (int c = 0; c < t.result.cols(); ++c, ++k)
                        EXPECT_TRUE((*shown)[k].lo <= t.result(r, c) && t.result(r, c) <= (*shown)[k].hi)
                            << "position " << pos << " entry " << k << ": " << lines.at(0);
            }
        }
        EXPECT_TRUE(sawOp);
    }
}

// ---- golden: what a student reads ------------------------------------------------------------

TEST(StepTerms, Mlp122ForwardStepsWrittenOut) {
    Stepped s(test::readFile(test::examplePath("mlp-1-2-2")));
    EXPECT_EQ(s.lines(s.forward("z2"))[0], "z2 = w2 @ y1 = [3·0.7311 + 4·0.8808, 5·0.7311 + 6·0.8808] = [5.716, 8.94]");
    EXPECT_EQ(s.lines(s.forward("y1"))[0], "y1 = σ(z1) = [σ(1), σ(2)] = [0.7311, 0.8808]");
    EXPECT_EQ(s.lines(s.forward("loss"))[0],
              "loss = mean((y2 − target)²) = ((0.9967 − 1)² + (0.9999 − 0)²) / 2 = 0.4999");
}

TEST(StepTerms, Mlp122BackwardStepsWrittenOut) {
    Stepped s(test::readFile(test::examplePath("mlp-1-2-2")));
    EXPECT_EQ(s.lines(s.backward("y1", "z1"))[0],
              "∂loss/∂z1 = ∂loss/∂y1 ⊙ σ(z1)(1 − σ(z1)) = [0.0006227 × 0.1966, 0.000743 × 0.105] = "
              "[0.0001224, 7.801e-05]");
    EXPECT_EQ(s.lines(s.backward("z2", "w2"))[0],
              "∂loss/∂w2 = ∂loss/∂z2·y1ᵀ = [[-1.073e-05 × 0.7311, -1.073e-05 × 0.8808], [0.000131 × 0.7311, "
              "0.000131 × 0.8808]] = [[-7.843e-06, -9.45e-06], [9.575e-05, 0.0001154]]");
    EXPECT_EQ(s.lines(s.backward("z2", "y1"))[0],
              "∂loss/∂y1 = w2ᵀ·∂loss/∂z2 = [3 × (-1.073e-05) + 5 × 0.000131, 4 × (-1.073e-05) + 6 × 0.000131] = "
              "[0.0006227, 0.000743]");
    EXPECT_EQ(s.lines(s.backward("loss", "y2"))[0],
              "∂loss/∂y2 = ∂loss/∂loss·2(y2 − target)/2 = [1 × (-0.003281), 1 × 0.9999] = [-0.003281, 0.9999]");
}

TEST(StepTerms, BroadcastGradientIsTheSumItIs) {
    Stepped s(opCases().at("add"));
    const std::vector<std::string> lines = s.lines(s.backward("y", "b"));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "b was broadcast over 2 rows: its gradient sums them");
    EXPECT_EQ(lines[1], "∂l/∂b = ∂l/∂y ⊙ 1 = [[3 × 1 + 7 × 1, -7 × 1 + 5 × 1]] = [[10, -2]]");
    const StepTerms t = s.at(s.backward("y", "b"));
    EXPECT_EQ(t.broadcastRows, 2);
    ASSERT_EQ(t.entries[0].products.size(), 2u);
    EXPECT_EQ(t.entries[0].products[1][0].from, (EntryRef{s.program.graph.find("y"), 1, 0}));
    // A scalar broadcast over a column: its gradient sums the three entries.
    Stepped sub(opCases().at("sub"));
    EXPECT_EQ(sub.lines(sub.backward("y", "s")).back(),
              "∂l/∂s = ∂l/∂y ⊙ (−1) = 1 × (-1) + 3 × (-1) + 5 × (-1) = -9");
}

TEST(StepTerms, ReductionsAndMovesWrittenOut) {
    Stepped sum(opCases().at("sum"));
    EXPECT_EQ(sum.lines(sum.forward("l"))[0], "l = Σ a = 1 + 2 + 3 + 4 = 10");
    EXPECT_EQ(sum.lines(sum.backward("l", "a"))[0], "∂l/∂a = ∂l/∂l·1 = [[1 × 1, 1 × 1], [1 × 1, 1 × 1]] = [[1, 1], [1, 1]]");
    Stepped mean(opCases().at("mean"));
    EXPECT_EQ(mean.lines(mean.forward("l"))[0], "l = mean(a) = (1 + 2 + 3 + 4) / 4 = 2.5");
    EXPECT_EQ(mean.lines(mean.backward("l", "a"))[0],
              "∂l/∂a = ∂l/∂l·1/4 = [[1 × 0.25, 1 × 0.25], [1 × 0.25, 1 × 0.25]] = [[0.25, 0.25], [0.25, 0.25]]");
    Stepped moved(opCases().at("transpose"));
    const std::string t = moved.program.graph.node(moved.program.graph.node(moved.program.graph.find("y")).inputs[0]).label();
    EXPECT_EQ(moved.lines(moved.forward(t))[0], t + " = aᵀ = [[1, 4], [2, 5], [3, 6]]");
    EXPECT_EQ(moved.lines(moved.backward(t, "a"))[0], "∂l/∂a = ∂l/∂" + t + "ᵀ = [[3, 3, 3], [7, 7, 7]]");
    Stepped scalar(opCases().at("identity"));
    EXPECT_EQ(scalar.lines(scalar.forward("y"))[0], "y = a = 2");
    EXPECT_EQ(scalar.lines(scalar.backward("y", "a")),
              (std::vector<std::string>{"∂l/∂a = ∂l/∂y·∂y/∂a", "= 4·1", "= 4"}));
}

TEST(StepTerms, ElementwiseOpsAtOneEntry) {
    const std::map<std::string, std::string> forward{
        {"sigmoid", "y = σ(a) = [σ(1), σ(2)] = [0.7311, 0.8808]"},
        {"relu", "y = relu(a) = [relu(1.5), relu(-1), relu(0)] = [1.5, 0, 0]"},
        {"pow", "y = a^3 = [1.5^3, (-2)^3] = [3.375, -8]"},
        {"neg", "y = −a = [−1, −(-2)] = [-1, 2]"},
        {"div", "y = a / b = [[1 / 2, 2 / 2], [3 / 4, 4 / 4]] = [[0.5, 1], [0.75, 1]]"},
        {"abs", "y = |a| = [|1.5|, |(-1)|] = [1.5, 1]"},
    };
    for (const auto& [op, line] : forward) {
        Stepped s(opCases().at(op));
        EXPECT_EQ(s.lines(s.forward("y"))[0], line);
    }
    Stepped relu(opCases().at("relu"));
    EXPECT_EQ(relu.lines(relu.backward("y", "a"))[0],
              "∂l/∂a += ∂l/∂y ⊙ [a > 0] = [1.5 × 1, -1 × 0, 0 × 0] = [1.5, 0, 0]");
    Stepped div(opCases().at("div"));
    EXPECT_EQ(div.lines(div.backward("y", "b"))[1],
              "∂l/∂b = ∂l/∂y ⊙ (−a/b²) = [1 × (-0.25) + 1 × (-0.5), 1 × (-0.1875) + 1 × (-0.25)] = [-0.75, -0.4375]");
}

// Every op the table marks General (softmax, the losses, the axis reductions, concat) has its
// backward step written out: per input entry, G times the derivative of each output entry it reaches.
TEST(StepTerms, GeneralOpsBackwardStepsWrittenOut) {
    struct Golden {
        const char* op;
        const char* from;
        const char* to;
        const char* line;
    };
    const Golden golden[] = {
        {"sum_axis", "y", "a", "∂l/∂a = ∂l/∂y spread along the axis = [[6 × 1, 6 × 1], [14 × 1, 14 × 1]] = [[6, 6], [14, 14]]"},
        {"mean_axis", "y", "a", "∂l/∂a = ∂l/∂y/n spread along the axis = [[4 × 0.5, 6 × 0.5], [4 × 0.5, 6 × 0.5]] = [[2, 3], [2, 3]]"},
        {"max", "l", "a", "∂l/∂a = ∂l/∂l at the max (shared on a tie) = [[1 × 0, 1 × 1], [1 × 0, 1 × 0]] = [[0, 1], [0, 0]]"},
        {"max_axis", "y", "a", "∂l/∂a = ∂l/∂y at each line's max (shared on a tie) = [[10 × 0, 10 × 1], [8 × 0, 8 × 1]] = [[0, 10], [0, 8]]"},
        {"min", "l", "a", "∂l/∂a = ∂l/∂l at the min (shared on a tie) = [[1 × 1, 1 × 0], [1 × 0, 1 × 0]] = [[1, 0], [0, 0]]"},
        {"min_axis", "y", "a", "∂l/∂a = ∂l/∂y at each line's min (shared on a tie) = [[2 × 1, 8 × 0], [2 × 0, 8 × 1]] = [[2, 0], [0, 8]]"},
        {"logsumexp", "y", "a", "∂l/∂a = ∂l/∂y ⊙ softmax(a) = [[4.627 × 0.2689, 4.627 × 0.7311], [8.627 × 0.2689, 8.627 × 0.7311]] = [[1.244, 3.382], [2.32, 6.306]]"},
        {"softmax", "y", "a", "∂l/∂a = softmax(a) ⊙ (∂l/∂y − Σ ∂l/∂y ⊙ softmax(a)) = [[1 × 0.1966 + 0 × (-0.1966), 1 × (-0.1966) + 0 × 0.1966], [0 × 0.105 + 2 × (-0.105), 0 × (-0.105) + 2 × 0.105]] = [[0.1966, -0.1966], [-0.21, 0.21]]"},
        {"log_softmax", "y", "a", "∂l/∂a = ∂l/∂y − softmax(a)·Σ ∂l/∂y = [[1 × 0.7311 + 0 × (-0.2689), 1 × (-0.7311) + 0 × 0.2689], [0 × 0.8808 + 2 × (-0.1192), 0 × (-0.8808) + 2 × 0.1192]] = [[0.7311, -0.7311], [-0.2384, 0.2384]]"},
        {"cross_entropy", "l", "z", "∂l/∂z = ∂l/∂l·(softmax(z) − onehot(t))/n = [[1 × 0.1156, 1 × (-0.1857), 1 × 0.07012], [1 × 0.0571, 1 × 0.02101, 1 × (-0.0781)]] = [[0.1156, -0.1857, 0.07012], [0.0571, 0.02101, -0.0781]]"},
        {"cross_entropy", "l", "t", "∂l/∂t = 0 (class indices pass no gradient) = [0, 0]"},
        {"cross_entropy_probs", "l", "z", "∂l/∂z = ∂l/∂l·(softmax(z)·Σp − p)/n = [[1 × 0.009471, 1 × (-0.009471)], [1 × (-0.1345), 1 × 0.1345]] = [[0.009471, -0.009471], [-0.1345, 0.1345]]"},
        {"cross_entropy_probs", "l", "p", "∂l/∂p = ∂l/∂l·(−log_softmax(z))/n = [[1 × 0.6566, 1 × 0.1566], [1 × 0.1566, 1 × 0.6566]] = [[0.6566, 0.1566], [0.1566, 0.6566]]"},
        {"nll", "l", "a", "∂l/∂a = ∂l/∂l·(−1/n at each row's class) = [[1 × 0, 1 × (-0.5), 1 × 0], [1 × 0, 1 × 0, 1 × (-0.5)]] = [[0, -0.5, 0], [0, 0, -0.5]]"},
        {"nll", "l", "t", "∂l/∂t = 0 (class indices pass no gradient) = [0, 0]"},
        {"bce_with_logits", "l", "a", "∂l/∂a = ∂l/∂l·(σ(a) − t)/n = [[1 × (-0.1345), 1 × (-0.0654)]] = [[-0.1345, -0.0654]]"},
        {"bce_with_logits", "l", "t", "∂l/∂t = ∂l/∂l·(−a)/n = [[1 × (-0.5), 1 × 1]] = [[-0.5, 1]]"},
        {"concat", "y", "a", "∂l/∂a = a's block of ∂l/∂y = [[2 × 1, 4 × 1]] = [[2, 4]]"},
        {"concat", "y", "b", "∂l/∂b = b's block of ∂l/∂y = [[6 × 1, 8 × 1], [10 × 1, 12 × 1]] = [[6, 8], [10, 12]]"},
    };
    std::set<std::string> covered;
    for (const Golden& g : golden) {
        Stepped s(opCases().at(g.op));
        EXPECT_EQ(s.lines(s.backward(g.from, g.to)).at(0), g.line) << g.op;
        covered.insert(g.op);
    }
    for (const OpDef& op : allOps()) {
        if (op.explain.arithmetic == Arithmetic::General && op.explain.reach != Reach::None) {
            EXPECT_TRUE(covered.count(std::string(op.name))) << op.name << " has no golden backward line";
        }
    }
    // Sums along an axis are the sums they are, forward too.
    Stepped sums(opCases().at("sum_axis")), means(opCases().at("mean_axis"));
    EXPECT_EQ(sums.lines(sums.forward("y")).at(0), "y = sum(a, axis) = [1 + 2, 3 + 4] = [3, 7]");
    EXPECT_EQ(means.lines(means.forward("y")).at(0), "y = mean(a, axis) = [[(1 + 3) / 2, (2 + 4) / 2]] = [[2, 3]]");
    // softmax, log_softmax and logsumexp forward: each entry a formula of its line's entries.
    Stepped softmax(opCases().at("softmax")), logsumexp(opCases().at("logsumexp"));
    EXPECT_EQ(softmax.lines(softmax.forward("y")).at(0),
              "y = softmax(a) = [[exp(1) / (exp(1) + exp(2)), exp(2) / (exp(1) + exp(2))], [exp(3) / (exp(3) + exp(5)), "
              "exp(5) / (exp(3) + exp(5))]] = [[0.2689, 0.7311], [0.1192, 0.8808]]");
    EXPECT_EQ(logsumexp.lines(logsumexp.forward("y")).at(0),
              "y = logsumexp(a) = [log(exp(1) + exp(2)), log(exp(3) + exp(4))] = [2.313, 4.313]");
    // Down to one entry of softmax's gradient: the Jacobian-vector product along its row.
    Stepped s(opCases().at("softmax"));
    std::vector<std::string> chain;
    for (const TextLine& l : writeEntryChain(s.program.graph, s.at(s.backward("y", "a"), {1, 0}))) chain.push_back(lineText(l));
    EXPECT_EQ(chain, (std::vector<std::string>{"∂l/∂a[2, 1] = ∂l/∂y[2, 1]·∂y[2, 1]/∂a[2, 1] + ∂l/∂y[2, 2]·∂y[2, 2]/∂a[2, 1] = "
                                               "0 × 0.105 + 2 × (-0.105) = -0.21"}));
}

TEST(StepTerms, LargeOperandsShowTheFormulaWithShapesAndOneRow) {
    std::string source = "param w = [";
    for (int r = 0; r < 5; ++r) source += std::string(r ? ", " : "") + "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]";
    source += "]\nparam x = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nh = relu(w)\nz = w @ x\nl = sum(z)\n";
    Stepped s(source);
    // A sum of many products: its first terms and how many more.
    const std::string sum = "1·1 + 2·1 + 3·1 + 4·1 + … and 6 more";
    EXPECT_EQ(s.lines(s.forward("z"))[0],
              "z = w @ x = [" + sum + ", " + sum + ", " + sum + ", " + sum + ", " + sum + "] = [55, 55, 55, 55, 55]");
    const std::vector<std::string> fwd = s.lines(s.forward("h"));
    EXPECT_EQ(fwd[0], "h (5x10) = relu(w (5x10))");
    EXPECT_EQ(fwd[1],
              "row 1 of 5: [relu(1), relu(2), relu(3), relu(4), relu(5), relu(6), relu(7), relu(8), …] = "
              "[1, 2, 3, 4, 5, 6, 7, 8, …]   … and 2 more entries");
    const std::vector<std::string> back = s.lines(s.backward("z", "w"));
    EXPECT_EQ(back[0], "∂l/∂w (5x10) = ∂l/∂z (5x1)·xᵀ");
    EXPECT_EQ(back[1],
              "row 1 of 5: [1 × 1, 1 × 1, 1 × 1, 1 × 1, 1 × 1, 1 × 1, 1 × 1, 1 × 1, …] = [1, 1, 1, 1, 1, 1, 1, 1, …]   "
              "… and 2 more entries");
    // Down to one entry: its own products, and the entries they were read from.
    const StepTerms one = s.at(s.backward("z", "w"), {2, 3});
    ASSERT_EQ(one.entries.size(), 1u);
    EXPECT_EQ(one.entries[0].row, 2);
    EXPECT_EQ(one.entries[0].col, 3);
    ASSERT_EQ(one.entries[0].products.size(), 1u);
    EXPECT_EQ(one.entries[0].products[0][0].from, (EntryRef{s.program.graph.find("z"), 2, 0}));
    EXPECT_EQ(one.entries[0].products[0][1].from, (EntryRef{s.program.graph.find("x"), 3, 0}));
    EXPECT_EQ(lineText(writeStep(s.program.graph, one).lines[1]), "entry [3, 4]: [1 × 1] = [1]");
}

TEST(StepTerms, AnotherBackwardPassShowsWhatWasThereAndWhatWasAdded) {
    Program p = parseProgram("param w = [1, 2]\nl = sum(w * w)\n");
    Evaluation e = evaluate(p);
    runBackward(p.graph, p.root, p.seed, e);  // backward again, without zeroing: w's gradient accumulates
    StepCursor c;
    c.attach(p.graph, e);
    auto lines = [&](int position) {
        c.setPosition(position);
        std::vector<std::string> out;
        for (const TextLine& l : writeStep(p.graph, stepTerms(p.graph, e, c)).lines) out.push_back(lineText(l));
        return out;
    };
    EXPECT_EQ(lines(c.last() - 1).back(),
              "∂l/∂w = [2, 4] + [1, 2] = [3, 6]   (1 of 2 edges)   ([2, 4] held from the previous backward pass)");
    EXPECT_EQ(lines(c.last()).back(), "∂l/∂w = [3, 6] + [1, 2] = [4, 8]   (2 of 2 edges)");
}

TEST(StepTerms, PredictHidesPiecesByRoleNotBySubstring) {
    Stepped s(test::readFile(test::examplePath("mlp-1-2-2")));
    const StepText text = writeStep(s.program.graph, s.at(s.forward("z2")));
    EXPECT_EQ(lineText(text.lines[0], {PieceRole::Result}),
              "z2 = w2 @ y1 = [3·0.7311 + 4·0.8808, 5·0.7311 + 6·0.8808] = [?, ?]");
    EXPECT_EQ(lineText(text.lines[0], {PieceRole::Arithmetic, PieceRole::Result}), "z2 = w2 @ y1 = ? = [?, ?]");
}

// Down to one entry: the products summed into it, each factor named by the entry it was read from.
TEST(StepTerms, OneEntrysOwnChain) {
    Stepped s(test::readFile(test::examplePath("mlp-1-2-2")));
    auto chain = [&](int position, EntryChoice choice) {
        std::vector<std::string> out;
        for (const TextLine& l : writeEntryChain(s.program.graph, s.at(position, choice))) out.push_back(lineText(l));
        return out;
    };
    EXPECT_EQ(chain(s.backward("z2", "y1"), {1, 0}),
              (std::vector<std::string>{"∂loss/∂y1[2] = w2[1, 2]·∂loss/∂z2[1] + w2[2, 2]·∂loss/∂z2[2] = "
                                        "4 × (-1.073e-05) + 6 × 0.000131 = 0.000743"}));
    EXPECT_EQ(chain(s.backward("y1", "z1"), {0, 0}),
              (std::vector<std::string>{"∂loss/∂z1[1] = ∂loss/∂y1[1]·∂y1[1]/∂z1[1] = 0.0006227 × 0.1966 = 0.0001224"}));
    EXPECT_EQ(chain(s.forward("z2"), {1, 0}),
              (std::vector<std::string>{"z2[2] = w2[2, 1]·y1[1] + w2[2, 2]·y1[2] = 5·0.7311 + 6·0.8808 = 8.94"}));
    EXPECT_EQ(chain(s.forward("y1"), {1, 0}), (std::vector<std::string>{"y1[2] = σ(z1[2]) = σ(2) = 0.8808"}));
}

// ---- every written equation holds -----------------------------------------------------------

std::vector<std::string> shippedExamples() {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(BPS_EXAMPLES))
        if (entry.path().extension() == ".bpg") out.push_back(entry.path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
}

// The lines of a step with each "= …" continuation joined to the line before, notes cut off.
std::vector<std::string> equations(const StepText& text) {
    std::vector<std::string> out;
    for (const TextLine& l : text.lines) {
        std::string line = lineText(l);
        if (line.rfind("= ", 0) == 0 && !out.empty()) out.back() += " " + line;
        else out.push_back(line);
    }
    for (std::string& line : out)
        if (const auto at = line.find("   "); at != std::string::npos) line.resize(at);
    return out;
}

// Checks the last equality of `line`: the arithmetic before the last " = " gives the shown result.
// Returns whether the line held arithmetic to check.
bool checkEquation(const std::string& line, const std::string& where) {
    const auto last = line.rfind(" = ");
    if (last == std::string::npos) return false;
    const auto before = line.rfind(" = ", last - 1);
    std::string expr = line.substr(before == std::string::npos ? 0 : before + 3, last - (before == std::string::npos ? 0 : before + 3));
    if (const auto colon = expr.find(": "); colon != std::string::npos) expr = expr.substr(colon + 2);
    const auto computed = test::WrittenEquation::evaluate(expr);
    const auto shown = test::WrittenEquation::evaluate(line.substr(last + 3));
    if (!computed || !shown) return false;
    EXPECT_EQ(computed->size(), shown->size()) << where << ": " << line;
    for (std::size_t i = 0; i < std::min(computed->size(), shown->size()); ++i) {
        const test::Interval c = (*computed)[i], s = (*shown)[i];
        EXPECT_TRUE(c.lo <= s.hi && s.lo <= c.hi)
            << where << ": entry " << i << " computes to [" << c.lo << ", " << c.hi << "], shown [" << s.lo << ", "
            << s.hi << "]\n  " << line;
    }
    return true;
}

void checkEveryStep(Stepped& s, const std::string& name) {
    for (int pos = 1; pos <= s.cursor.last(); ++pos) {
        const StepTerms t = s.at(pos);
        const StepText text = writeStep(s.program.graph, t);
        int checked = 0;
        bool partial = false;
        for (const std::string& line : equations(text)) {
            checked += checkEquation(line, name + " step " + std::to_string(pos)) ? 1 : 0;
            partial = partial || line.find("…") != std::string::npos || line.find("nan") != std::string::npos ||
                      line.find("inf") != std::string::npos;
        }
        // Elementwise ops whose written form needs a number the evaluator is not given (a slope, the
        // bounds) or a two-argument call are checked by their terms above, not here, going forward.
        static const std::set<std::string> unevaluated{"leaky_relu", "clamp", "detach", "maximum", "minimum"};
        const bool arithmetic = writesEntryArithmetic(t) &&
                                !(t.kind == StepKind::Forward && unevaluated.count(std::string(t.op->name)));
        if (arithmetic && !partial) {
            EXPECT_GT(checked, 0) << name << " step " << pos << ":\n" << plainText(text);
        }
    }
}

TEST(WrittenEquations, EveryStepOfEveryShippedExampleHolds) {
    const std::vector<std::string> examples = shippedExamples();
    ASSERT_GE(examples.size(), 5u);
    for (const std::string& name : examples) {
        Stepped s(test::readFile(test::examplePath(name)));
        checkEveryStep(s, name);
    }
}

TEST(WrittenEquations, EveryStepOfEveryOpCaseHolds) {
    for (const auto& [op, source] : opCases()) {
        Stepped s(source);
        checkEveryStep(s, op);
    }
}

// Down to one entry of a node's gradient: its chain across every edge into the node so far.
std::vector<std::string> gradientEntry(Stepped& s, int position, const std::string& node, int row, int col) {
    s.cursor.setPosition(position);
    std::vector<std::string> out;
    const GradientEntryTerms t = gradientEntryTerms(s.program.graph, s.eval, s.cursor, s.program.graph.find(node), row, col);
    for (const TextLine& l : writeGradientEntry(s.program.graph, t)) out.push_back(lineText(l));
    for (const std::string& line : out) checkEquation(line, node + " entry");  // each line holds
    return out;
}

TEST(StepTerms, OneGradientEntrysChainAcrossItsEdges) {
    Stepped chain(test::readFile(test::examplePath("chain-rule")));
    EXPECT_EQ(gradientEntry(chain, chain.cursor.last(), "b", 0, 0),
              (std::vector<std::string>{"along d → b: ∂e/∂b += ∂e/∂d·∂d/∂b = 3 × 1 = 3",
                                        "along c → b: ∂e/∂b += ∂e/∂c·∂c/∂b = 2 × 1 = 2", "∂e/∂b = 3 + 2 = 5"}));
    // Halfway: only the edges the backward pass has taken so far.
    const auto& into = chain.cursor.eventsInto(chain.program.graph.find("b"));
    EXPECT_EQ(gradientEntry(chain, chain.cursor.forwardCount() + into[0] + 1, "b", 0, 0),
              (std::vector<std::string>{"along d → b: ∂e/∂b = ∂e/∂d·∂d/∂b = 3 × 1 = 3"}));
    EXPECT_TRUE(gradientEntry(chain, 2, "b", 0, 0).empty());  // forward: no gradient shown yet
    Stepped mlp(test::readFile(test::examplePath("mlp-1-2-2")));
    EXPECT_EQ(gradientEntry(mlp, mlp.cursor.last(), "y1", 1, 0),
              (std::vector<std::string>{"along z2 → y1: ∂loss/∂y1[2] = w2[1, 2]·∂loss/∂z2[1] + w2[2, 2]·∂loss/∂z2[2] = "
                                        "4 × (-1.073e-05) + 6 × 0.000131 = 0.000743"}));
    EXPECT_EQ(gradientEntry(mlp, mlp.cursor.last(), "loss", 0, 0),
              (std::vector<std::string>{"∂loss/∂loss = 1   (the seed: 1)"}));
    // What took part: the operands' entries (values) and the upstream entries (gradients).
    mlp.cursor.setPosition(mlp.cursor.last());
    const Graph& g = mlp.program.graph;
    const EntriesRead read = entriesRead(gradientEntryTerms(g, mlp.eval, mlp.cursor, g.find("y1"), 1, 0));
    EXPECT_EQ(read.values, (std::vector<EntryRef>{{g.find("w2"), 0, 1}, {g.find("w2"), 1, 1}}));
    EXPECT_EQ(read.gradients, (std::vector<EntryRef>{{g.find("y1"), 1, 0}, {g.find("z2"), 0, 0}, {g.find("z2"), 1, 0}}));
}

// ---- trace --json: every entry's products sum to its value, the event's contribution ----------

void checkTraceEntries(const std::string& source, const std::string& name) {
    const Program p = parseProgram(source);
    const Evaluation e = evaluate(p);
    const nlohmann::json trace = traceReport(p, e);
    int entries = 0, general = 0;
    for (const auto& ev : trace["backward"]) {
        ASSERT_TRUE(ev["explain"]["text"].is_string());
        // An input of a General op no gradient flows into (class indices) has no entries.
        const OpDef* op = p.graph.node(p.graph.find(ev["from"].get<std::string>())).op;
        if (!writesEntryArithmetic(*op, StepKind::Backward, ev["slot"].get<int>()) && op->explain.arithmetic == Arithmetic::General) {
            EXPECT_FALSE(ev["explain"].contains("entries")) << name;
            ++general;
            continue;
        }
        ASSERT_TRUE(ev["explain"].contains("entries")) << name;
        const Matrix contribution = matrixFromJson(ev["contribution"]);
        EXPECT_EQ(ev["explain"]["entries"].size(), std::size_t(contribution.size()));
        for (const auto& entry : ev["explain"]["entries"]) {
            double sum = 0;
            for (const auto& p : entry["products"]) {
                double x = 1;
                for (const auto& f : p) x *= f.get<double>();
                sum += x;
            }
            const double value = entry["value"].get<double>();
            EXPECT_NEAR(sum, value, 1e-12 * std::max(1.0, std::abs(value))) << name << " " << entry.dump();
            EXPECT_EQ(value, contribution(entry["index"][0].get<int>(), entry["index"][1].get<int>()));
            ++entries;
        }
    }
    for (const auto& f : trace["forward"]) {
        ASSERT_TRUE(f["explain"]["text"].is_string());
        if (!f["explain"].contains("entries")) continue;
        const Matrix value = matrixFromJson(f["value"]);
        for (const auto& entry : f["explain"]["entries"]) {
            double sum = 0;
            for (const auto& p : entry["products"]) {
                double x = 1;
                for (const auto& factor : p) x *= factor.get<double>();
                sum += x;
            }
            EXPECT_NEAR(sum, entry["value"].get<double>(), 1e-12 * std::max(1.0, std::abs(sum))) << name;
            EXPECT_EQ(entry["value"].get<double>(), value(entry["index"][0].get<int>(), entry["index"][1].get<int>()));
            ++entries;
        }
    }
    EXPECT_GT(entries + general, 0) << name;
}

TEST(TraceJson, EveryEntrysProductsSumToItsValueAndTheContribution) {
    for (const std::string& name : shippedExamples()) checkTraceEntries(test::readFile(test::examplePath(name)), name);
    for (const auto& [op, source] : opCases()) checkTraceEntries(source, op);
}

}  // namespace
}  // namespace bp

namespace bp {
namespace {

TEST(WrittenEquations, TheEvaluatorTellsATrueEquationFromAFalseOne) {
    const auto sum = test::WrittenEquation::evaluate("[3·0.7311 + 4·0.8808, σ(2)]");
    ASSERT_TRUE(sum);
    ASSERT_EQ(sum->size(), 2u);
    EXPECT_TRUE((*sum)[0].lo <= 5.7163 && 5.7163 <= (*sum)[0].hi);
    EXPECT_FALSE((*sum)[0].lo <= 5.72 && 5.72 <= (*sum)[0].hi);
    EXPECT_TRUE((*sum)[1].lo <= 0.8808 && 0.8808 <= (*sum)[1].hi);
    EXPECT_FALSE(test::WrittenEquation::evaluate("∂l/∂y ⊙ 1"));  // symbols are not arithmetic
    EXPECT_FALSE(test::WrittenEquation::evaluate("1 + … and 3 more"));
}

}  // namespace
}  // namespace bp
