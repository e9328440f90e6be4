// SPDX-License-Identifier: GPL-3.0-or-later
// The .bpg language (SPEC §1): every grammar form, the SPEC examples, each error with its exact
// FILE:LINE:COL, inputs that are huge or malformed, and writeProgram round trips.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/language/parser.h"
#include "core/ops/op_table.h"
#include "core/trace/evaluation.h"

namespace bp {
namespace {

Program parse(std::string_view source, const ParseLimits& limits = {}) {
    return parseProgram(source, "t.bpg", limits);
}

// The what() of the ParseError the source raises, or "no error".
std::string errorOf(std::string_view source, const ParseLimits& limits = {}) {
    try {
        parseProgram(source, "t.bpg", limits);
    } catch (const ParseError& e) {
        return e.what();
    }
    return "no error";
}

const Node& nodeNamed(const Program& p, const std::string& name) {
    const NodeId id = p.graph.find(name);
    EXPECT_GE(id, 0) << name;
    return p.graph.node(id);
}

std::string opName(const Node& node) { return node.op ? std::string(node.op->name) : kindName(node.kind); }

std::vector<std::string> inputNames(const Program& p, const Node& node) {
    std::vector<std::string> names;
    for (NodeId in : node.inputs) names.push_back(p.graph.node(in).name());
    return names;
}

double valueOf(const Program& p, const std::string& name) {
    const Evaluation eval = evaluate(p);
    return eval.values[static_cast<std::size_t>(p.graph.find(name))](0, 0);
}

// Parse -> write -> parse gives the same graph: names, kinds, ops, attributes, inputs, values,
// positions aside; and the same root and seed.
void expectSameProgram(const Program& a, const Program& b) {
    ASSERT_EQ(a.graph.size(), b.graph.size());
    for (NodeId id = 0; id < a.graph.size(); ++id) {
        const Node& x = a.graph.node(id);
        const Node& y = b.graph.node(id);
        SCOPED_TRACE("node " + x.name());
        EXPECT_EQ(x.name(), y.name());
        EXPECT_EQ(x.named, y.named);
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.op, y.op);
        EXPECT_EQ(x.attrs(), y.attrs());
        EXPECT_EQ(x.inputs, y.inputs);
        EXPECT_EQ(x.shape, y.shape);
        EXPECT_EQ(x.leafValue(), y.leafValue());
    }
    EXPECT_EQ(a.root, b.root);
    EXPECT_EQ(a.seed, b.seed);
}

void expectRoundTrip(const std::string& source) {
    SCOPED_TRACE(source);
    const Program first = parse(source);
    const std::string written = writeProgram(first);
    SCOPED_TRACE("written:\n" + written);
    Program second;
    ASSERT_NO_THROW(second = parse(written));
    expectSameProgram(first, second);
    EXPECT_EQ(writeProgram(second), written);  // the writer is a fixed point
}

// ---- grammar forms ------------------------------------------------------------------------

TEST(Parser, DeclarationsMakeNamedLeavesOfEachKind) {
    const Program p = parse("input x = 1\nparam w = 2.5\nconst c = -3\ny = x * w + c\n");
    EXPECT_EQ(nodeNamed(p, "x").kind, NodeKind::Input);
    EXPECT_EQ(nodeNamed(p, "w").kind, NodeKind::Param);
    EXPECT_EQ(nodeNamed(p, "c").kind, NodeKind::Const);
    EXPECT_TRUE(nodeNamed(p, "x").named);
    EXPECT_EQ(nodeNamed(p, "c").leafValue()(0, 0), -3.0);
    EXPECT_EQ(nodeNamed(p, "w").pos.line, 2);
    EXPECT_EQ(nodeNamed(p, "w").pos.column, 7);
    EXPECT_DOUBLE_EQ(valueOf(p, "y"), -0.5);
}

TEST(Parser, NumberForms) {
    const Program p = parse("const a = 2\nconst b = 0.5\nconst c = .5\nconst d = 1e-3\nconst e = 2.5E+2\n"
                            "const f = -7\nconst g = 1E2\nr = a + b\n");
    EXPECT_EQ(nodeNamed(p, "a").leafValue()(0, 0), 2.0);
    EXPECT_EQ(nodeNamed(p, "b").leafValue()(0, 0), 0.5);
    EXPECT_EQ(nodeNamed(p, "c").leafValue()(0, 0), 0.5);
    EXPECT_EQ(nodeNamed(p, "d").leafValue()(0, 0), 1e-3);
    EXPECT_EQ(nodeNamed(p, "e").leafValue()(0, 0), 250.0);
    EXPECT_EQ(nodeNamed(p, "f").leafValue()(0, 0), -7.0);
    EXPECT_EQ(nodeNamed(p, "g").leafValue()(0, 0), 100.0);
}

TEST(Parser, TinyNumbersRoundToZero) {
    const Program p = parse("const a = 1e-400\nr = a * 1\n");
    EXPECT_EQ(nodeNamed(p, "a").leafValue()(0, 0), 0.0);
}

TEST(Parser, MatrixLiteralShapes) {
    const Program p = parse("input s = 4\ninput v = [1, 0]\ninput m = [[3, 4], [5, 6]]\ninput c = [[1], [2]]\n"
                            "input r = [[1, 2]]\ninput one = [9]\nl = sum(m)\n");
    EXPECT_EQ(nodeNamed(p, "s").shape, (Shape{1, 1}));
    EXPECT_EQ(nodeNamed(p, "v").shape, (Shape{2, 1}));
    EXPECT_EQ(nodeNamed(p, "m").shape, (Shape{2, 2}));
    EXPECT_EQ(nodeNamed(p, "c").shape, (Shape{2, 1}));
    EXPECT_EQ(nodeNamed(p, "r").shape, (Shape{1, 2}));
    EXPECT_EQ(nodeNamed(p, "one").shape, (Shape{1, 1}));
    const Matrix& m = nodeNamed(p, "m").leafValue();
    EXPECT_EQ(m(0, 0), 3);
    EXPECT_EQ(m(0, 1), 4);  // given row by row
    EXPECT_EQ(m(1, 0), 5);
    EXPECT_EQ(m(1, 1), 6);
    EXPECT_EQ(nodeNamed(p, "v").leafValue()(1, 0), 0);
}

TEST(Parser, MatrixMaySpanLinesWithComments) {
    const Program p = parse("input m = [[1, 2],   # first row\n"
                            "           [3, 4]]   # second row\n"
                            "l = sum(m)\n");
    EXPECT_EQ(nodeNamed(p, "m").shape, (Shape{2, 2}));
    EXPECT_EQ(nodeNamed(p, "l").pos.line, 3);
}

TEST(Parser, LongVectorsWithCommentsAndSpacing) {
    const Program p = parse("input v = [1, # one\n 2,\t-3 ,\r\n - 4, -.5e1,\n\n 6e0]\nl = sum(v)\n");
    EXPECT_EQ(nodeNamed(p, "v").leafValue(), (Matrix(6, 1) << 1, 2, -3, -4, -5, 6).finished());
    EXPECT_EQ(nodeNamed(p, "l").pos.line, 6);
}

TEST(Parser, NewlinesInsideParenthesesAreIgnored) {
    const Program p = parse("input a = 1\nb = (a +\n     2) * mse(a,\n a)\n");
    EXPECT_EQ(opName(nodeNamed(p, "b")), "mul");
}

TEST(Parser, SemicolonsSeparateStatementsAndBlankLinesAreSkipped) {
    const Program p = parse("\n\n# comment only\n;;input a = 1; b = a + 1;\n\n  \t\r\n");
    EXPECT_EQ(p.root, p.graph.find("b"));
    EXPECT_DOUBLE_EQ(valueOf(p, "b"), 2.0);
}

TEST(Parser, CrLfLineEndings) {
    const Program p = parse("input a = 1\r\nb = (a +\r\n 2)\r\nc = b * 2\r\n");
    EXPECT_EQ(p.root, p.graph.find("c"));
    EXPECT_EQ(nodeNamed(p, "c").pos.line, 4);
    EXPECT_EQ(nodeNamed(p, "c").pos.column, 7);
}

TEST(Parser, InfixOperatorsMapToTheOpTable) {
    const Program p = parse("input a = [[1, 2], [3, 4]]\ninput b = [[5, 6], [7, 8]]\n"
                            "s = a + b\nd = a - b\nm = a * b\nq = a / b\nmm = a @ b\np = a ^ 2\nl = sum(s)\n");
    EXPECT_EQ(nodeNamed(p, "s").op, findInfixOp("+"));
    EXPECT_EQ(opName(nodeNamed(p, "s")), "add");
    EXPECT_EQ(opName(nodeNamed(p, "d")), "sub");
    EXPECT_EQ(opName(nodeNamed(p, "m")), "mul");
    EXPECT_EQ(opName(nodeNamed(p, "q")), "div");
    EXPECT_EQ(opName(nodeNamed(p, "mm")), "matmul");
    EXPECT_EQ(opName(nodeNamed(p, "p")), "pow");
    EXPECT_EQ(nodeNamed(p, "p").attrs().exponent, 2.0);
    EXPECT_EQ(nodeNamed(p, "p").inputs.size(), 1u);  // the exponent is not a graph input
    EXPECT_EQ(inputNames(p, nodeNamed(p, "mm")), (std::vector<std::string>{"a", "b"}));
}

TEST(Parser, PrecedenceAndAssociativity) {
    // 2 + 3 * 4 = 14; 10 - 4 - 3 = 3 (left to right); 2 * 3 ^ 2 = 18; -2 ^ 2 = -4 (the grammar's
    // unary := "-" unary | power); (-2) ^ 2 = 4; 12 / 2 / 3 = 2; 2 ^ -1 = 0.5.
    const Program p = parse("a = 2 + 3 * 4\nb = 10 - 4 - 3\nc = 2 * 3 ^ 2\nd = -2 ^ 2\ne = (-2) ^ 2\n"
                            "f = 12 / 2 / 3\ng = 2 ^ -1\nh = - -3\ni = 3 - -2\n");
    const Evaluation eval = evaluate(p);
    auto v = [&](const char* name) { return eval.values[static_cast<std::size_t>(p.graph.find(name))](0, 0); };
    EXPECT_EQ(v("a"), 14);
    EXPECT_EQ(v("b"), 3);
    EXPECT_EQ(v("c"), 18);
    EXPECT_EQ(v("d"), -4);
    EXPECT_EQ(v("e"), 4);
    EXPECT_EQ(v("f"), 2);
    EXPECT_EQ(v("g"), 0.5);
    EXPECT_EQ(v("h"), 3);
    EXPECT_EQ(v("i"), 5);
    EXPECT_EQ(opName(nodeNamed(p, "d")), "neg");
    EXPECT_EQ(opName(nodeNamed(p, "e")), "pow");
}

TEST(Parser, MinusNumberIsANegativeConstantButMinusNameIsNeg) {
    const Program p = parse("input a = 1\nb = a * -2\nc = -a\n");
    const Node& b = nodeNamed(p, "b");
    const Node& two = p.graph.node(b.inputs[1]);
    EXPECT_EQ(two.kind, NodeKind::Const);
    EXPECT_EQ(two.leafValue()(0, 0), -2.0);
    EXPECT_EQ(opName(nodeNamed(p, "c")), "neg");
    EXPECT_EQ(p.graph.size(), 4);  // a, the constant -2, b, c
}

TEST(Parser, TransposeSuffixAndFunction) {
    const Program p = parse("input x = [1, 2, 3]\nt = x.T\nu = transpose(x)\nv = x.T.T\nl = sum(v)\n");
    EXPECT_EQ(opName(nodeNamed(p, "t")), "transpose");
    EXPECT_EQ(nodeNamed(p, "t").shape, (Shape{1, 3}));
    EXPECT_EQ(opName(nodeNamed(p, "u")), "transpose");
    EXPECT_EQ(nodeNamed(p, "v").shape, (Shape{3, 1}));
}

TEST(Parser, FunctionCalls) {
    const Program p = parse("input a = [1, -2]\ninput b = [0, 1]\n"
                            "s = sigmoid(a)\nt = tanh(a)\ne = exp(a)\nl = log(b + 1)\nr = relu(a)\n"
                            "su = sum(a)\nme = mean(a)\nm = mse(a, b)\nab = abs(a)\nsq = sqrt(b)\n"
                            "rs = reshape(a, 1, 2)\npw = pow(a, 3)\nid = identity(a)\nout = sum(id)\n");
    for (const char* name : {"sigmoid", "tanh", "exp", "relu", "sum", "mean", "mse", "abs", "sqrt"}) {
        SCOPED_TRACE(name);
        bool found = false;
        for (const Node& node : p.graph.nodes()) found = found || (node.op && node.op->name == name);
        EXPECT_TRUE(found);
    }
    EXPECT_EQ(inputNames(p, nodeNamed(p, "m")), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(nodeNamed(p, "rs").shape, (Shape{1, 2}));
    EXPECT_EQ(nodeNamed(p, "rs").attrs().shape, (Shape{1, 2}));
    EXPECT_EQ(nodeNamed(p, "pw").attrs().exponent, 3.0);
    EXPECT_EQ(opName(nodeNamed(p, "id")), "identity");
    EXPECT_EQ(p.root, p.graph.find("out"));
}

// PyTorch's habits: `**` is `^`, `2.` is a number; a node as exponent; right-associative powers.
TEST(Parser, PyTorchSpellingsOfPowersAndNumbers) {
    const Program p = parse("input x = [[2., 3.]]\ninput y = [[1, 0.5]]\na = x ** 2\nb = x ** y\nc = 2 ** x\n"
                            "d = x ^ -y\ne = x ^ 2 ^ y\nf = x ^ (2)\ng = 2. * x + 1.e1\nl = sum(g)\n");
    const Evaluation eval = evaluate(p);
    auto v = [&](const char* name) { return eval.values[static_cast<std::size_t>(p.graph.find(name))]; };
    EXPECT_EQ(opName(nodeNamed(p, "a")), "pow");
    EXPECT_EQ(nodeNamed(p, "a").attrs().exponent, 2.0);
    EXPECT_EQ(opName(nodeNamed(p, "b")), "pow_node");
    EXPECT_EQ(v("b")(0, 1), std::sqrt(3.0));
    EXPECT_EQ(v("c")(0, 0), 4.0);
    EXPECT_EQ(v("d")(0, 0), 0.5);
    EXPECT_EQ(v("e")(0, 0), 4.0);             // 2 ^ (2 ^ 1)
    EXPECT_EQ(v("e")(0, 1), std::pow(3.0, std::sqrt(2.0)));
    EXPECT_EQ(opName(nodeNamed(p, "f")), "pow_node");  // a bracketed number is a node
    EXPECT_EQ(v("g")(0, 1), 16.0);
}

// One name, several ops: the arguments decide (a number where an axis may stand is an axis, as
// in PyTorch; the targets' shape tells class indices from probabilities).
TEST(Parser, OverloadedCallsChooseTheirOp) {
    const Program p = parse("input a = [[1, 5], [3, 2]]\ninput t = [1, 0]\n"
                            "s = sum(a)\nsr = sum(a, 0)\nsc = sum(a, -1)\nm = max(a)\nmr = max(a, 1)\n"
                            "me = max(a, a.T)\nmn = max(a, [2])\nce = cross_entropy(a, t)\n"
                            "cp = cross_entropy(a, softmax(a, 1))\nl = ce + cp\n");
    EXPECT_EQ(opName(nodeNamed(p, "s")), "sum");
    EXPECT_EQ(opName(nodeNamed(p, "sr")), "sum_axis");
    EXPECT_EQ(nodeNamed(p, "sr").shape, (Shape{1, 2}));
    EXPECT_EQ(nodeNamed(p, "sc").attrs().axis, 1);
    EXPECT_EQ(nodeNamed(p, "sc").shape, (Shape{2, 1}));
    EXPECT_EQ(opName(nodeNamed(p, "m")), "max");
    EXPECT_EQ(opName(nodeNamed(p, "mr")), "max_axis");
    EXPECT_EQ(opName(nodeNamed(p, "me")), "maximum");
    EXPECT_EQ(opName(nodeNamed(p, "mn")), "maximum");
    EXPECT_EQ(opName(nodeNamed(p, "ce")), "cross_entropy");
    EXPECT_EQ(opName(nodeNamed(p, "cp")), "cross_entropy_probs");
}

TEST(Parser, LiteralsInExpressionsAreAnonymousConsts) {
    const Program p = parse("input x = [1, 2]\ny = x + [10, 20]\nz = [[1, 2]] @ y\n");
    const Node& y = nodeNamed(p, "y");
    const Node& lit = p.graph.node(y.inputs[1]);
    EXPECT_EQ(lit.kind, NodeKind::Const);
    EXPECT_FALSE(lit.named);
    EXPECT_EQ(lit.name()[0], '%');
    EXPECT_EQ(lit.shape, (Shape{2, 1}));
    EXPECT_EQ(lit.pos.line, 2);
    EXPECT_EQ(lit.pos.column, 9);
    EXPECT_DOUBLE_EQ(valueOf(p, "z"), 11 + 2 * 22);
}

TEST(Parser, BareNameOrLiteralAssignmentMakesAnIdentityNode) {
    const Program p = parse("input a = 3\nc = a\nd = 5\ne = (a)\nf = -4\n");
    EXPECT_EQ(opName(nodeNamed(p, "c")), "identity");
    EXPECT_EQ(inputNames(p, nodeNamed(p, "c")), (std::vector<std::string>{"a"}));
    EXPECT_EQ(opName(nodeNamed(p, "d")), "identity");
    EXPECT_EQ(p.graph.node(nodeNamed(p, "d").inputs[0]).kind, NodeKind::Const);
    EXPECT_EQ(opName(nodeNamed(p, "e")), "identity");
    EXPECT_DOUBLE_EQ(valueOf(p, "f"), -4.0);
    EXPECT_EQ(nodeNamed(p, "a").name(), "a");  // a keeps its own name
}

TEST(Parser, NodePositionsAreTheOperatorTokens) {
    const Program p = parse("input a = 1\n  c = sigmoid(a) * (a + 2)\n");
    const Node& c = nodeNamed(p, "c");
    EXPECT_EQ(c.pos.line, 2);
    EXPECT_EQ(c.pos.column, 18);  // the '*'
    const Node& sig = p.graph.node(c.inputs[0]);
    EXPECT_EQ(sig.pos.column, 7);  // the function name
    const Node& sum = p.graph.node(c.inputs[1]);
    EXPECT_EQ(sum.pos.column, 23);  // the '+'
    EXPECT_EQ(p.graph.node(sum.inputs[1]).pos.column, 25);  // the literal 2
}

TEST(Parser, BackwardChoosesRootAndSeed) {
    const Program p = parse("input x = [1, 2, 3]\ninput y = [4, 5, 6]\ninput z = [7, 8, 9]\n"
                            "t = x + y\nl = t.T @ z\nbackward t with [7, 8, 9]\n");
    EXPECT_EQ(p.root, p.graph.find("t"));
    EXPECT_EQ(p.seed, (Matrix(3, 1) << 7, 8, 9).finished());

    const Program q = parse("input a = 2\nb = a * 3\nc = b * 4\nbackward b with 0.5\n");
    EXPECT_EQ(q.root, q.graph.find("b"));
    EXPECT_EQ(q.seed(0, 0), 0.5);

    const Program r = parse("input a = 2\nbackward a\n");  // a leaf may be the root
    EXPECT_EQ(r.root, r.graph.find("a"));
    EXPECT_EQ(r.seed, Matrix::Ones(1, 1));
}

TEST(Parser, WithoutBackwardTheRootIsTheLastAssignment) {
    const Program p = parse("input a = 2\nb = a * 3\nc = b * 4\nparam w = 1\n");
    EXPECT_EQ(p.root, p.graph.find("c"));
    EXPECT_EQ(p.seed, Matrix::Ones(1, 1));
}

// ---- the SPEC examples --------------------------------------------------------------------

TEST(Parser, SpecChainRule) {
    const Program p = parse("input a = 2\ninput b = 1\ne = (a + b) * (b + 1)\n");
    ASSERT_EQ(p.graph.size(), 6);
    const std::vector<std::string> names = {"a", "b", "%1", "%2", "%3", "e"};
    const std::vector<std::string> ops = {"input", "input", "add", "const", "add", "mul"};
    for (NodeId id = 0; id < 6; ++id) {
        EXPECT_EQ(p.graph.node(id).name(), names[static_cast<std::size_t>(id)]);
        EXPECT_EQ(opName(p.graph.node(id)), ops[static_cast<std::size_t>(id)]);
    }
    EXPECT_EQ(inputNames(p, p.graph.node(2)), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(inputNames(p, p.graph.node(4)), (std::vector<std::string>{"b", "%2"}));
    EXPECT_EQ(inputNames(p, p.graph.node(5)), (std::vector<std::string>{"%1", "%3"}));
    EXPECT_TRUE(p.graph.node(5).named);
    EXPECT_FALSE(p.graph.node(2).named);
    EXPECT_EQ(p.root, 5);
    const Evaluation eval = evaluate(p);
    EXPECT_EQ(eval.values[5](0, 0), 6);
    EXPECT_EQ(eval.grads[0](0, 0), 2);
    EXPECT_EQ(eval.grads[1](0, 0), 5);
}

TEST(Parser, SpecMlp) {
    const Program p = parse("input x = 1\nparam w1 = [[1],[2]]\nparam w2 = [[3,4],[5,6]]\n"
                            "z1 = w1 @ x\ny1 = sigmoid(z1)\nz2 = w2 @ y1\ny2 = sigmoid(z2)\nloss = mse(y2, [1, 0])\n");
    EXPECT_NEAR(valueOf(p, "loss"), 0.4998743766, 1e-10);
}

TEST(Parser, SpecVjp) {
    const std::string body = "input x = [1,2,3]\ninput y = [4,5,6]\ninput z = [7,8,9]\nt = x + y\nl = t.T @ z\n";
    const Program p = parse(body);
    EXPECT_EQ(valueOf(p, "l"), 172);
    const Program q = parse(body + "backward t with [7, 8, 9]\n");
    const Evaluation eval = evaluate(q);
    EXPECT_EQ(eval.grads[static_cast<std::size_t>(q.graph.find("x"))], (Matrix(3, 1) << 7, 8, 9).finished());
}

TEST(Parser, ShippedExamplesAndGoldenFilesParse) {
    namespace fs = std::filesystem;
    int count = 0;
    for (const char* dir : {BPS_TEST_DATA "/golden", BPS_TEST_DATA "/../../resources/examples"}) {
        if (!fs::exists(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().extension() != ".bpg") continue;
            SCOPED_TRACE(entry.path().string());
            Program p;
            ASSERT_NO_THROW(p = loadProgramFile(entry.path().string()));
            EXPECT_GE(p.root, 0);
            ++count;
        }
    }
    EXPECT_GT(count, 0);
}

// ---- errors with their place ----------------------------------------------------------------

struct ErrorCase {
    std::string source;
    std::string expected;
};

std::string nested(int n, const std::string& open, const std::string& close) {
    std::string s = "a = ";
    for (int i = 0; i < n; ++i) s += open;
    s += "1";
    for (int i = 0; i < n; ++i) s += close;
    return s;
}

TEST(ParserErrors, EachKindAtItsLineAndColumn) {
    const std::vector<ErrorCase> cases = {
        // unknown names
        {"a = q + 1", "t.bpg:1:5: error: unknown name 'q'"},
        {"input a = 1\nb = a*2\nbackward q", "t.bpg:3:10: error: unknown name 'q'"},
        // redefinition names the first definition's line
        {"input a = 1\nb = a * 2\nb = a + 1", "t.bpg:3:1: error: 'b' is already defined at line 2"},
        {"input a = 1\nparam a = 2", "t.bpg:2:7: error: 'a' is already defined at line 1"},
        // unexpected tokens
        {"input a = 1\nb = (a + )", "t.bpg:2:10: error: unexpected token ')', expected an expression"},
        {"input a = 1\nb = a a", "t.bpg:2:7: error: unexpected name 'a', expected end of line"},
        {"input a = 1\nb = a)", "t.bpg:2:6: error: unexpected token ')', expected end of line"},
        {"input a = 1\nb a", "t.bpg:2:3: error: unexpected name 'a', expected '=' after 'b'"},
        {"+ 1", "t.bpg:1:1: error: unexpected token '+', expected a statement (a declaration, an assignment or backward)"},
        {"input a = 1\nb = a ^", "t.bpg:2:8: error: unexpected end of file, expected an expression"},
        {"input a = 1\nb = a ^ ^ 2", "t.bpg:2:9: error: unexpected token '^', expected an expression"},
        {"input a = 1\ninput b = a",
         "t.bpg:2:11: error: unexpected name 'a', expected a literal (a number or [...])"},
        {"input a = 1 + 2",
         "t.bpg:1:13: error: unexpected token '+', expected end of line (a declaration's value is a literal)"},
        {"input a = 1\nb = a + param", "t.bpg:2:9: error: unexpected keyword 'param', expected an expression"},
        {"input with = 1", "t.bpg:1:7: error: 'with' is a keyword and cannot be a name"},
        {"input = 1", "t.bpg:1:1: error: 'input' is a keyword and cannot be a name"},
        {"input a = 1\nbackward = a", "t.bpg:2:1: error: 'backward' is a keyword and cannot be a name"},
        {"input a = 1\nwith = a", "t.bpg:2:1: error: 'with' is a keyword and cannot be a name"},
        {"input a = 1\nwith a", "t.bpg:2:1: error: unexpected keyword 'with', expected a statement (a declaration, an "
                                 "assignment or backward)"},
        {"input a = 1\nparam 2 = a", "t.bpg:2:7: error: unexpected number '2', expected a name"},
        {"input m = [1,\n  2,\n  3,\n  q]", "t.bpg:4:3: error: unexpected name 'q', expected a number"},
        {"input m = [1,\n  2,\n  3 4]", "t.bpg:3:5: error: unexpected number '4', expected ']' to close '[' at 1:11"},
        {"input m = [1,\n  2, # two\n  3,\n  ]", "t.bpg:4:3: error: unexpected token ']', expected a number"},
        {"input a = 1\nb = a\n;c = a b", "t.bpg:3:8: error: unexpected name 'b', expected end of line"},
        {"input a = 1\nb = (a + 1 2", "t.bpg:2:12: error: unexpected number '2', expected ')' to close '(' at 2:5"},
        {"input a = 1\nb = mse(a a)", "t.bpg:2:11: error: unexpected name 'a', expected ',' or ')'"},
        {"input m = []", "t.bpg:1:12: error: unexpected token ']', expected a number"},
        {"input m = [[1, 2], 3]", "t.bpg:1:20: error: unexpected number '3', expected '[' to start row 2"},
        {"input m = [1, [2]]", "t.bpg:1:15: error: unexpected token '[', expected a number"},
        {"input a = 1\nb = a * 2\nbackward b\nbackward b",
         "t.bpg:4:1: error: only one backward statement is allowed; the first is at line 3"},
        // brackets never closed: at the end of the file, naming the innermost open bracket
        {"input a = 1\nb = (a +\n  (a * 2\n", "t.bpg:4:1: error: '(' opened at 3:3 is never closed"},
        {"input m = [[1, 2],\n [3, 4]", "t.bpg:2:8: error: '[' opened at 1:11 is never closed"},
        {"input a = 1\nb = mse(a, a", "t.bpg:2:13: error: '(' opened at 2:8 is never closed"},
        {"input a = 1\nb = sigmoid(a, (a", "t.bpg:2:18: error: '(' opened at 2:16 is never closed"},
        // functions
        {"input a = 1\nb = foo(a)", "t.bpg:2:5: error: unknown function 'foo'"},
        {"input a = 1\nb = a(a)", "t.bpg:2:5: error: unknown function 'a'"},
        {"input a = 1\nb = mse(a)", "t.bpg:2:5: error: 'mse' takes 2 arguments, got 1"},
        {"input a = 1\nb = sum()", "t.bpg:2:5: error: 'sum' takes 1 or 2 arguments, got 0"},
        {"input a = 1\nb = sigmoid()", "t.bpg:2:5: error: 'sigmoid' takes 1 argument, got 0"},
        {"input a = 1\nb = clamp(a, 0)", "t.bpg:2:5: error: 'clamp' takes 3 arguments, got 2"},
        {"input a = [[1, 2]]\nb = softmax(a, 2)", "t.bpg:2:16: error: argument 2 of 'softmax' is an axis: 0 (down the rows) or 1 (along each row), got 2"},
        {"input a = [[1, 2]]\nb = max(a, 0.5)", "t.bpg:2:12: error: argument 2 of 'max' is an axis: 0 (down the rows) or 1 (along each row), got 0.5"},
        {"input a = [[1, 2]]\nb = clamp(a, a, 1)", "t.bpg:2:14: error: argument 2 of 'clamp' must be a number"},
        {"input a = [[1, 2]]\nb = cross_entropy(a, [[1, 2, 3]])", "t.bpg:2:5: error: shape mismatch: the scores are 1x2, so the targets must be 1x1 class indices (0 to 1) or 1x2 class probabilities, not 1x3"},
        {"input a = [[1, 2]]\nb = concat(a, [1, 2], 0)", "t.bpg:2:5: error: shape mismatch in concat: 1x2 and 2x1 (one above the other, they need the same number of columns)"},
        {"input a = 1\nb = a\nb += 1", "t.bpg:3:3: error: '+=' changes a name, but in .bpg each name is defined once (it is a node of the graph): write a new name, e.g. b2 = b + ..."},
        {"input a = 1\nb = a.detach()", "t.bpg:2:6: error: '.detach()' is PyTorch's method call; .bpg writes a function of the value: detach(x) instead of x.detach() (and .T for the transpose)"},
        {"input a = 1\nb = sigmoid(a, a, (a, [1]))", "t.bpg:2:5: error: 'sigmoid' takes 1 argument, got 3"},
        {"input a = [1, 2]\nb = reshape(a, 2)", "t.bpg:2:5: error: 'reshape' takes 3 arguments, got 2"},
        {"input a = [1, 2]\nb = reshape(a, a, 2)", "t.bpg:2:16: error: argument 2 of 'reshape' must be a number"},
        {"input a = [1, 2]\nb = reshape(a, 1.5, 2)",
         "t.bpg:2:16: error: argument 2 of 'reshape' must be a whole number, got 1.5"},
        // ragged literals
        {"input m = [[1, 2], [3, 4, 5]]", "t.bpg:1:20: error: ragged matrix literal: row 2 has 3 entries, row 1 has 2"},
        {"input m = [[1, 2],\n           [3, 4],\n           [5]]",
         "t.bpg:3:12: error: ragged matrix literal: row 3 has 1 entry, row 1 has 2"},
        // shapes: both shapes named, at the operator
        {"input a = [1, 2]\ninput b = [1, 2, 3]\nc = a + b",
         "t.bpg:3:7: error: shape mismatch: 2x1 and 3x1 do not broadcast (each dimension must be equal, or 1 in one "
         "of them)"},
        {"input a = [[1, 2]]\nc = a @ a",
         "t.bpg:2:7: error: shape mismatch in matrix product: 1x2 @ 1x2 (the columns of the left, 2, must equal the "
         "rows of the right, 1)"},
        {"input a = [1, 2]\nc = sum(reshape(a, 3, 1))",
         "t.bpg:2:9: error: cannot reshape 2x1 to 3x1 (the number of entries must stay the same)"},
        // roots and seeds
        {"input a = [1, 2]\nt = a * 2",
         "t.bpg:2:1: error: the root 't' is 2x1: a root that is not 1x1 needs a seed, e.g. `backward t with [1, 1]`"},
        {"input a = [[1, 2], [3, 4]]\nt = a * 2\nl = sum(t)\nbackward t",
         "t.bpg:4:10: error: the root 't' is 2x2: a root that is not 1x1 needs a seed, e.g. `backward t with [[1, "
         "1], [1, 1]]`"},
        {"input a = [1, 2]\nt = a * 2\nbackward t with [1, 2, 3]",
         "t.bpg:3:17: error: the seed is 3x1 but the root 't' is 2x1: the seed must have the root's shape"},
        {"input a = 2\nt = a * 2\nbackward t with [1, 2]",
         "t.bpg:3:17: error: the seed is 2x1 but the root 't' is 1x1: the seed must have the root's shape"},
        {"input a = 1\n", "t.bpg:2:1: error: nothing to evaluate: the program assigns no name"},
        {"", "t.bpg:1:1: error: nothing to evaluate: the program assigns no name"},
        {"# only a comment", "t.bpg:1:17: error: nothing to evaluate: the program assigns no name"},
        // characters that start no token
        {"a = 1 $ 2", "t.bpg:1:7: error: unexpected character '$'"},
        {"a = 1\x01", "t.bpg:1:6: error: unexpected character '\\x01'"},
        {std::string("a = \0", 5), "t.bpg:1:5: error: unexpected character '\\x00'"},
        {"a = 2 \xC3\x97 3", "t.bpg:1:7: error: unexpected character '\xC3\x97' (U+00D7)"},
        {"a = 2 \xFF", "t.bpg:1:7: error: unexpected character '\\xff'"},
        {"a = 2 \xC3", "t.bpg:1:7: error: unexpected character '\\xc3'"},
        {"input a = 1\nb = a.x", "t.bpg:2:6: error: unexpected character '.'"},
        {"a = 1..", "t.bpg:1:7: error: unexpected character '.'"},
        // full-width punctuation from a CJK input method, with the ASCII character it stands for
        {"input a = 1\nb = a\xEF\xBC\x8C 2",
         "t.bpg:2:6: error: unexpected character '\xEF\xBC\x8C' (U+FF0C) (full-width: did you mean ','?)"},
        {"input a = 1\nb = (a + 1\xEF\xBC\x89",
         "t.bpg:2:11: error: unexpected character '\xEF\xBC\x89' (U+FF09) (full-width: did you mean ')'?)"},
        {"input a = 1\nb = a \xEF\xBC\x8A 2",
         "t.bpg:2:7: error: unexpected character '\xEF\xBC\x8A' (U+FF0A) (full-width: did you mean '*'?)"},
        {"input a = 1\nb\xEF\xBC\x9D a",
         "t.bpg:2:2: error: unexpected character '\xEF\xBC\x9D' (U+FF1D) (full-width: did you mean '='?)"},
        {"input a = 1\nb =\xE3\x80\x80" "a",
         "t.bpg:2:4: error: unexpected character '\xE3\x80\x80' (U+3000) (a full-width space: did you mean an "
         "ordinary space ' '?)"},
        {"input a = 1\nb = a\xE3\x80\x82",
         "t.bpg:2:6: error: unexpected character '\xE3\x80\x82' (U+3002) (full-width: did you mean '.'?)"},
        // numbers
        {"a = 1e999", "t.bpg:1:5: error: the number '1e999' is too large for a double"},
        {"input m = [1, -1e400]", "t.bpg:1:16: error: the number '1e400' is too large for a double"},
        // nesting: parentheses, unary minus, calls
        {nested(200000, "(", ")"), "t.bpg:1:261: error: nesting deeper than 256 levels"},
        {nested(300, "-", ""), "t.bpg:1:261: error: nesting deeper than 256 levels"},
        {nested(300, "sum(", ")"), "t.bpg:1:1032: error: nesting deeper than 256 levels"},
    };
    for (const ErrorCase& c : cases) {
        SCOPED_TRACE(c.source.size() < 200 ? c.source : c.source.substr(0, 200) + "...");
        EXPECT_EQ(errorOf(c.source), c.expected);
    }
}

TEST(ParserErrors, ErrorCarriesItsParts) {
    try {
        parseProgram("input a = 1\nb = a + zz\n", "dir/model.bpg");
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file, "dir/model.bpg");
        EXPECT_EQ(e.line, 2);
        EXPECT_EQ(e.column, 9);
        EXPECT_EQ(e.message, "unknown name 'zz'");
        EXPECT_STREQ(e.what(), "dir/model.bpg:2:9: error: unknown name 'zz'");
    }
}

TEST(ParserErrors, Limits) {
    ParseLimits limits;
    limits.maxMatrixEntries = 4;
    EXPECT_EQ(errorOf("input m = [1, 2, 3, 4, 5]\nl = sum(m)", limits),
              "t.bpg:1:11: error: matrix literal has more than 4 entries, the limit");
    EXPECT_EQ(errorOf("input m = [[1, 2], [3, 4], [5, 6]]\nl = sum(m)", limits),
              "t.bpg:1:11: error: matrix literal has more than 4 entries, the limit");
    EXPECT_EQ(errorOf("input m = [[1, 2], [3, 4]]\nl = sum(m)", limits), "no error");

    limits = {};
    limits.maxNodes = 3;
    EXPECT_EQ(errorOf("input a = 1\nb = a + 1 + 2", limits),
              "t.bpg:2:13: error: the program has more than 3 nodes, the limit");
    EXPECT_EQ(errorOf("input a = 1\nb = a + 1", limits), "no error");

    limits = {};
    limits.maxSourceBytes = 10;
    EXPECT_EQ(errorOf("input a = 1\nb = a * 2", limits),
              "t.bpg: error: the source is 21 bytes, over the limit of 10 bytes");

    limits = {};
    limits.maxNesting = 3;
    EXPECT_EQ(errorOf("a = ((1))", limits), "no error");
    EXPECT_EQ(errorOf("a = (((-1)))", limits), "t.bpg:1:8: error: nesting deeper than 3 levels");
}

TEST(ParserErrors, ErrorAtTheEndOfAThreeMegabyteLine) {
    std::string source = "input a = 1\nb = [";  // line 2 starts at offset 12
    while (source.size() < 3'000'000) source += "1.5, ";
    const std::size_t column = source.size() - 12 + 1;
    source += "?]";
    EXPECT_EQ(errorOf(source), "t.bpg:2:" + std::to_string(column) + ": error: unexpected character '?'");
}

TEST(ParserErrors, LongTokensAreClippedInMessages) {
    const std::string longName(100'000, 'x');
    EXPECT_EQ(errorOf("input a = 1\nb = a " + longName),
              "t.bpg:2:7: error: unexpected name '" + std::string(40, 'x') + "...', expected end of line");
}

// Every prefix of valid programs, and random bytes, give a program or a ParseError: no other
// exception, no crash, no hang.
TEST(ParserErrors, PrefixesAndGarbageNeverCrash) {
    const std::vector<std::string> programs = {
        "input x = 1\nparam w1 = [[1], [2]]\nparam w2 = [[3, 4], [5, 6]]\nz1 = w1 @ x\ny1 = sigmoid(z1)\n"
        "z2 = w2 @ y1\ny2 = sigmoid(z2)\nloss = mse(y2, [1, 0])  # comment\n",
        "input x = [1, 2, 3]\nt = -x.T ^ 2 * reshape(x, 1, 3); l = sum(t) / 2.5e0\nbackward t with [[1, 2, 3]]\n",
    };
    for (const std::string& program : programs) {
        for (std::size_t n = 0; n <= program.size(); ++n) {
            try {
                parse(program.substr(0, n));
            } catch (const ParseError&) {
            }
        }
    }
    std::mt19937 random(12345);
    for (int i = 0; i < 500; ++i) {
        std::string garbage(static_cast<std::size_t>(random() % 200), '\0');
        for (char& c : garbage) c = static_cast<char>(random() % 256);
        try {
            parse(garbage);
        } catch (const ParseError&) {
        }
        // Garbage spliced into a valid program.
        std::string spliced = programs[0];
        spliced.insert(random() % spliced.size(), garbage.substr(0, 3));
        try {
            parse(spliced);
        } catch (const ParseError&) {
        }
    }
    const std::string binary = {'\x7f', 'E', 'L', 'F', '\x02', '\x01', '\x01', '\0'};
    EXPECT_EQ(errorOf(binary), "t.bpg:1:1: error: unexpected character '\\x7f'");
}

// ---- size --------------------------------------------------------------------------------

TEST(ParserSize, AMillionEntryLiteralIsAccepted) {
    std::string source = "input m = [";
    source.reserve(4'000'000);
    for (int i = 0; i < 1'000'000; ++i) {
        if (i) source += ", ";
        source += std::to_string(i % 10);
    }
    source += "]\nl = sum(m)\n";
    const auto start = std::chrono::steady_clock::now();
    const Program p = parse(source);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(nodeNamed(p, "m").shape, (Shape{1'000'000, 1}));
    EXPECT_EQ(nodeNamed(p, "m").leafValue()(999'999, 0), 9);
    EXPECT_LT(ms, 2000);

    std::string square = "input m = [";
    for (int r = 0; r < 1000; ++r) {
        square += r ? ",\n[" : "[";
        for (int c = 0; c < 1000; ++c) {
            if (c) square += ",";
            square += std::to_string((r + c) % 7);
        }
        square += "]";
    }
    square += "]\nl = sum(m)\n";
    const Program q = parse(square);
    EXPECT_EQ(nodeNamed(q, "m").shape, (Shape{1000, 1000}));
    EXPECT_EQ(nodeNamed(q, "m").leafValue()(2, 999), (2 + 999) % 7);
}

TEST(ParserSize, A64MegabyteSourceIsAccepted) {
    std::string source = "input m = [";
    source.reserve((64u << 20) + 100);
    std::string megabyte;
    while (megabyte.size() < (1u << 20)) megabyte += "0.25, 1.5, -3, 4e-3, ";
    while (source.size() < (64u << 20)) source += megabyte;
    source += "1]\nl = sum(m)\n";
    const auto start = std::chrono::steady_clock::now();
    const Program p = parse(source);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GT(nodeNamed(p, "m").shape.rows, 3'000'000);
    EXPECT_LT(ms, 10'000);
}

TEST(ParserSize, AThreeMegabyteLineParses) {
    std::string source = "input m = [";
    while (source.size() < 3'000'000) source += "0.125, ";
    source += "1]\nl = sum(m)\n";
    const Program p = parse(source);
    EXPECT_GT(nodeNamed(p, "m").shape.rows, 400'000);
}

TEST(ParserSize, LongChainsAndLongExpressionsDoNotRecurse) {
    // 30,000 statements, each using the one before.
    std::string chain = "param x = 0.5\nt0 = x * 1\n";
    for (int i = 1; i < 30'000; ++i)
        chain.append("t").append(std::to_string(i)).append(" = t").append(std::to_string(i - 1)).append(" * 1 + 0\n");
    const Program p = parse(chain);
    EXPECT_EQ(p.root, p.graph.find("t29999"));
    EXPECT_EQ(p.graph.size(), 1 + 2 + 29'999 * 4);

    // One statement of 100,000 terms: a left-leaning tree 100,000 deep, built by a loop; the
    // writer too builds its text without recursion.
    std::string sum = "input a = 1\nb = a";
    for (int i = 0; i < 100'000; ++i) sum += " + a";
    const Program q = parse(sum);
    EXPECT_EQ(q.graph.size(), 100'001);
    EXPECT_EQ(writeProgram(q), sum + "\n");
}

// ---- parseLiteral (a --set value, a number typed in the window) ---------------------------

std::string literalErrorOf(std::string_view text) {
    try {
        parseLiteral(text, "--set x");
    } catch (const ParseError& e) {
        return e.what();
    }
    return "no error";
}

TEST(ParseLiteral, ReadsEachForm) {
    EXPECT_EQ(parseLiteral("2.5"), Matrix::Constant(1, 1, 2.5));
    EXPECT_EQ(parseLiteral(" -3 "), Matrix::Constant(1, 1, -3));
    EXPECT_EQ(parseLiteral("[1, 0]"), (Matrix(2, 1) << 1, 0).finished());
    EXPECT_EQ(parseLiteral("[[3, 4],\n [5, 6]]\n"), (Matrix(2, 2) << 3, 4, 5, 6).finished());
    EXPECT_EQ(parseLiteral("[[1, 2]]"), (Matrix(1, 2) << 1, 2).finished());
}

TEST(ParseLiteral, ErrorsAreAtTheirPlaceInTheUsersText) {
    EXPECT_EQ(literalErrorOf("[1, 2"), "--set x:1:6: error: '[' opened at 1:1 is never closed");
    EXPECT_EQ(literalErrorOf("1 2"), "--set x:1:3: error: unexpected number '2', expected the end of the literal");
    EXPECT_EQ(literalErrorOf("[[1,2],[3]]"), "--set x:1:8: error: ragged matrix literal: row 2 has 1 entry, row 1 has 2");
    EXPECT_EQ(literalErrorOf("w1"), "--set x:1:1: error: unexpected name 'w1', expected a literal (a number or [...])");
    EXPECT_EQ(literalErrorOf(""), "--set x:1:1: error: unexpected end of file, expected a literal (a number or [...])");
    EXPECT_EQ(literalErrorOf("[1,\n2 3]"), "--set x:2:3: error: unexpected number '3', expected ']' to close '[' at 1:1");
    EXPECT_EQ(literalErrorOf("1; 2"), "--set x:1:2: error: unexpected token ';', expected the end of the literal");
}

// ---- files -------------------------------------------------------------------------------

std::string tempPath(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("bps_parser_test_" + name)).string();
}

TEST(ParserFiles, LoadProgramFile) {
    const std::string path = tempPath("ok.bpg");
    {
        std::ofstream out(path, std::ios::binary);
        out << "input a = 2\r\nb = a * a\r\n";
    }
    const Program p = loadProgramFile(path);
    EXPECT_EQ(p.root, p.graph.find("b"));

    ParseLimits small;
    small.maxSourceBytes = 10;
    try {
        loadProgramFile(path, small);
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(std::string(e.what()), path + ": error: the file is larger than the limit of 10 bytes");
        EXPECT_EQ(e.line, 0);
    }
    std::filesystem::remove(path);
}

TEST(ParserFiles, ErrorsNameTheFile) {
    const std::string path = tempPath("bad.bpg");
    {
        std::ofstream out(path, std::ios::binary);
        out << "input a = 2\nb = a * c\n";
    }
    try {
        loadProgramFile(path);
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(std::string(e.what()), path + ":2:9: error: unknown name 'c'");
    }
    std::filesystem::remove(path);
}

TEST(ParserFiles, MissingFileAndDirectory) {
    const std::string missing = tempPath("does-not-exist.bpg");
    try {
        loadProgramFile(missing);
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(std::string(e.what()), missing + ": error: cannot open file: No such file or directory");
        EXPECT_EQ(e.line, 0);
        EXPECT_EQ(e.column, 0);
    }
    const std::string dir = std::filesystem::temp_directory_path().string();
    try {
        loadProgramFile(dir);
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line, 0);
        EXPECT_EQ(std::string(e.what()), dir + ": error: cannot open file: it is a directory");
    }
}

// ---- writeProgram ------------------------------------------------------------------------

TEST(Writer, ChainRuleIsWrittenAsTheUserWouldWriteIt) {
    const Program p = parse("input a = 2\ninput b = 1\ne = (a + b) * (b + 1)\n");
    EXPECT_EQ(writeProgram(p), "input a = 2\ninput b = 1\ne = (a + b) * (b + 1)\n");
}

TEST(Writer, LiteralsAndSeeds) {
    const Program p = parse("input x = 1\nparam w1 = [[1], [2]]\nparam w2 = [[3, 4], [5, 6]]\nconst r = [[1, 2]]\n"
                            "const v = [0.1, -2.5e-300]\nz = w2 @ (w1 @ x) + v\nbackward z with [1, -0.5]\n");
    EXPECT_EQ(writeProgram(p),
              "input x = 1\nparam w1 = [1, 2]\nparam w2 = [[3, 4], [5, 6]]\nconst r = [[1, 2]]\n"
              "const v = [0.1, -2.5e-300]\nz = w2 @ (w1 @ x) + v\nbackward z with [1, -0.5]\n");
}

TEST(Writer, BackwardOnlyWhenNeeded) {
    EXPECT_EQ(writeProgram(parse("input a = 1\nb = a * 2\nc = b * 3\nbackward b\n")),
              "input a = 1\nb = a * 2\nc = b * 3\nbackward b\n");
    EXPECT_EQ(writeProgram(parse("input a = 1\nb = a * 2\nbackward b with 3\n")),
              "input a = 1\nb = a * 2\nbackward b with 3\n");
    EXPECT_EQ(writeProgram(parse("input a = 1\nb = a * 2\nbackward b\n")), "input a = 1\nb = a * 2\n");
}

TEST(Writer, RoundTrips) {
    expectRoundTrip("input a = 2\ninput b = 1\ne = (a + b) * (b + 1)\n");
    expectRoundTrip("input x = 1\nparam w1 = [[1],[2]]\nparam w2 = [[3,4],[5,6]]\nz1 = w1 @ x\ny1 = sigmoid(z1)\n"
                    "z2 = w2 @ y1\ny2 = sigmoid(z2)\nloss = mse(y2, [1, 0])\n");
    expectRoundTrip("input x = [1,2,3]\ninput y = [4,5,6]\ninput z = [7,8,9]\nt = x + y\nl = t.T @ z\n"
                    "backward t with [7, 8, 9]\n");
    expectRoundTrip("input a = 1.5\nb = a - (a - 2) - -3 + -a * -(2) / (a * a) ^ -0.5\n"
                    "c = -2 ^ 2 + (-2) ^ 2 + -(2 ^ 2) + --a + (-a) ^ 3 + -a.T + (-2).T\n"
                    "d = a - (a + a) - (a - a) / (a / a) / a\n");
    expectRoundTrip("input m = [[1, 2, 3], [4, 5, 6]]\nr = reshape(m, 3, 2)\np = pow(m, 2) * m ^ 0.5\n"
                    "q = identity(m) + transpose(r)\ns = m\nk = 7\nn = -7\nu = sum(abs(s) + sqrt(m) + relu(m))\n"
                    "v = mean(tanh(m) * exp(m) * log(m)) + mse(m, q)\nbackward q with [[1, 2, 3], [4, 5, 6]]\n");
    expectRoundTrip("param w = 1e-300\nconst tiny = 5e-324\nconst big = 1.7976931348623157e308\n"
                    "l = w * tiny * 0.1 + big * 0.30000000000000004 * -0\n");
    std::string deep = "input a = 1\nb = a";
    for (int i = 0; i < 200; ++i) deep = deep + " * 2 + a";
    expectRoundTrip(deep + "\n");
    std::string nestedCalls = "input a = 1\nb = ";
    for (int i = 0; i < 100; ++i) nestedCalls += "sigmoid(";
    nestedCalls += "a";
    for (int i = 0; i < 100; ++i) nestedCalls += ")";
    // 100 nested calls are written with generated names (the parser takes 256 levels at most).
    const Program p = parse(nestedCalls + "\n");
    const Program q = parse(writeProgram(p));
    EXPECT_EQ(q.graph.size(), p.graph.size());
    EXPECT_DOUBLE_EQ(valueOf(q, "b"), valueOf(p, "b"));
}

TEST(Writer, ShippedExamplesRoundTrip) {
    namespace fs = std::filesystem;
    for (const char* dir : {BPS_TEST_DATA "/golden", BPS_TEST_DATA "/../../resources/examples"}) {
        if (!fs::exists(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().extension() != ".bpg") continue;
            SCOPED_TRACE(entry.path().string());
            const Program first = loadProgramFile(entry.path().string());
            const std::string written = writeProgram(first);
            Program second;
            ASSERT_NO_THROW(second = parse(written)) << written;
            expectSameProgram(first, second);
        }
    }
}

TEST(Writer, GraphsBuiltInCodeGetNamesForSharedAndRootNodes) {
    // Built without the parser: an anonymous op used twice, an anonymous root, an anonymous
    // param, a shared matrix constant, a name that is not an identifier.
    Program p;
    Graph& g = p.graph;
    const NodeId x = g.addLeaf(NodeKind::Input, Matrix::Constant(2, 1, 3.0), "x");
    const NodeId w = g.addLeaf(NodeKind::Param, Matrix::Constant(2, 1, 0.5));
    const NodeId k = g.addLeaf(NodeKind::Const, (Matrix(2, 1) << 1, 2).finished());
    const NodeId shared = g.addOp(op("mul"), {x, w});
    const NodeId odd = g.addOp(op("add"), {shared, k}, {}, "out.0");
    const NodeId y = g.addOp(op("add"), {shared, odd});
    const NodeId z = g.addOp(op("mul"), {y, k});
    const NodeId t = g.addOp(op("sum"), {z});
    p.root = t;
    p.seed = Matrix::Ones(1, 1);
    const std::string text = writeProgram(p);
    EXPECT_EQ(text,
              "input x = [3, 3]\n"
              "param t1 = [0.5, 0.5]\n"
              "const t2 = [1, 2]\n"
              "t3 = x * t1\n"
              "out_0 = t3 + t2\n"
              "t6 = sum((t3 + out_0) * t2)\n");
    const Program q = parse(text);
    EXPECT_EQ(q.graph.size(), g.size());
    EXPECT_DOUBLE_EQ(evaluate(q).values[static_cast<std::size_t>(q.root)](0, 0),
                     evaluate(p).values[static_cast<std::size_t>(t)](0, 0));
}

TEST(Writer, NonFiniteValuesCannotBeWritten) {
    Program p;
    const NodeId a = p.graph.addLeaf(NodeKind::Param, Matrix::Constant(1, 1, INFINITY), "a");
    p.root = p.graph.addOp(op("neg"), {a}, {}, "b");
    p.seed = Matrix::Ones(1, 1);
    try {
        writeProgram(p);
        FAIL() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "'a': cannot write the non-finite value inf in .bpg");
    }
}

}  // namespace
}  // namespace bp

namespace bp {
namespace {

// x[i, j] and x[a:b, :]: rows then columns, an index keeps its dimension (x[i] is 1 x cols), the
// ends of a range follow Python (negative from the back, clamped), and the writer reads back.
TEST(Parser, IndexingAndSlicing) {
    const Program p = parseProgram("input x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]\n"
                                   "a = x[0:2, 1:]\nb = x[-1]\nc = x[1, -1]\nd = x[:, :2]\ne = x[-9:, -1:]\n"
                                   "f = x.T[0]\nl = sum(a) + sum(b) + c + sum(d) + sum(f)\n");
    const Evaluation ev = evaluate(p);
    auto value = [&](const char* n) { return ev.values[static_cast<std::size_t>(p.graph.find(n))]; };
    EXPECT_EQ(value("a"), (Matrix(2, 2) << 2, 3, 5, 6).finished());
    EXPECT_EQ(value("b"), (Matrix(1, 3) << 7, 8, 9).finished());
    EXPECT_EQ(value("c"), Matrix::Constant(1, 1, 6));
    EXPECT_EQ(value("d"), (Matrix(3, 2) << 1, 2, 4, 5, 7, 8).finished());
    EXPECT_EQ(value("e"), (Matrix(3, 1) << 3, 6, 9).finished());  // -9: is clamped to 0:
    EXPECT_EQ(value("f"), (Matrix(1, 3) << 1, 4, 7).finished());
    const std::string written = writeProgram(p);
    EXPECT_NE(written.find("a = x[0:2, 1:3]"), std::string::npos) << written;
    EXPECT_NE(written.find("c = x[1, 2]"), std::string::npos) << written;
    expectSameProgram(p, parseProgram(written));
}

TEST(Parser, IndexingErrorsSayWhereAndWhy) {
    EXPECT_EQ(errorOf("input x = [[1, 2], [3, 4]]\ny = x[2, 0]"),
              "t.bpg:2:7: error: index 2 is out of range for the rows of 2x2 (from -2 to 1)");
    EXPECT_EQ(errorOf("input x = [[1, 2], [3, 4]]\ny = x[0, -3]"),
              "t.bpg:2:10: error: index -3 is out of range for the columns of 2x2 (from -2 to 1)");
    EXPECT_EQ(errorOf("input x = [[1, 2], [3, 4]]\ny = x[1:1, :]"),
              "t.bpg:2:7: error: the range 1:1 picks none of the rows of 2x2");
    EXPECT_EQ(errorOf("input x = [[1, 2], [3, 4]]\ny = x[0:2:1, :]"),
              "t.bpg:2:10: error: a slice with a step (a:b:c) is not supported; write a:b");
    EXPECT_EQ(errorOf("input x = [[1, 2], [3, 4]]\ny = x[0.5]"),
              "t.bpg:2:7: error: an index is a whole number, not 0.5");
    EXPECT_EQ(errorOf("input x = [[1, 2], [3, 4]]\ny = x[0, 1, 1]"),
              "t.bpg:2:11: error: unexpected token ',', expected ',' or ']' after an index");
}

}  // namespace
}  // namespace bp
