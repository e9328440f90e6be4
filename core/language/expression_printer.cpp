// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/language/expression_printer.h"

#include <algorithm>

namespace bp {
namespace {

// ", 2, 3" for reshape's shape, ", 0.5" for an exponent.
std::string attrArguments(const Node& node, const Dialect& dialect) {
    if (node.op->attrCount == 1) return ", " + dialect.number(node.attrs.exponent);
    if (node.op->attrCount == 2)
        return ", " + std::to_string(node.attrs.shape.rows) + ", " + std::to_string(node.attrs.shape.cols);
    return {};
}

ExprText infix(const Node& node, const Spelling& s, const OperandText& operand) {
    // Left-associative: the left operand may be of the same level, the right must bind tighter.
    // Plain numbers work on either side of a tensor, not on both.
    ExprText left = operand(node.inputs[0], s.level, s.numbers);
    const ExprText right = operand(node.inputs[1], s.level + 1, s.numbers && !left.number);
    ExprText t;
    t.text = std::move(left.text) + " " + std::string(s.text) + " " + right.text;
    t.level = s.level;
    t.nesting = std::max(left.nesting, right.nesting);
    t.depth = 1 + std::max(left.depth, right.depth);
    return t;
}

ExprText power(const Node& node, const Spelling& s, const Dialect& dialect, const OperandText& operand) {
    ExprText t = operand(node.inputs[0], kPostfix, false);
    t.text += " " + std::string(s.text) + " " + dialect.number(node.attrs.exponent);
    t.level = s.level;
    ++t.depth;
    t.atom = t.number = false;
    return t;
}

// `-2` would read back as the number -2, and `--x` is hard to read: both are parenthesised.
ExprText negate(const Node& node, const Spelling& s, const OperandText& operand) {
    const ExprText inner = operand(node.inputs[0], 0, false);
    const bool wrap = inner.level < kUnary || inner.number || inner.text[0] == '-';
    ExprText t;
    t.text = std::string(s.text) + (wrap ? "(" + inner.text + ")" : inner.text);
    t.level = s.level;
    t.nesting = inner.nesting + (wrap ? 2 : 1);
    t.depth = inner.depth + 1;
    return t;
}

ExprText function(const Node& node, const Spelling& s, const Dialect& dialect, const OperandText& operand) {
    ExprText t;
    t.text = std::string(s.text) + "(";
    for (std::size_t i = 0; i < node.inputs.size(); ++i) {
        const ExprText arg = operand(node.inputs[i], kSum, false);
        t.text += (i > 0 ? ", " : "") + arg.text;
        t.nesting = std::max(t.nesting, arg.nesting);
        t.depth = std::max(t.depth, arg.depth);
    }
    t.text += attrArguments(node, dialect) + ")";
    t.level = s.level;
    ++t.nesting;
    ++t.depth;
    return t;
}

ExprText method(const Node& node, const Spelling& s, const Dialect& dialect, const OperandText& operand) {
    ExprText t = operand(node.inputs[0], kPostfix, false);
    t.text += s.text;
    if (node.op->attrCount > 0) {
        t.text += "(" + attrArguments(node, dialect).substr(2) + ")";
        ++t.nesting;
    }
    t.level = s.level;
    ++t.depth;
    t.atom = t.number = false;
    return t;
}

ExprText meanSquare(const Node& node, const Spelling& s, const OperandText& operand) {
    const ExprText a = operand(node.inputs[0], kSum, s.numbers);
    const ExprText b = operand(node.inputs[1], kSum + 1, s.numbers && !a.number);
    ExprText t;
    t.text = "((" + a.text + " - " + b.text + ") ** 2)" + std::string(s.text);
    t.level = s.level;
    t.nesting = 2 + std::max(a.nesting, b.nesting);
    t.depth = 3 + std::max(a.depth, b.depth);
    return t;
}

}  // namespace

ExprText printOp(const Node& node, const Dialect& dialect, const OperandText& operand) {
    const Spelling& s = (*node.op).*dialect.spelling;
    switch (s.form) {
    case Form::Infix: return infix(node, s, operand);
    case Form::Power: return power(node, s, dialect, operand);
    case Form::Negate: return negate(node, s, operand);
    case Form::Function: return function(node, s, dialect, operand);
    case Form::Method: return method(node, s, dialect, operand);
    case Form::MeanSquare: return meanSquare(node, s, operand);
    }
    return {};
}

}  // namespace bp
