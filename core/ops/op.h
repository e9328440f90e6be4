// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One op = one OpDef row in op_table.cpp: its name, symbol, arity, shape rule, forward,
// vector-Jacobian product, the formula text the window shows and its spelling in each dialect
// (.bpg and PyTorch). Nothing outside the table switches on the kind of an op: the expression
// printer (core/language/expression_printer.h) reads the spelling, the engine the functions.
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "core/graph/matrix.h"
#include "core/text/message.h"

namespace bp {

// Parameters of an op that are not graph inputs (the exponent of a ^ p, the target shape of
// reshape, the axis of softmax). Each op lists the ones it takes, in argument order (OpDef::attrs).
struct OpAttrs {
    double exponent = 1.0;      // pow
    Shape shape{0, 0};          // reshape
    double slope = 0.01;        // leaky_relu
    double low = 0, high = 0;   // clamp
    int axis = 0;               // softmax, the axis forms of the reductions, concat: 0 rows, 1 columns
    int classes = 0;            // one_hot
    // slice: rows [rowStart, rowStop) and columns [colStart, colStop) of its operand
    long rowStart = 0, rowStop = 0, colStart = 0, colStop = 0;
    bool operator==(const OpAttrs&) const = default;
};
// What an op without parameters of its own holds: every attribute at its default.
inline const OpAttrs kDefaultAttrs{};

// One number argument of an op, as .bpg writes it after the inputs and the document names it.
enum class Attr : unsigned char {
    None, Exponent, Rows, Cols, Slope, Low, High, Axis, Classes, RowStart, RowStop, ColStart, ColStop
};

// "exponent", "rows", "cols", "slope", "min", "max", "axis", "classes", "row_start", "row_stop",
// "col_start", "col_stop".
std::string_view attrName(Attr attr);
// A whole number (a dimension, an axis, a count) rather than any real number.
bool attrIsWhole(Attr attr);
double attrValue(const OpAttrs& attrs, Attr attr);
// Sets the attribute; a whole-number attribute takes the value as it is (the caller checked it).
void setAttr(OpAttrs& attrs, Attr attr, double value);

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
    PowerNode,   // a <text> b, b a node: right-associative, b may carry a unary minus
    Sequence,    // <text>((a, b), attrs...): PyTorch's torch.cat takes its tensors as a tuple
    Index,       // a[r0:r1, c0:c1], the slice attributes; text "index": a one-wide range as its index, "range": as i:i+1
};

struct Spelling {
    Form form = Form::Function;
    std::string_view text;     // the operator, the function, or the method suffix
    int level = kPrimary;      // the precedence of the result
    bool numbers = false;      // an operand may be a plain number (PyTorch: elementwise ops)
    std::string_view keywords = {};  // written after the arguments inside the brackets: ", keepdim=True"
    std::string_view suffix = {};    // written after the call: ".reshape(1, 1)"
    // Input slots written as class indices: PyTorch wants a 1-d integer tensor, `t[:, 0].long()`.
    unsigned char indexSlots = 0;
};

// How a step of the op is written out with its numbers (core/trace/step_terms.h reads this).
enum class Arithmetic {
    Elementwise,  // y_ij = f(a_ij[, b_ij]) after broadcasting; ∂y_ij/∂in_ij = local(...)
    MatMul,       // y_ij = Σ_k a_ik·b_kj
    Sum,          // y = Σ a_i; local = 1 (with Reach::LineEnd: along the axis, each line its own sum)
    Mean,         // y = (Σ a_i) / n; local = 1/n (with Reach::LineEnd: n the length of a line)
    MeanSquare,   // y = (Σ (a_i − b_i)²) / n over the broadcast entries; local = ±2(a_i − b_i)/n
    Move,         // the entries move (transpose, reshape, identity): no arithmetic
    // Neither elementwise, a sum nor a matmul (softmax, the losses, reductions along an axis, concat):
    // the step is written as its formula and the recorded result, no per-entry products.
    General,
};

// The terms of an op's explanation, in its row: how the step reads in mathematical notation and
// the local derivative at one entry. Placeholders: {a}, {b} the operands, {p} the exponent, {n}
// the entries averaged over, {G} the upstream gradient; the same template takes the inputs' names
// or one entry's numbers.
// For a General op, which entries of the output an entry of an input reaches: its gradient is the
// sum over them of G times the derivative of that output entry, read off the op's own
// vector-Jacobian product with a unit upstream gradient.
enum class Reach {
    None,     // no products written (class indices: no gradient)
    Whole,    // every output entry (a 1x1 loss or reduction)
    Line,     // the output entries of its line along the axis (softmax, log_softmax)
    LineEnd,  // the one entry its line reduces to (sum, mean, max, min, logsumexp along an axis)
    Moved,    // the output entry it moved to (concat)
};

struct OpExplain {
    Arithmetic arithmetic = Arithmetic::Move;
    std::string_view written;  // "σ({a})", "{a} @ {b}", "{a}^{p}"
    std::string_view vjp[2];   // per slot, the contribution: "{G} ⊙ σ({a})(1 − σ({a}))", "{G}·{b}ᵀ"
    // ∂y/∂in[slot] at one entry, from the operands' entries a, b (0 when unary), the output's y and
    // n, the number of entries averaged over (Mean, MeanSquare). Unused for MatMul, Move and General.
    double (*local)(int slot, double a, double b, double y, double n, const OpAttrs& attrs) = nullptr;
    Reach reach = Reach::None;  // General ops: how a backward step is written entry by entry; Sum, Mean: LineEnd along the axis
    // General ops along an axis whose forward entry is a formula of its line's entries: {a} the
    // entry itself, {b} the line's exponentials summed ("exp(1) + exp(2)"): "exp({a}) / ({b})".
    std::string_view lineForm = {};
};

struct OpDef {
    std::string_view name;     // "matmul": the JSON "op" field and the .bpg function name where callable
    std::string_view symbol;   // "@": what the canvas draws in the node
    int arity;
    int attrCount;             // trailing number arguments in .bpg: reshape(a, 2, 3) has 2, a ^ p has 1
    // The output's shape for these input shapes, or kNoShape with `error` filled. Returned by
    // value (in registers): a shape written to memory and read back at once made the processor
    // wait for the stores, a third of checking an op.
    Shape (*shape)(std::span<const Shape> in, const OpAttrs& attrs, Message& error);
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
    std::array<Attr, 4> attrs = {};  // what the attrCount trailing arguments are, in order
    // Input slots no gradient flows through (detach, the class indices of cross_entropy): a bit
    // per slot. Their contribution is zero; PyTorch does not track them.
    unsigned char stopsGradient = 0;
    // An elementwise op on numbers, for a 1x1 result of 1x1 inputs: what forward and vjp compute
    // for one entry (b is 0 for a one-input op), without a matrix around the number. The engine
    // takes this path for a scalar node; OpTable.NumberFormsAgreeWithTheMatrixForms checks the two
    // agree bit for bit. Null for the other ops.
    double (*forwardNumber)(double a, double b, const OpAttrs& attrs) = nullptr;
    double (*vjpNumber)(int slot, double a, double b, double y, double g, const OpAttrs& attrs) = nullptr;
};

// Whether a gradient flows from the op's output back into input `slot`.
constexpr bool passesGradient(const OpDef& op, int slot) { return (op.stopsGradient & (1u << slot)) == 0; }

// The .bpg operator of an op written between or after its operands ("+", "@", "^"), else "".
constexpr std::string_view infixText(const OpDef& op) {
    return op.bpg.form == Form::Infix || op.bpg.form == Form::Power || op.bpg.form == Form::PowerNode
               ? op.bpg.text
               : std::string_view{};
}

}  // namespace bp
