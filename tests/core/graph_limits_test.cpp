// SPDX-License-Identifier: GPL-3.0-or-later
// Sizes that ops compute are limited while the graph is built, before anything is evaluated: a
// value larger than a literal may be, or a graph whose evaluation would not fit its memory budget,
// is refused naming the node, its shape and the limit, from .bpg and .json alike.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "core/graph/graph.h"
#include "core/io/document_json.h"
#include "core/language/parser.h"
#include "core/ops/op_table.h"

namespace bp {
namespace {

std::string ones(int n) {
    std::string text = "[1";
    for (int i = 1; i < n; ++i) text += ", 1";
    return text + "]";
}

template <class Load>
std::string errorOf(Load load) {
    try {
        load();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "no error";
}

TEST(GraphLimits, AComputedValueLargerThanTheLimitIsRefusedAtItsPlace) {
    // 100,000 entries are a legal literal; their outer product would be 80 GB.
    const std::string source = "input a = " + ones(100'000) + "\ny = sum(a @ a.T)\n";
    EXPECT_EQ(errorOf([&] { parseProgram(source, "big.bpg"); }),
              "big.bpg:2:11: error: the result of matmul would be 100000x100000 (10,000,000,000 entries), "
              "more than the limit of 16,000,000 entries a value");
}

TEST(GraphLimits, ANamedNodeIsNamed) {
    const std::string source = "input a = " + ones(3'000) + "\nouter = a @ a.T\nloss = sum(outer)\n";
    EXPECT_EQ(errorOf([&] { parseProgram(source, "t.bpg"); }), "no error");
    Graph g;
    g.setLimits({.maxEntries = 1000, .budgetBytes = 1LL << 30});
    const NodeId a = g.addLeaf(NodeKind::Input, Matrix::Ones(40, 1), "a");
    const NodeId at = g.addOp(*findOp("transpose"), {a});
    EXPECT_EQ(errorOf([&] { g.addOp(*findOp("matmul"), {a, at}, {}, "outer"); }),
              "'outer' would be 40x40 (1,600 entries), more than the limit of 1,000 entries a value");
    EXPECT_EQ(g.size(), 2) << "a refused op adds no node";
}

TEST(GraphLimits, TheMemoryBudgetCountsValuesGradientsAndContributions) {
    Graph g;
    g.setLimits({.maxEntries = 1'000'000, .budgetBytes = 14'000'000});
    const NodeId a = g.addLeaf(NodeKind::Input, Matrix::Ones(500, 1), "a");  // 24 bytes an entry
    EXPECT_EQ(g.estimatedBytes(), 12'000);
    const NodeId at = g.addOp(*findOp("transpose"), {a});
    // 250,000 entries: value and gradient (16 B each) and a contribution to each input.
    const NodeId outer = g.addOp(*findOp("matmul"), {a, at}, {}, "outer");
    EXPECT_EQ(g.estimatedBytes(), 12'000 + (16 * 500 + 8 * 500) + (16 * 250'000 + 8 * 1'000));
    g.addOp(*findOp("mul"), {outer, outer}, {}, "sq1");  // about 12 MB in all: still within
    const std::string error = errorOf([&] { g.addOp(*findOp("mul"), {outer, outer}, {}, "sq2"); });
    EXPECT_NE(error.find("'sq2' (500x500) takes the graph past its memory budget"), std::string::npos) << error;
    EXPECT_NE(error.find("BACKPROP_STUDIO_MEMORY_MB"), std::string::npos) << error;
}

TEST(GraphLimits, AnOpCheckedFirstIsAddedAsChecked) {
    Graph g;
    g.setLimits({.maxEntries = 1'000'000, .budgetBytes = 1'000'000});
    const NodeId a = g.addLeaf(NodeKind::Input, Matrix::Ones(2, 3), "a");
    const NodeId b = g.addLeaf(NodeKind::Input, Matrix::Ones(3, 1), "b");
    // The shape rule at the check, with the message addOp gives; nothing is added.
    EXPECT_EQ(errorOf([&] { g.checkOp(*findOp("add"), std::initializer_list<NodeId>{a, b}, {}); }),
              errorOf([&] { g.addOp(*findOp("add"), {a, b}); }));
    EXPECT_EQ(g.size(), 2);
    const CheckedOp product = g.checkOp(*findOp("matmul"), std::initializer_list<NodeId>{a, b}, {});
    EXPECT_EQ(product.shape(), (Shape{2, 1}));
    EXPECT_EQ(g.size(), 2) << "a check adds nothing";
    const long long before = g.estimatedBytes();
    const NodeId id = g.addOp(product, "p");
    EXPECT_EQ(g.find("p"), id);
    EXPECT_EQ(g.node(id).shape, (Shape{2, 1}));
    EXPECT_EQ(g.node(id).inputs, (NodeInputs{a, b}));
    EXPECT_EQ(g.estimatedBytes() - before, 16 * 2 + 8 * (6 + 3)) << "the budget is spent when it is added";
    EXPECT_NE(errorOf([&] { g.addOp(CheckedOp{}); }), "no error") << "an op never checked is refused";
    EXPECT_EQ(g.size(), 3);
}

TEST(GraphLimits, TheBudgetIsRaisedFromTheEnvironment) {
    ::setenv("BACKPROP_STUDIO_MEMORY_MB", "12", 1);
    EXPECT_EQ(GraphLimits::fromEnvironment().budgetBytes, 12LL << 20);
    ::setenv("BACKPROP_STUDIO_MEMORY_MB", "lots", 1);  // not a number: the default stays
    EXPECT_EQ(GraphLimits::fromEnvironment().budgetBytes, GraphLimits{}.budgetBytes);
    ::unsetenv("BACKPROP_STUDIO_MEMORY_MB");
}

TEST(GraphLimits, AJsonDocumentIsRefusedTheSameWay) {
    std::string column = "[";
    for (int i = 0; i < 100'000; ++i) column += i ? ",[1]" : "[1]";
    column += "]";
    const std::string text = R"({"format":"backprop-studio","version":1,"root":"y","nodes":[
        {"name":"a","kind":"input","op":"input","inputs":[],"value":)" + column + R"(},
        {"name":"at","kind":"op","op":"transpose","inputs":["a"]},
        {"name":"y","kind":"op","op":"matmul","inputs":["a","at"]}]})";
    const std::string error = errorOf([&] { documentFromText(text, "big.json"); });
    EXPECT_NE(error.find("big.json: error:"), std::string::npos) << error;
    EXPECT_NE(error.find("'y' would be 100000x100000 (10,000,000,000 entries), more than the limit of "
                         "16,000,000 entries a value"),
              std::string::npos)
        << error;
}

}  // namespace
}  // namespace bp
