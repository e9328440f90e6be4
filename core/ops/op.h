// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One op = one OpDef row in op_table.cpp: its name, symbol, arity, shape rule, forward,
// vector-Jacobian product and the formula text the window shows. Nothing outside the table
// switches on the kind of an op.
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

struct OpDef {
    std::string_view name;     // "matmul": the JSON "op" field and the .bpg function name where callable
    std::string_view symbol;   // "@": what the canvas draws in the node
    std::string_view infix;    // "@" for an infix operator in .bpg text, "" for a function call
    int arity;
    int attrCount;             // trailing number arguments in .bpg: reshape(a, 2, 3) has 2, a ^ p has 1
    // Output shape for these input shapes, or an empty optional-like: returns false and fills `error`.
    bool (*shape)(std::span<const Shape> in, const OpAttrs& attrs, Shape& out, std::string& error);
    // out = f(inputs)
    void (*forward)(MatrixRefs in, const OpAttrs& attrs, Matrix& out);
    // The contribution to input `slot`'s gradient: upstreamᵀ·∂out/∂in[slot], in in[slot]'s shape.
    void (*vjp)(int slot, MatrixRefs in, const Matrix& out, const Matrix& upstream, const OpAttrs& attrs,
                Matrix& contribution);
    // Per slot, the local derivative in words of a and b: "∂(a·b)/∂a = b".
    std::string_view formula[2];
};

}  // namespace bp
