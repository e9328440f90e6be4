// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One op = one OpDef row in op_table.cpp: its name, symbol, arity, shape rule, forward,
// vector-Jacobian product, the formula text the window shows and its spelling in each dialect
// (.bpg and PyTorch). Nothing outside the table switches on the kind of an op: the expression
// printer (core/language/expression_printer.h) reads the spelling, the engine the functions.
#include <span>
#include <string>
#include <string_view>

#include "core/graph/matrix.h"

namespace bp {

// Parameters of an op that are not graph inputs (the exponent of a ^ p, the target shape of reshape).
struct OpAttrs {
    double exponent = 1.0;
    Shape shape{0, 0};
    bool operator==(const OpAttrs&) const = default;
};

using MatrixRefs = std::span<const Matrix* const>;

// Precedence levels shared by the dialects, loosest first. .bpg and Python agree on their order
// (`-a ^ 2` and `-a ** 2` are both `-(a ^ 2)`); Python's attribute access and calls are postfix.
enum Precedence { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kPostfix = 5, kPrimary = 6 };

// How an op is written in a dialect.
enum class Form {
    Infix,       // a <text> b, left-associative
    Power,       // a <text> p, p the exponent attribute
    Negate,      // <text>a
    Function,    // <text>(a, b, attrs...)
    Method,      // a<text>, then (attrs...) when the op has any
    MeanSquare,  // ((a - b) ** 2)<text>: a mean of squared differences spelled out
};

struct Spelling {
    Form form = Form::Function;
    std::string_view text;     // the operator, the function, or the method suffix
    int level = kPrimary;      // the precedence of the result
    bool numbers = false;      // an operand may be a plain number (PyTorch: elementwise ops)
};

// How a step of the op is written out with its numbers (core/trace/step_terms.h reads this).
enum class Arithmetic {
    Elementwise,  // y_ij = f(a_ij[, b_ij]) after broadcasting; ∂y_ij/∂in_ij = local(...)
    MatMul,       // y_ij = Σ_k a_ik·b_kj
    Sum,          // y = Σ a_i; local = 1
    Mean,         // y = (Σ a_i) / n; local = 1/n
    MeanSquare,   // y = (Σ (a_i − b_i)²) / n over the broadcast entries; local = ±2(a_i − b_i)/n
    Move,         // the entries move (transpose, reshape, identity): no arithmetic
};

// The terms of an op's explanation, in its row: how the step reads in mathematical notation and
// the local derivative at one entry. Placeholders: {a}, {b} the operands, {p} the exponent, {n}
// the entries averaged over, {G} the upstream gradient; the same template takes the inputs' names
// or one entry's numbers.
struct OpExplain {
    Arithmetic arithmetic = Arithmetic::Move;
    std::string_view written;  // "σ({a})", "{a} @ {b}", "{a}^{p}"
    std::string_view vjp[2];   // per slot, the contribution: "{G} ⊙ σ({a})(1 − σ({a}))", "{G}·{b}ᵀ"
    // ∂y/∂in[slot] at one entry, from the operands' entries a, b (0 when unary), the output's y and
    // n, the number of entries averaged over (Mean, MeanSquare). Unused for MatMul and Move.
    double (*local)(int slot, double a, double b, double y, double n, const OpAttrs& attrs) = nullptr;
};

struct OpDef {
    std::string_view name;     // "matmul": the JSON "op" field and the .bpg function name where callable
    std::string_view symbol;   // "@": what the canvas draws in the node
    int arity;
    int attrCount;             // trailing number arguments in .bpg: reshape(a, 2, 3) has 2, a ^ p has 1
    // Output shape for these input shapes, or an empty optional-like: returns false and fills `error`.
    bool (*shape)(std::span<const Shape> in, const OpAttrs& attrs, Shape& out, std::string& error);
    // out = f(inputs)
    void (*forward)(MatrixRefs in, const OpAttrs& attrs, Matrix& out);
    // The contribution to input `slot`'s gradient: upstreamᵀ·∂out/∂in[slot], in in[slot]'s shape
    // or, for a broadcasting op, in the output's shape: the engine sums it back to the input's
    // shape (reduceTo), once for every op.
    void (*vjp)(int slot, MatrixRefs in, const Matrix& out, const Matrix& upstream, const OpAttrs& attrs,
                Matrix& contribution);
    // Per slot, the local derivative in words of a and b: "∂(a·b)/∂a = b".
    std::string_view formula[2];
    Spelling bpg;    // in .bpg text (the parser reads the infix operators from here)
    Spelling torch;  // in the PyTorch script
    OpExplain explain;  // how a step is written out with its numbers
};

// The .bpg operator of an op written between or after its operands ("+", "@", "^"), else "".
constexpr std::string_view infixText(const OpDef& op) {
    return op.bpg.form == Form::Infix || op.bpg.form == Form::Power ? op.bpg.text : std::string_view{};
}

}  // namespace bp
