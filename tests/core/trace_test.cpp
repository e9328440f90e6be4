// SPDX-License-Identifier: GPL-3.0-or-later
// The trace the window steps through: one event per edge, reverse topological order, a node
// passes its gradient on only when it is complete, deterministic; and the step cursor over it.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "core/language/parser.h"
#include "core/ops/op_table.h"
#include "core/trace/evaluation.h"
#include "core/trace/step_cursor.h"
#include "core/trace/step_text.h"
#include "test_support.h"

namespace bp {
namespace {

Program chainRule() { return loadProgramFile(test::examplePath("chain-rule")); }

TEST(Trace, OneEventPerEdgeInSlotOrder) {
    for (const char* name : {"chain-rule", "mlp-1-2-2", "vjp", "deep-sigmoid", "xor"}) {
        const Program p = loadProgramFile(test::examplePath(name));
        const Evaluation e = evaluate(p);
        EXPECT_EQ(int(e.trace.backward.size()), p.graph.edgeCount()) << name;
        EXPECT_EQ(e.trace.forward.size(), std::size_t(p.graph.size() - std::count_if(p.graph.nodes().begin(), p.graph.nodes().end(), [](const Node& n) { return n.isLeaf(); })));
        for (std::size_t i = 1; i < e.trace.backward.size(); ++i) {
            const auto& prev = e.trace.backward[i - 1];
            const auto& cur = e.trace.backward[i];
            EXPECT_TRUE(prev.from > cur.from || (prev.from == cur.from && prev.slot + 1 == cur.slot)) << name;
        }
    }
}

// The invariants on every golden graph (every op, the classification ops included): one event per
// edge, a node complete before it passes its gradient on, each event's running total the sum of
// the contributions so far, and the last one the node's gradient.
TEST(Trace, InvariantsHoldOnEveryGoldenGraph) {
    for (const auto& entry : std::filesystem::directory_iterator(test::dataPath("golden"))) {
        if (entry.path().extension() != ".bpg") continue;
        const std::string name = entry.path().stem().string();
        const Program p = loadProgramFile(entry.path().string());
        const Evaluation e = evaluate(p);
        const auto& events = e.trace.backward;
        EXPECT_LE(int(events.size()), p.graph.edgeCount()) << name;  // the edges that lead to the root
        std::set<std::pair<NodeId, int>> edges;
        for (const BackwardEvent& ev : events) EXPECT_TRUE(edges.insert({ev.from, ev.slot}).second) << name;
        std::vector<Matrix> running(static_cast<std::size_t>(p.graph.size()));
        for (std::size_t i = 0; i < events.size(); ++i) {
            const BackwardEvent& ev = events[i];
            for (std::size_t j = i + 1; j < events.size(); ++j)
                ASSERT_NE(events[j].to, ev.from) << name << ": a gradient arrived after it was passed on";
            Matrix& sum = running[static_cast<std::size_t>(ev.to)];
            const Matrix contribution = e.contribution(ev);
            sum = sum.size() == 0 ? contribution : Matrix(sum + contribution);
            EXPECT_TRUE(sum.isApprox(e.gradAfter(ev), 1e-12) || (sum - e.gradAfter(ev)).norm() < 1e-12)
                << name << " event " << i;
        }
        for (NodeId id = 0; id < p.graph.size(); ++id) {
            const Matrix& sum = running[static_cast<std::size_t>(id)];
            if (sum.size() == 0 || p.graph.node(id).isLeaf() || id == p.root) continue;
            EXPECT_LT((sum - e.grads[id]).norm(), 1e-9 * (1 + e.grads[id].norm())) << name << " node " << p.graph.node(id).name();
        }
    }
}

TEST(Trace, ANodePassesItsGradientOnOnlyWhenComplete) {
    const Program p = loadProgramFile(test::examplePath("mlp-1-2-2"));
    const Evaluation e = evaluate(p);
    const auto& events = e.trace.backward;
    for (std::size_t i = 0; i < events.size(); ++i)
        for (std::size_t j = i + 1; j < events.size(); ++j)
            EXPECT_NE(events[j].to, events[i].from) << "a gradient arrived at " << events[i].from << " after it was passed on";
}

TEST(Trace, ChainRuleGradientOfBAddsTwoThenThree) {
    const Program p = chainRule();
    const Evaluation e = evaluate(p);
    const NodeId b = p.graph.find("b");
    std::vector<double> contributions, after;
    for (const auto& ev : e.trace.backward)
        if (ev.to == b) contributions.push_back(e.contribution(ev)(0, 0)), after.push_back(e.gradAfter(ev)(0, 0));
    ASSERT_EQ(contributions.size(), 2u);
    EXPECT_DOUBLE_EQ(contributions[0], 3.0);  // from d = b + 1: de/dd = c = 3 (d is created after c)
    EXPECT_DOUBLE_EQ(contributions[1], 2.0);  // from c = a + b: de/dc = d = 2
    EXPECT_DOUBLE_EQ(after[0], 3.0);
    EXPECT_DOUBLE_EQ(after[1], 5.0);
}

TEST(Trace, XTimesXHasTwoEdgesAndTwoEvents) {
    const Program p = parseProgram("param x = 3\ny = x * x\n");
    const Evaluation e = evaluate(p);
    ASSERT_EQ(e.trace.backward.size(), 2u);
    EXPECT_EQ(e.trace.backward[0].slot, 0);
    EXPECT_EQ(e.trace.backward[1].slot, 1);
    EXPECT_DOUBLE_EQ(e.gradAfter(e.trace.backward[0])(0, 0), 3.0);
    EXPECT_DOUBLE_EQ(e.gradAfter(e.trace.backward[1])(0, 0), 6.0);
}

TEST(Trace, RecordingTwiceGivesTheSameList) {
    const Program p = loadProgramFile(test::examplePath("xor"));
    const Evaluation a = evaluate(p), b = evaluate(p);
    ASSERT_EQ(a.trace.backward.size(), b.trace.backward.size());
    EXPECT_EQ(a.trace.forward, b.trace.forward);
    for (std::size_t i = 0; i < a.trace.backward.size(); ++i) {
        EXPECT_EQ(a.trace.backward[i].from, b.trace.backward[i].from);
        EXPECT_EQ(a.trace.backward[i].to, b.trace.backward[i].to);
        EXPECT_EQ(Matrix(a.contribution(a.trace.backward[i])), Matrix(b.contribution(b.trace.backward[i])));
    }
}

TEST(Trace, AHundredThousandNodeChainDoesNotOverflowTheStack) {
    Program p;
    NodeId v = p.graph.addLeaf(NodeKind::Param, Matrix::Constant(1, 1, 0.5), "v");
    const NodeId k = p.graph.addLeaf(NodeKind::Const, Matrix::Constant(1, 1, 0.001));
    for (int i = 0; i < 33'334; ++i) v = p.graph.addOp(op("add"), {v, p.graph.addOp(op("mul"), {k, p.graph.addOp(op("tanh"), {v})})});
    p.root = v;
    p.seed = Matrix::Ones(1, 1);
    const Evaluation e = evaluate(p);
    EXPECT_GT(p.graph.size(), 100'000);
    EXPECT_TRUE(e.grads[0].allFinite());
    EXPECT_GT(e.grads[0](0, 0), 1.0);
}

TEST(StepCursor, ShowsValuesAndGradientsAsTheTraceSays) {
    const Program p = chainRule();
    const Evaluation e = evaluate(p);
    StepCursor c;
    c.attach(p.graph, e);
    const NodeId b = p.graph.find("b"), cNode = p.graph.find("c"), root = p.root;
    EXPECT_EQ(c.position(), 0);
    EXPECT_TRUE(c.valueKnown(b));
    EXPECT_FALSE(c.valueKnown(cNode));
    EXPECT_EQ(c.shownGrad(root), nullptr);
    c.setPosition(c.forwardCount());
    EXPECT_TRUE(c.valueKnown(root));
    EXPECT_EQ(c.shownGrad(root), nullptr);
    c.setPosition(c.forwardCount() + 1);
    ASSERT_NE(c.shownGrad(root), nullptr);
    EXPECT_DOUBLE_EQ((*c.shownGrad(root))(0, 0), 1.0);
    EXPECT_EQ(c.shownGrad(b), nullptr);
    // b's two events: the gradient shows 3, then 5.
    const auto& into = c.eventsInto(b);
    ASSERT_EQ(into.size(), 2u);
    c.setPosition(c.forwardCount() + into[0] + 1);
    EXPECT_DOUBLE_EQ((*c.shownGrad(b))(0, 0), 3.0);
    c.setPosition(c.forwardCount() + into[1] + 1);
    EXPECT_DOUBLE_EQ((*c.shownGrad(b))(0, 0), 5.0);
    EXPECT_FALSE(c.setPosition(1000));  // clamps at the end...
    EXPECT_EQ(c.position(), c.last());
    c.setPosition(-5);                  // ...and at the start
    EXPECT_EQ(c.position(), 0);
}

// The step written out in English, line by line.
std::vector<std::string> writtenLines(const Program& p, const Evaluation& e, const StepCursor& c) {
    std::vector<std::string> lines;
    for (const TextLine& line : writeStep(p.graph, stepTerms(p.graph, e, c)).lines) lines.push_back(lineText(line));
    return lines;
}

TEST(StepExplanation, ChainRuleSumBuildsTermByTerm) {
    const Program p = chainRule();
    const Evaluation e = evaluate(p);
    StepCursor c;
    c.attach(p.graph, e);
    const auto& into = c.eventsInto(p.graph.find("b"));
    c.setPosition(c.forwardCount() + into[0] + 1);
    const std::vector<std::string> first = writtenLines(p, e, c);
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first[0], "∂e/∂b = ∂e/∂d·∂d/∂b + ∂e/∂c·∂c/∂b");
    EXPECT_EQ(first[1], "= 3·1 + …");
    c.setPosition(c.forwardCount() + into[1] + 1);
    const std::vector<std::string> second = writtenLines(p, e, c);
    EXPECT_EQ(second[1], "= 3·1 + 2·1");
    EXPECT_EQ(second[2], "= 5");
}

// A node used many times (the constant of a long chain): the first 12 terms and a count of the
// rest, so the panel's text stays short whatever the fan-out; the running count stays exact.
TEST(StepExplanation, ManyTermsAreCutToTheFirstTwelveAndACount) {
    std::string text = "param v0 = 0.5\nconst k = 0.001\n";
    for (int i = 1; i <= 1200; ++i) {  // piece by piece: GCC 12 warns falsely on "v" + std::to_string(i)
        const std::string prev = std::to_string(i - 1);
        text += 'v';
        text += std::to_string(i);
        text += " = v";
        text += prev;
        text += " + k * v";
        text += prev;
        text += '\n';
    }
    const Program p = parseProgram(text);
    const Evaluation e = evaluate(p);
    StepCursor c;
    c.attach(p.graph, e);
    const auto& into = c.eventsInto(p.graph.find("k"));
    ASSERT_EQ(into.size(), 1200u);
    c.setPosition(c.forwardCount() + into[20] + 1);
    const std::vector<std::string> lines = writtenLines(p, e, c);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_NE(lines[0].find(" + … and 1,188 more"), std::string::npos) << lines[0];
    EXPECT_NE(lines[1].find(" + … and 1,188 more"), std::string::npos) << lines[1];
    EXPECT_NE(lines[2].find("(21 of 1,200 terms so far)"), std::string::npos) << lines[2];
    EXPECT_LT(lines[0].size() + lines[1].size(), 1200u);
}

TEST(StepExplanation, SaysWhereTheFirstNonFiniteValueArose) {
    const Program p = parseProgram("param x = 0\nl = log(x)\ny = l * 2\n");
    const Evaluation e = evaluate(p);
    EXPECT_EQ(firstNonFinite(p.graph, e), p.graph.find("l"));
    StepCursor c;
    c.attach(p.graph, e);
    c.setPosition(c.last());
    EXPECT_EQ(writtenLines(p, e, c).back(), "⚠ the first non-finite value arises at l = log(x): -inf");
    const Program fine = parseProgram("param x = 1\ny = x * 2\n");
    EXPECT_EQ(firstNonFinite(fine.graph, evaluate(fine)), -1);
}

}  // namespace
}  // namespace bp
