// SPDX-License-Identifier: GPL-3.0-or-later
// The flat stores of a graph: the name index (Graph::find), the names themselves (NameStore) and
// the per-node matrices of an evaluation (NodeMatrices), against what a std::unordered_map, a
// std::string per node and a std::vector<Matrix> did.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <unordered_map>

#include "core/graph/graph.h"
#include "core/language/parser.h"
#include "core/ops/op_table.h"
#include "core/trace/evaluation.h"

namespace bp {
namespace {

// Many names, renames (a rename erases the old name and indexes the new one) and lookups of
// names never given, checked step by step against a std::unordered_map.
TEST(NameIndex, AgreesWithAMapThroughAddsAndRenames) {
    Graph g;
    std::unordered_map<std::string, NodeId> expected;
    std::mt19937 rng(7);
    int fresh = 0;
    for (int i = 0; i < 20000; ++i) {
        if (i > 0 && rng() % 4 == 0) {
            const NodeId id = NodeId(rng() % unsigned(g.size()));
            const std::string name = "r" + std::to_string(fresh++);
            if (g.node(id).named) expected.erase(g.node(id).name());
            g.rename(id, name);
            expected[name] = id;
        } else {
            const std::string name = rng() % 3 == 0 ? std::string() : "n" + std::to_string(fresh++);
            const NodeId id = g.addLeaf(NodeKind::Const, Matrix::Constant(1, 1, i), name);
            if (!name.empty()) expected[name] = id;
        }
    }
    for (const auto& [name, id] : expected) ASSERT_EQ(g.find(name), id) << name;
    for (NodeId id = 0; id < g.size(); ++id) {
        const Node& node = g.node(id);
        EXPECT_EQ(g.find(node.name()), id) << node.name();  // anonymous "%k" included
    }
    EXPECT_EQ(g.find("n-never"), -1);
    EXPECT_EQ(g.find(""), -1);
    EXPECT_EQ(g.find("%999999"), -1);
    // A renamed node's old name is free again, and found no more.
    const auto [old, a] = *expected.begin();
    ASSERT_EQ(g.find(old), a);
    g.rename(a, "again");
    EXPECT_EQ(g.find(old), -1);
    EXPECT_EQ(g.find("again"), a);
    // A copy of the graph finds by its own nodes.
    Graph copy = g;
    copy.rename(a, "in-copy");
    EXPECT_EQ(copy.find("in-copy"), a);
    EXPECT_EQ(g.find("in-copy"), -1);
    EXPECT_EQ(g.find("again"), a);
}

// Names in the graph's name store: copies share what was written and write their later names
// apart; a graph moved from, or copied over, keeps working; a name larger than a block; the
// number of an anonymous node made into "%k".
TEST(NameStore, CopiesShareNamesAndWriteTheirOwnApart) {
    auto named = [](const Graph& g) {
        std::vector<std::string> names;
        for (const Node& n : g.nodes()) names.push_back(n.name());
        return names;
    };
    Graph g;
    for (int i = 0; i < 3000; ++i) g.addLeaf(NodeKind::Const, Matrix::Constant(1, 1, i), i % 3 ? "x" + std::to_string(i) : "");
    EXPECT_EQ(g.node(0).name(), "%1");
    EXPECT_EQ(g.node(3).name(), "%2");
    EXPECT_EQ(g.node(1).name(), "x1");
    EXPECT_TRUE(g.node(0).namedText().empty());
    EXPECT_EQ(g.node(2).namedText(), "x2");
    const std::vector<std::string> before = named(g);
    auto copy = std::make_unique<Graph>(g);
    for (int i = 0; i < 100; ++i) {
        g.addLeaf(NodeKind::Const, Matrix::Constant(1, 1, i), "g" + std::to_string(i));
        copy->addLeaf(NodeKind::Const, Matrix::Constant(1, 1, i), "c" + std::to_string(i));
    }
    const std::string huge(200000, 'h');
    copy->rename(5, huge);
    EXPECT_EQ(copy->node(5).name(), huge);
    EXPECT_EQ(copy->find(huge), 5);
    EXPECT_EQ(copy->node(3000).name(), "c0");
    EXPECT_EQ(g.node(3000).name(), "g0");
    EXPECT_EQ(g.node(5).name(), "x5");
    copy.reset();  // g's names do not depend on the copy
    std::vector<std::string> now = named(g);
    now.resize(before.size());
    EXPECT_EQ(now, before);
    EXPECT_EQ(g.node(3099).name(), "g99");
    EXPECT_EQ(g.find("g99"), 3099);

    Graph moved = std::move(g);
    g = Graph();  // a graph moved from, used again
    g.addLeaf(NodeKind::Const, Matrix::Constant(1, 1, 1), "fresh");
    EXPECT_EQ(g.node(0).name(), "fresh");
    EXPECT_EQ(moved.node(3099).name(), "g99");
    Graph assigned;
    assigned.addLeaf(NodeKind::Const, Matrix::Constant(1, 1, 1), "gone");
    assigned = moved;
    assigned.addLeaf(NodeKind::Const, Matrix::Constant(1, 1, 1), "after");
    moved.addLeaf(NodeKind::Const, Matrix::Constant(1, 1, 1), "other");
    EXPECT_EQ(assigned.node(3100).name(), "after");
    EXPECT_EQ(moved.node(3100).name(), "other");
    EXPECT_EQ(assigned.node(3099).name(), "g99");
}

// 1x1 nodes in the flat array, larger ones as matrices, read back with their shapes; a leaf's
// gradient kept across passes, and an op's started again from zero.
TEST(NodeMatrices, HoldsEveryShapeAndKeepsLeafGradientsAcrossPasses) {
    Program p = parseProgram("param w = [[1, 2], [3, 4]]\nparam b = 0.5\ninput x = [1, -1]\n"
                             "h = sum(w @ x) * b\nloss = h * h\n");
    Evaluation e;
    runForward(p.graph, e);
    zeroGrad(p.graph, e);
    ASSERT_EQ(e.values.size(), std::size_t(p.graph.size()));
    for (NodeId id = 0; id < p.graph.size(); ++id) {
        EXPECT_EQ(shapeOf(Matrix(e.values[id])), p.graph.node(id).shape) << id;
        EXPECT_EQ(e.values.isScalar(id), p.graph.node(id).shape.size() == 1) << id;
    }
    const NodeId w = p.graph.find("w"), b = p.graph.find("b");
    EXPECT_EQ(Matrix(e.values[w]), p.graph.node(w).leafValue());
    EXPECT_EQ(e.values[b](0, 0), 0.5);
    // h = (1 - 2 + 3 - 4) * 0.5 = -1, loss = 1; d loss / d b = 2h * (-2) = 4.
    EXPECT_EQ(e.values[p.graph.find("loss")](0, 0), 1.0);
    runBackward(p.graph, p.root, p.seed, e);
    EXPECT_EQ(e.grads[b](0, 0), 4.0);
    const Matrix gw = e.grads[w];
    runBackward(p.graph, p.root, p.seed, e);  // no zero_grad: leaves accumulate, ops do not
    EXPECT_EQ(e.grads[b](0, 0), 8.0);
    EXPECT_EQ(Matrix(e.grads[w]), Matrix(2 * gw));
    EXPECT_EQ(e.grads[p.graph.find("h")](0, 0), -2.0);
    // A copy compares equal; a changed entry does not.
    NodeMatrices copy = e.grads;
    EXPECT_TRUE(copy == e.grads);
    copy.scalar(b) = 0;
    EXPECT_FALSE(copy == e.grads);
    // Laid out again for a grown graph: the old nodes keep their entries, the new start at zero.
    const NodeId more = p.graph.addOp(*findOp("mul"), {p.root, b});
    e.grads.layOut(p.graph);
    EXPECT_EQ(e.grads[b](0, 0), 8.0);
    EXPECT_EQ(Matrix(e.grads[w]), Matrix(2 * gw));
    EXPECT_EQ(e.grads[more](0, 0), 0.0);
}

}  // namespace
}  // namespace bp
