// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/language/expression_printer.h"

#include <algorithm>

#include "core/ops/op_table.h"

namespace bp {
namespace {

// ", 2, 3" for reshape's shape, ", 0.5" for an exponent, ", 1" for an axis: the attributes in
// the op's argument order.
std::string attrArguments(const Node& node, const Dialect& dialect) {
    std::string out;
    for (int i = 0; i < node.op->attrCount; ++i) {
        const Attr attr = node.op->attrs[static_cast<std::size_t>(i)];
        const double v = attrValue(node.attrs(), attr);
        out += ", " + (attrIsWhole(attr) ? std::to_string(static_cast<long long>(v)) : dialect.number(v));
    }
    return out;
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
    t.text += " " + std::string(s.text) + " " + dialect.number(node.attrs().exponent);
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

// Whether another op spelled `text` takes a number attribute at argument `position`: `max(a, 1)`
// is max along axis 1, so the elementwise max of a and the number 1 is written `max(a, [1])`.
bool numberWouldBeAttribute(const Spelling OpDef::*spelling, std::string_view text, std::size_t position) {
    for (const OpDef& other : allOps()) {
        const Spelling& s = other.*spelling;
        if (s.form == Form::Function && s.text == text && position >= std::size_t(other.arity) &&
            position < std::size_t(other.arity + other.attrCount))
            return true;
    }
    return false;
}

// f(a, b, attrs...) or, for a sequence, f((a, b), attrs...); an input in an index slot is
// written as PyTorch's class indices, `t[:, 0].long()`.
ExprText function(const Node& node, const Spelling& s, const Dialect& dialect, const OperandText& operand) {
    ExprText t;
    const bool sequence = s.form == Form::Sequence;
    t.text = std::string(s.text) + (sequence ? "((" : "(");
    for (std::size_t i = 0; i < node.inputs.size(); ++i) {
        const bool index = (s.indexSlots >> i) & 1u;
        ExprText arg = operand(node.inputs[i], index ? kPostfix : kSum, false);
        if (arg.number && numberWouldBeAttribute(dialect.spelling, s.text, i)) arg.text = "[" + arg.text + "]";
        t.text += (i > 0 ? ", " : "") + arg.text + (index ? "[:, 0].long()" : "");
        t.nesting = std::max(t.nesting, arg.nesting);
        t.depth = std::max(t.depth, arg.depth);
    }
    t.text += std::string(sequence ? ")" : "") + attrArguments(node, dialect) + std::string(s.keywords) + ")" +
              std::string(s.suffix);
    t.level = s.level;
    t.nesting += sequence ? 2 : 1;
    ++t.depth;
    return t;
}

// a ^ b with b a node: the base binds tighter than the power, the exponent may be a unary minus.
// In .bpg a plain number as the exponent is bracketed, `a ^ (2)`, or it would read back as pow.
ExprText powerNode(const Node& node, const Spelling& s, const OperandText& operand) {
    ExprText left = operand(node.inputs[0], kPostfix, s.numbers);
    ExprText right = operand(node.inputs[1], kUnary, s.numbers && !left.number);
    if (right.number && !s.numbers) {
        right.text = "(" + right.text + ")";
        ++right.nesting;
    }
    ExprText t;
    t.text = std::move(left.text) + " " + std::string(s.text) + " " + right.text;
    t.level = s.level;
    t.nesting = std::max(left.nesting, right.nesting) + 1;
    t.depth = 1 + std::max(left.depth, right.depth);
    return t;
}

ExprText method(const Node& node, const Spelling& s, const Dialect& dialect, const OperandText& operand) {
    ExprText t = operand(node.inputs[0], kPostfix, false);
    t.text += s.text;
    if (node.op->attrCount > 0) {
        t.text += "(" + attrArguments(node, dialect).substr(2) + std::string(s.keywords) + ")";
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

// "r0:r1", or "r0" for a one-wide range when the dialect writes indices.
std::string rangeText(long start, long stop, bool indices) {
    if (indices && stop == start + 1) return std::to_string(start);
    return std::to_string(start) + ":" + std::to_string(stop);
}

// a[r0:r1, c0:c1]: both dialects keep the two dimensions (PyTorch's a[i:i+1] rather than a[i]).
ExprText index(const Node& node, const Spelling& s, const OperandText& operand) {
    ExprText t = operand(node.inputs[0], kPostfix, false);
    const bool indices = s.text == "index";
    const OpAttrs& at = node.attrs();
    t.text += "[" + rangeText(at.rowStart, at.rowStop, indices) + ", " + rangeText(at.colStart, at.colStop, indices) + "]";
    t.level = s.level;
    ++t.nesting;
    ++t.depth;
    t.atom = t.number = false;
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
    case Form::PowerNode: return powerNode(node, s, operand);
    case Form::Sequence: return function(node, s, dialect, operand);
    case Form::Index: return index(node, s, operand);
    }
    return {};
}

}  // namespace bp
