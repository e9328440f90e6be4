// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one expression printer: writes an op applied to its operands' texts in a dialect (.bpg,
// PyTorch), reading the op's Spelling from the op table. The writers around it decide what
// gets a name of its own and how leaves look; how an op is spelled is decided here only.
#include <functional>
#include <string>

#include "core/graph/graph.h"

namespace bp {

// The text of an expression and what its consumer needs to know to place it.
struct ExprText {
    std::string text;
    int level = kPrimary;
    int nesting = 0;      // brackets, calls and unary minus inside `text` (what .bpg's parser counts)
    int depth = 0;        // operations inside `text` (what CPython's compiler recurses on)
    bool atom = false;    // a name or a literal
    bool number = false;  // a scalar literal
};

struct Dialect {
    // The Spelling of an op in this dialect (a member of OpDef).
    Spelling OpDef::*spelling;
    // A number written as an exponent or an attribute argument.
    std::function<std::string(double)> number;
};

// The text of input `id` where an operator needs at least `minLevel` (parenthesised below it);
// `numberOk`: a plain number may stand there (PyTorch's elementwise ops).
using OperandText = std::function<ExprText(NodeId id, int minLevel, bool numberOk)>;

ExprText printOp(const Node& node, const Dialect& dialect, const OperandText& operand);

}  // namespace bp
