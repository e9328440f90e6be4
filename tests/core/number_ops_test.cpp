// SPDX-License-Identifier: GPL-3.0-or-later
// The op table's number forms (OpDef::forwardNumber, vjpNumber), which the engine uses for 1x1
// nodes, against the matrix forms on 1x1 matrices: the same bits, extremes included; and a scalar
// program evaluated through them against the same program with its numbers in 1x1 matrices.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "core/language/parser.h"
#include "core/ops/op_table.h"
#include "core/trace/evaluation.h"

namespace bp {
namespace {

bool sameBits(double a, double b) {
    if (std::isnan(a) && std::isnan(b)) return true;
    return std::memcmp(&a, &b, sizeof a) == 0;
}

TEST(OpTable, NumberFormsAgreeWithTheMatrixForms) {
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> points = {0.0, -0.0, 1.0, -1.0, 0.5, -2.75, 1e-300, 3e7, 800.0, -800.0, inf, -inf,
                                        std::numeric_limits<double>::quiet_NaN(), 0.1234567890123, -7.5e-5};
    int ops = 0;
    for (const OpDef& op : allOps()) {
        if (!op.forwardNumber) continue;
        ASSERT_TRUE(op.vjpNumber) << op.name;
        ASSERT_LE(op.arity, 2) << op.name;
        ++ops;
        const OpAttrs attrs;
        for (double a : points)
            for (double b : op.arity == 2 ? points : std::vector<double>{0.0}) {
                Matrix ma(1, 1), mb(1, 1), y;
                ma(0, 0) = a;
                mb(0, 0) = b;
                const Matrix* refs[2] = {&ma, &mb};
                const MatrixRefs in(refs, std::size_t(op.arity));
                op.forward(in, attrs, y);
                const double number = op.forwardNumber(a, b, attrs);
                ASSERT_TRUE(sameBits(y(0, 0), number)) << op.name << "(" << a << ", " << b << ") " << y(0, 0) << " vs " << number;
                for (double g : {1.0, -0.3, 2.5e-8}) {
                    const Matrix mg = Matrix::Constant(1, 1, g);
                    for (int slot = 0; slot < op.arity; ++slot) {
                        Matrix c;
                        op.vjp(slot, in, y, mg, attrs, c);
                        ASSERT_EQ(c.size(), 1) << op.name;
                        const double cn = op.vjpNumber(slot, a, b, number, g, attrs);
                        ASSERT_TRUE(sameBits(c(0, 0), cn))
                            << op.name << " slot " << slot << " at (" << a << ", " << b << "), g " << g << ": " << c(0, 0) << " vs " << cn;
                    }
                }
            }
    }
    EXPECT_GE(ops, 8);  // add, sub, mul, neg, sigmoid, tanh, exp, log
}

// A program whose nodes are all 1x1 (the engine's number path) against its twin on 1x2 values
// (the matrix path), entry 0 of which holds the same numbers: the same values and gradients, bit
// for bit; and the trace's gradient-after of the last edge into a node is that node's gradient.
TEST(OpTable, AScalarProgramGivesWhatItsMatrixTwinGives) {
    const std::string scalar =
        "param a = 0.7\nparam b = -1.3\nc = tanh(a * b) + sigmoid(b - a)\nd = exp(-c) * log(a + 2)\n"
        "loss = d * d + c / 3\n";
    const std::string twin =
        "param a = [[0.7, 0.2]]\nparam b = [[-1.3, 0.4]]\nc = tanh(a * b) + sigmoid(b - a)\nd = exp(-c) * log(a + 2)\n"
        "loss = sum(d * d + c / 3)\n";
    const Program p = parseProgram(scalar, "scalar.bpg");
    const Program q = parseProgram(twin, "twin.bpg");
    const Evaluation e = evaluate(p), f = evaluate(q);
    for (const char* name : {"a", "b", "c", "d"}) {
        const NodeId i = p.graph.find(name), j = q.graph.find(name);
        ASSERT_GE(i, 0);
        ASSERT_GE(j, 0);
        EXPECT_TRUE(sameBits(e.values[i](0, 0), f.values[j](0, 0))) << name;
        EXPECT_TRUE(sameBits(e.grads[i](0, 0), f.grads[j](0, 0))) << name;
    }
    std::vector<double> lastAfter(std::size_t(p.graph.size()), std::numeric_limits<double>::quiet_NaN());
    for (const BackwardEvent& ev : e.trace.backward) {
        ASSERT_EQ(e.contribution(ev).size(), 1);
        lastAfter[std::size_t(ev.to)] = e.gradAfter(ev)(0, 0);
    }
    for (NodeId id = 0; id < p.graph.size(); ++id) {
        if (id != p.root) {
            EXPECT_TRUE(sameBits(lastAfter[std::size_t(id)], e.grads[id](0, 0))) << p.graph.node(id).name();
        }
    }
}

}  // namespace
}  // namespace bp
